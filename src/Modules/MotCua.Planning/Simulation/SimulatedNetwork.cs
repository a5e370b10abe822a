using System.Globalization;
using System.Text;
using MotCua.Organisation.Contracts;
using MotCua.Planning;
using MotCua.Planning.Siting;
using MotCua.Planning.Staffing;

namespace MotCua.Planning.Simulation;

/// <summary>
/// The counters of the simulated points: either a fixed number at every point, or (default) the staffing plan —
/// each point's Erlang C counters for its peak-hour forecast (nearest-point population × visits per 1,000 × the
/// hourly profile; the mix's mean service time; 90 % within 15 minutes), at least one.
/// </summary>
internal static class SimulatedNetwork
{
    public static IReadOnlyList<SimulatedPoint> Staffed(IReadOnlyList<Site> sites, IReadOnlyList<ServiceLocation> points, DemandModel demand,
        IReadOnlyList<GroupShare> mix, int? fixedCounters = null)
    {
        if (fixedCounters is { } c)
        {
            if (c is < 1 or > 200)
            {
                throw new PlanningInputException("Số quầy mỗi điểm phải từ 1 đến 200.");
            }

            return points.Select(p => new SimulatedPoint(p, c)).ToList();
        }

        var forecast = ArrivalForecast.ByNearestPoint(sites, points, demand);
        var plan = StaffingPlanner.Plan(forecast.Select(f => f.Forecast), ServiceMix.MeanServiceMinutes(mix));
        return points.Select((p, i) => new SimulatedPoint(p, Math.Max(1, plan.Points[i].AtPeak.Counters))).ToList();
    }

    /// <summary>The `motcua simulate` table: one column per policy.</summary>
    public static string Table(SimulationSetup setup, IReadOnlyList<PolicyOutcome> outcomes, string baseName)
    {
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        string N(double v, int d = 1) => PlanningText.Number(v, d);
        var text = new StringBuilder();
        text.AppendLine(vi, $"Mô phỏng một ngày làm việc (08:00–12:00, 13:00–17:00), hạt giống {setup.Seed}");
        text.AppendLine(vi, $"Dân số: {baseName}; {setup.Sites.Count} địa bàn, {PlanningText.Number(setup.Sites.Sum(s => (long)s.Population))} người; {N(setup.Demand.VisitsPer1000PerDay, 2)} lượt/1.000 dân/ngày");
        text.AppendLine(vi, $"Mạng lưới: {setup.Points.Count} điểm, {setup.Points.Sum(p => p.Counters)} quầy; phục vụ trung bình {N(ServiceMix.MeanServiceMinutes(setup.Mix), 1)} phút");
        text.AppendLine();
        var rows = new (string Label, Func<PolicyOutcome, string> Value)[]
        {
            ("Chính sách", o => o.Policy == RoutingPolicy.Nearest ? "Gần nhất" : "Theo tải"),
            ("Lượt đến / đã phục vụ", o => $"{o.Visitors} / {o.Served}"),
            ("Đi lại TB / p95 (phút)", o => $"{N(o.Travel.Mean)} / {N(o.Travel.P95)}"),
            ("Chờ TB / p95 (phút)", o => $"{N(o.Wait.Mean)} / {N(o.Wait.P95)}"),
            ("Tổng TB / p95 (phút)", o => $"{N(o.Total.Mean)} / {N(o.Total.P95)}"),
            ("Điểm đông nhất", o => o.BusiestPoint),
            ("Hàng chờ dài nhất (người)", o => o.BusiestPeakQueue.ToString(CultureInfo.InvariantCulture)),
            ("Sai số ước tính chờ (TB |e|, phút)", o => N(o.EstimatorMeanAbsoluteError)),
            ("Độ lệch ước tính (TB e, phút)", o => N(o.EstimatorMeanError)),
            ("Lượt cuối xong lúc", o => Clock(o.LastFinishMinutes)),
        };
        var width = rows.Max(r => r.Label.Length) + 2;
        var columns = outcomes.Select(o => rows.Max(r => r.Value(o).Length) + 2).ToList();
        foreach (var (label, value) in rows)
        {
            text.Append(label.PadRight(width));
            for (var i = 0; i < outcomes.Count; i++)
            {
                text.Append(value(outcomes[i]).PadLeft(columns[i]));
            }

            text.AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    private static string Clock(double minutes)
    {
        var m = (int)Math.Ceiling(minutes);
        return string.Create(CultureInfo.InvariantCulture, $"{m / 60:00}:{m % 60:00}");
    }
}
