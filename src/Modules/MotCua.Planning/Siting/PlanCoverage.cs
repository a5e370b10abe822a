using Microsoft.Extensions.Options;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Contracts.Maps;
using MotCua.Planning;
using MotCua.Planning.Siting;
using MotCua.Planning.Staffing;
using MotCua.Platform;
using MotCua.Platform.Errors;

namespace MotCua.Planning.Siting;

/// <summary>The coverage question: which population base, which limits, which travel model, which points, how many suggestions.</summary>
internal sealed record CoverageQuery(
    string? Base = null,
    double RadiusKm = CoveragePlanner.DefaultRadiusKm,
    double Minutes = CoveragePlanner.DefaultMinutes,
    double Detour = 1.3,
    double SpeedKmh = 20,
    double AccessMinutes = 5,
    bool ServicePoints = false,
    int Suggest = 5);

internal sealed record UncoveredSite(string Code, string Name, int Population, double Km, double Minutes, string? NearestPoint);

internal sealed record SuggestedSite(int Rank, string Code, string Name, double Latitude, double Longitude, long Gain, long CoveredAfter, double ShareAfter);

/// <summary>The coverage answer (the page and GET /api/v1/planning/coverage).</summary>
internal sealed record CoverageAnswer(
    string Base,
    string BaseDescription,
    int Sites,
    int Points,
    long Population,
    double RadiusKm,
    double Minutes,
    TravelModel Travel,
    long WithinRadius,
    double ShareWithinRadius,
    long WithinMinutes,
    double ShareWithinMinutes,
    IReadOnlyList<UncoveredSite> UncoveredByRadius,
    IReadOnlyList<SuggestedSite> Suggestions,
    IReadOnlyList<ServiceLocation> OpenPoints)
{
    /// <summary>The inline SVG map (not part of the API's JSON).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string MapSvg { get; init; } = "";
}

/// <summary>
/// Coverage of the open points (docs/planning.md §1): shares within the radius and the travel time, the uncovered
/// sites, the greedy suggestions over candidates at every site's centroid, and the map. Reads the sites and points
/// through <see cref="NetworkGeography"/>; the formulas are <see cref="CoveragePlanner"/>.
/// </summary>
internal sealed class PlanCoverage(NetworkGeography data, IOptions<CenterOptions> center)
{
    public async Task<Result<CoverageAnswer>> RunAsync(CoverageQuery q, CancellationToken ct)
    {
        var errors = new List<Error>();
        var populationBase = PopulationBases.Parse(q.Base);
        if (populationBase is null)
        {
            errors.Add(Error.Invalid("base", PopulationBases.InvalidMessage));
        }

        if (!(q.Detour >= 1 && q.Detour <= 5))
        {
            errors.Add(Error.Invalid("detour", "Hệ số đường vòng phải từ 1 đến 5."));
        }

        if (!(q.SpeedKmh > 0 && q.SpeedKmh <= 200))
        {
            errors.Add(Error.Invalid("speedKmh", "Tốc độ phải lớn hơn 0 và không quá 200 km/h."));
        }

        if (!(q.AccessMinutes >= 0 && q.AccessMinutes <= 240))
        {
            errors.Add(Error.Invalid("accessMinutes", "Thời gian tiếp cận phải từ 0 đến 240 phút."));
        }

        if (q.Suggest is < 0 or > 20)
        {
            errors.Add(Error.Invalid("suggest", "Số địa điểm đề xuất phải từ 0 đến 20."));
        }

        if (!(q.RadiusKm > 0 && q.RadiusKm <= 100))
        {
            errors.Add(Error.Invalid("radiusKm", "Bán kính phải lớn hơn 0 và không quá 100 km."));
        }

        if (!(q.Minutes > 0 && q.Minutes <= 240))
        {
            errors.Add(Error.Invalid("minutes", "Thời gian đi lại tối đa phải lớn hơn 0 và không quá 240 phút."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var sites = await data.SitesAsync(populationBase!.Value, center.Value.ProvinceCode, ct);
        if (sites is null)
        {
            return Error.Invalid("base", "Cơ sở communes2019 chỉ có cho Hà Nội.");
        }

        var points = await data.OpenPointsAsync(q.ServicePoints, ct);
        var travel = new TravelModel(q.Detour, q.SpeedKmh, q.AccessMinutes);
        CoverageResult result;
        IReadOnlyList<SitingPick> picks;
        try
        {
            result = CoveragePlanner.Measure(sites, points, q.RadiusKm, q.Minutes, travel);
            picks = CoveragePlanner.Suggest(sites, points, sites, q.Suggest, q.RadiusKm);
        }
        catch (PlanningInputException e)
        {
            return Error.Invalid("input", e.Message);
        }

        var total = result.TotalPopulation;
        var answer = new CoverageAnswer(
            PopulationBases.Name(populationBase.Value), PopulationBases.Describe(populationBase.Value), sites.Count, points.Count, total,
            q.RadiusKm, q.Minutes, travel,
            result.WithinRadius, result.ShareWithinRadius, result.WithinMinutes, result.ShareWithinMinutes,
            result.UncoveredByRadius.Select(u => new UncoveredSite(u.Site.WardCode, u.Site.WardName, u.Site.Population, Math.Round(u.Km, 2),
                double.IsInfinity(u.Minutes) ? -1 : Math.Round(u.Minutes, 1), u.Nearest?.Code)).ToList(),
            picks.Select(p => new SuggestedSite(p.Rank, p.Candidate.WardCode, p.Candidate.WardName, p.Candidate.Latitude, p.Candidate.Longitude,
                p.Gain, p.CoveredAfter, total == 0 ? 0 : (double)p.CoveredAfter / total)).ToList(),
            points)
        {
            MapSvg = CoverageMap.Svg(result, points, picks,
                $"Bản đồ phủ dân số trong {PlanningText.Number(q.RadiusKm, 1)} km",
                $"{sites.Count} địa bàn ({PopulationBases.Describe(populationBase.Value)}): trên nền {WardMap.Hanoi2025().Count} phường, xã của Hà Nội (ranh giới gần đúng), tô xanh khi tâm phường, xã trong {PlanningText.Number(q.RadiusKm, 1)} km của một điểm đang mở, vàng khi chỉ trong {PlanningText.Number(q.Minutes, 0)} phút đi lại, đỏ khi ngoài cả hai; "
                + $"{points.Count} điểm đang mở (ô vuông) với vòng {PlanningText.Number(q.RadiusKm, 1)} km; {picks.Count} địa điểm đề xuất (hình thoi cam, vòng nét đứt). "
                + $"{PlanningText.Percent(result.ShareWithinRadius)} dân số trong {PlanningText.Number(q.RadiusKm, 1)} km. Cùng dữ liệu có trong các bảng bên dưới.", travel),
        };
        return answer;
    }
}
