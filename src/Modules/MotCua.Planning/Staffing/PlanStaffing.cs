using Microsoft.Extensions.Options;
using MotCua.Organisation.Contracts;
using MotCua.Planning;
using MotCua.Planning.Siting;
using MotCua.Planning.Staffing;
using MotCua.Platform;
using MotCua.Platform.Errors;
using MotCua.Queues.Contracts;

namespace MotCua.Planning.Staffing;

/// <summary>The staffing question. ServiceMinutes null = the service groups' mix (<see cref="ServiceMix"/>).</summary>
internal sealed record StaffingQuery(
    string? Base = null,
    double VisitsPer1000 = DemandModel.DefaultVisitsPer1000,
    double? ServiceMinutes = null,
    double Target = CounterStaffing.DefaultTarget,
    double WithinMinutes = CounterStaffing.DefaultWithinMinutes,
    bool ServicePoints = false);

internal sealed record PointStaffingRow(
    string Code,
    string Name,
    long Population,
    int Sites,
    double VisitsPerDay,
    IReadOnlyList<double> ArrivalsPerHour,
    string PeakHour,
    double PeakArrivalsPerHour,
    int Counters,
    double Occupancy,
    double ServiceLevel,
    double MeanWaitMinutes);

/// <summary>The staffing answer (the page and GET /api/v1/planning/staffing).</summary>
internal sealed record StaffingAnswer(
    string Base,
    string BaseDescription,
    double VisitsPer1000,
    IReadOnlyList<HourShare> Profile,
    double ServiceMinutes,
    IReadOnlyList<GroupShare> Mix,
    double Target,
    double WithinMinutes,
    double VisitsPerDay,
    IReadOnlyList<PointStaffingRow> Points,
    int TotalCounters,
    int StaffTarget,
    int DifferenceFromTarget);

/// <summary>
/// Counters per point (docs/planning.md §2): the forecast of each point from the population nearest to it
/// (<see cref="ArrivalForecast"/>), the mix's mean service time, Erlang C at the peak hour
/// (<see cref="StaffingPlanner"/>), and the city total against the 184 staff of the founding plan.
/// </summary>
internal sealed class PlanStaffing(NetworkGeography data, IServiceGroups groups, IOptions<CenterOptions> center)
{
    public async Task<Result<StaffingAnswer>> RunAsync(StaffingQuery q, CancellationToken ct)
    {
        var errors = new List<Error>();
        var populationBase = PopulationBases.Parse(q.Base);
        if (populationBase is null)
        {
            errors.Add(Error.Invalid("base", PopulationBases.InvalidMessage));
        }

        if (!(q.VisitsPer1000 > 0 && q.VisitsPer1000 <= 100))
        {
            errors.Add(Error.Invalid("visitsPer1000", "Số lượt đến mỗi ngày trên 1.000 dân phải lớn hơn 0 và không quá 100."));
        }

        if (q.ServiceMinutes is { } m && !(m > 0 && m <= 240))
        {
            errors.Add(Error.Invalid("serviceMinutes", "Thời gian phục vụ trung bình phải lớn hơn 0 và không quá 240 phút."));
        }

        if (!(q.Target > 0 && q.Target < 1))
        {
            errors.Add(Error.Invalid("target", "Mục tiêu phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0,9)."));
        }

        if (!(q.WithinMinutes > 0 && q.WithinMinutes <= 240))
        {
            errors.Add(Error.Invalid("withinMinutes", "Thời gian chờ mục tiêu phải lớn hơn 0 và không quá 240 phút."));
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
        var mix = ServiceMix.Of(groups);
        var serviceMinutes = q.ServiceMinutes ?? Math.Round(ServiceMix.MeanServiceMinutes(mix), 2);
        try
        {
            var demand = DemandModel.WithVisits(q.VisitsPer1000);
            var forecast = ArrivalForecast.ByNearestPoint(sites, points, demand);
            var plan = StaffingPlanner.Plan(forecast.Select(f => f.Forecast), serviceMinutes, q.Target, q.WithinMinutes);
            var rows = forecast.Zip(plan.Points, (f, s) => new PointStaffingRow(
                f.Point.Code, f.Point.Name, f.Population, f.Sites, Math.Round(f.VisitsPerDay, 1),
                f.Forecast.ArrivalsPerHour.Select(a => Math.Round(a, 2)).ToList(),
                $"{demand.Profile[s.PeakHourIndex].StartHour:00}:00", Math.Round(s.PeakArrivalsPerHour, 2), s.AtPeak.Counters,
                Math.Round(s.AtPeak.Occupancy, 3), Math.Round(s.AtPeak.ServiceLevel, 4), Math.Round(s.AtPeak.MeanWaitMinutes, 2))).ToList();
            return new StaffingAnswer(
                PopulationBases.Name(populationBase.Value), PopulationBases.Describe(populationBase.Value), q.VisitsPer1000, demand.Profile,
                serviceMinutes, mix, q.Target, q.WithinMinutes, Math.Round(forecast.Sum(f => f.VisitsPerDay), 1), rows,
                plan.TotalCounters, plan.StaffTarget, plan.DifferenceFromTarget);
        }
        catch (PlanningInputException e)
        {
            return Error.Invalid("input", e.Message);
        }
    }
}
