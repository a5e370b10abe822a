using System.Globalization;
using System.Text;
using MotCua.Organisation.Contracts;
using MotCua.Planning.Siting;

namespace MotCua.Planning;

/// <summary>
/// The planning answers as plain Vietnamese text (the console's `motcua coverage` and `motcua staffing`):
/// numbers the Vietnamese way (1.234.567 people, 85,3 %), no colours, no tables drawn with box characters.
/// </summary>
internal static class PlanningText
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Number(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Vi);

    public static string Percent(double share) => Number(share * 100, 1) + " %";

    /// <summary>`motcua coverage`: the shares covered, the uncovered sites and the greedy suggestions.</summary>
    public static string Coverage(CoverageResult coverage, IReadOnlyList<SitingPick> picks, int pointCount, TravelModel travel, int uncoveredShown = 30)
    {
        var text = new StringBuilder();
        text.AppendLine(Vi, $"Điểm đang mở: {pointCount}; địa bàn: {coverage.Sites.Count}; dân số: {Number(coverage.TotalPopulation)}");
        text.AppendLine(Vi, $"Trong bán kính {Number(coverage.RadiusKm, 1)} km (đường chim bay): {Number(coverage.WithinRadius)} người ({Percent(coverage.ShareWithinRadius)})");
        text.AppendLine(Vi,
            $"Trong {Number(coverage.MaxMinutes, 0)} phút đi lại: {Number(coverage.WithinMinutes)} người ({Percent(coverage.ShareWithinMinutes)})");
        text.AppendLine(Vi,
            $"  (thời gian = {Number(travel.DetourFactor, 2)} × km ÷ {Number(travel.SpeedKmh, 0)} km/h × 60 + {Number(travel.AccessMinutes, 0)} phút)");

        var uncovered = coverage.UncoveredByRadius;
        text.AppendLine();
        text.AppendLine(Vi, $"Địa bàn ngoài bán kính {Number(coverage.RadiusKm, 1)} km: {uncovered.Count} ({Number(uncovered.Sum(u => (long)u.Site.Population))} người)");
        foreach (var u in uncovered.Take(uncoveredShown))
        {
            var nearest = u.Nearest is null ? "không có điểm nào" : $"{Number(u.Km, 1)} km, khoảng {Number(u.Minutes, 0)} phút tới {u.Nearest.Name}";
            text.AppendLine(Vi, $"  {u.Site.WardCode} {u.Site.WardName}: {Number(u.Site.Population)} người; {nearest}");
        }

        if (uncovered.Count > uncoveredShown)
        {
            text.AppendLine(Vi, $"  … và {uncovered.Count - uncoveredShown} địa bàn khác");
        }

        if (picks.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(Vi, $"Đề xuất {picks.Count} địa điểm mới (tham lam, mỗi lần chọn nơi phủ thêm nhiều dân nhất trong {Number(coverage.RadiusKm, 1)} km):");
            foreach (var p in picks)
            {
                var share = coverage.TotalPopulation == 0 ? 0 : (double)p.CoveredAfter / coverage.TotalPopulation;
                text.AppendLine(Vi, $"  {p.Rank}. {p.Candidate.WardCode} {p.Candidate.WardName}: thêm {Number(p.Gain)} người; tổng được phủ {Number(p.CoveredAfter)} ({Percent(share)})");
            }
        }

        return text.ToString().TrimEnd();
    }
}
