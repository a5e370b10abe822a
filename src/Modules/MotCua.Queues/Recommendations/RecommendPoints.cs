using System.Globalization;
using MotCua.Catalog.Contracts;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Errors;
using MotCua.Queues.Contracts;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Waits;

namespace MotCua.Queues.Recommendations;

/// <summary>Where the person is and what they need: a ward, or coordinates; a service group, or a procedure.</summary>
internal sealed record RecommendationRequest(string? Ward, double? Latitude, double? Longitude, string? ServiceGroup, string? Procedure, int Take = 5);

/// <summary>One service point as a choice: how far, how long to get there, how long to wait, in all.</summary>
internal sealed record PointChoice(
    string Code,
    string Name,
    string Kind,
    string Address,
    double Km,
    int TravelMinutes,
    int? WaitMinutes,
    int? TotalMinutes,
    int Waiting,
    int OpenCounters,
    bool Nearest);

internal sealed record Recommendation(string From, string ServiceGroup, string ServiceGroupName, IReadOnlyList<PointChoice> Choices, string? Advice);

/// <summary>
/// Ranks the service points for a person by expected total time = travel time + expected wait (docs/planning.md):
/// travel from the straight-line distance with the planning speed model (<see cref="TravelModel"/>: detour 1.3,
/// 20 km/h, 5 minutes to get in and out — no external map service), wait from <see cref="WaitEstimator"/> on the
/// live queue. Points with no open counter for the group come last (their wait is unknown). The same class answers
/// the portal page, the kiosk, the booking page and GET /api/v1/recommendations.
/// </summary>
internal sealed class RecommendPoints(OrgDirectory org, ProcedureLookup procedures, ServiceGroupList groups, LiveQueue live)
{
    public async Task<Result<Recommendation>> RunAsync(RecommendationRequest request, CancellationToken ct)
    {
        var errors = new List<Error>();
        (double Lat, double Lon, string Name)? from = null;
        if (request.Latitude is { } lat && request.Longitude is { } lon)
        {
            if (lat is < 8 or > 24 || lon is < 102 or > 110)
            {
                errors.Add(Error.Invalid("latitude", "Tọa độ phải nằm trong lãnh thổ Việt Nam (vĩ độ 8–24, kinh độ 102–110)."));
            }
            else
            {
                from = (lat, lon, string.Create(CultureInfo.InvariantCulture, $"{lat:0.0000}, {lon:0.0000}"));
            }
        }
        else if (!string.IsNullOrWhiteSpace(request.Ward))
        {
            var ward = await org.WardAsync(request.Ward.Trim(), ct);
            if (ward is not { Latitude: { } wlat, Longitude: { } wlon })
            {
                errors.Add(Error.Invalid("ward", $"Không có xã/phường với mã \"{request.Ward}\"."));
            }
            else
            {
                from = (wlat, wlon, ward.Name);
            }
        }
        else
        {
            errors.Add(Error.Required("ward", "xã/phường nơi bạn đang ở (hoặc tọa độ)"));
        }

        ServiceGroup? group = null;
        if (!string.IsNullOrWhiteSpace(request.Procedure))
        {
            var procedure = await procedures.CurrentAsync(request.Procedure.Trim(), ct);
            if (procedure is null)
            {
                errors.Add(Error.Invalid("procedure", $"Không có thủ tục với mã \"{request.Procedure}\"."));
            }
            else
            {
                group = groups.ForField(procedure.Content.Field);
            }
        }
        else if (!string.IsNullOrWhiteSpace(request.ServiceGroup))
        {
            group = groups.Find(request.ServiceGroup.Trim());
            if (group is null)
            {
                errors.Add(Error.Invalid("serviceGroup", $"Không có nhóm dịch vụ \"{request.ServiceGroup}\"."));
            }
        }
        else
        {
            errors.Add(Error.Required("serviceGroup", "việc bạn cần làm (nhóm dịch vụ hoặc thủ tục)"));
        }

        if (request.Take is < 1 or > 50)
        {
            errors.Add(Error.Invalid("take", "Số điểm gợi ý phải từ 1 đến 50."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var places = (await org.ServicePlacesAsync(ct)).Where(p => p.Latitude is not null && p.Longitude is not null).ToList();
        var queues = await live.ByPointAsync(null, ct);
        var model = TravelModel.Default;
        var (fromLat, fromLon, fromName) = from!.Value;
        var choices = places.Select(p =>
        {
            var km = TravelModel.DistanceKm(fromLat, fromLon, p.Latitude!.Value, p.Longitude!.Value);
            var travel = (int)Math.Ceiling(model.Minutes(km));
            var queue = queues.TryGetValue(p.Id, out var list) ? list.First(q => q.Group == group!.Code) : null;
            var wait = queue?.WaitMinutes;
            return new PointChoice(p.Code, p.Name, UnitKindNames.Vietnamese(p.Kind), p.Address, Math.Round(km, 1), travel, wait, wait is { } w ? travel + w : null,
                queue?.State.Ahead ?? 0, queue?.State.OpenCounters ?? 0, Nearest: false);
        }).ToList();

        var nearest = choices.OrderBy(c => c.Km).FirstOrDefault();
        var ranked = choices.OrderBy(c => c.TotalMinutes is null ? 1 : 0).ThenBy(c => c.TotalMinutes ?? c.TravelMinutes).ThenBy(c => c.Km)
            .Take(request.Take).Select(c => c == nearest ? c with { Nearest = true } : c).ToList();
        if (nearest is not null && !ranked.Any(c => c.Nearest))
        {
            ranked.Add(nearest with { Nearest = true });
        }

        return new Recommendation(fromName, group!.Code, group.Name.ToString(), ranked, Advice(ranked));
    }

    /// <summary>Advice is given only when going elsewhere saves at least this much time in all.</summary>
    public const int WorthMentioningMinutes = 5;

    /// <summary>"Chi nhánh số 3, cách 1,8 km, đang chờ khoảng 5 phút thay vì 40 phút ở Chi nhánh số 1 (gần nhất)."</summary>
    public static string? Advice(IReadOnlyList<PointChoice> ranked)
        => AdviceText(ranked) is { } advice ? string.Format(CultureInfo.GetCultureInfo("vi-VN"), advice.Template, advice.Arguments) : null;

    /// <summary>
    /// The advice as a Vietnamese template (the UI text's key, so a page shows it in its own language) and its
    /// arguments: the better point, its distance in km, its wait, the nearest point's wait, the nearest point.
    /// </summary>
    public static (string Template, object[] Arguments)? AdviceText(IReadOnlyList<PointChoice> ranked)
    {
        var best = ranked.FirstOrDefault(c => c.TotalMinutes is not null);
        var nearest = ranked.FirstOrDefault(c => c.Nearest);
        if (best is null || nearest is null || best.Code == nearest.Code || nearest.TotalMinutes - best.TotalMinutes < WorthMentioningMinutes)
        {
            return null;
        }

        return nearest.WaitMinutes is { } nearWait
            ? (AdviceShorterWait, [best.Name, best.Km, best.WaitMinutes!, nearWait, nearest.Name])
            : (AdviceNearestClosed, [best.Name, best.Km, best.WaitMinutes!, "", nearest.Name]);
    }

    public const string AdviceShorterWait = "{0}, cách {1:0.#} km, đang chờ khoảng {2} phút thay vì {3} phút ở {4} (gần nhất).";

    public const string AdviceNearestClosed = "{0}, cách {1:0.#} km, đang chờ khoảng {2} phút; {4} (gần nhất) chưa mở quầy cho việc này.";
}
