using System.Globalization;
using MotCua.Organisation.Network;
using MotCua.Organisation.Seed;
using MotCua.Platform.Text;

namespace MotCua.Organisation.Planning;

/// <summary>What the population of a planning answer is counted on.</summary>
public enum PopulationBase
{
    /// <summary>Hanoi's 126 communes/wards since 1/7/2025, each with the 2019 census population of the old units
    /// merged into it, split equally where an old unit was split (an <b>estimate</b>; seed/hanoi_units_2025.csv).</summary>
    Wards2025 = 0,

    /// <summary>Hanoi's 579 pre-2025 communes/wards with their <b>2019 census</b> population and approximate
    /// coordinates (seed/hanoi_units_pre2025.csv; 526 at the centroid of the 2025 ward they went into, 53 at their
    /// district's centroid; 3 without a census figure count as 0).</summary>
    Communes2019 = 1,
}

/// <summary>The population bases as sites (centroid + population), read from the embedded seed files.</summary>
public static class PopulationBases
{
    public const string Wards2025Name = "wards2025";
    public const string Communes2019Name = "communes2019";

    private static readonly Lazy<IReadOnlyList<Site>> Communes = new(ReadCommunes2019);
    private static readonly Lazy<IReadOnlyList<Site>> Wards = new(ReadWards2025);

    /// <summary>"wards2025" or "communes2019" (case-insensitive; empty = wards2025); null for anything else.</summary>
    public static PopulationBase? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or Wards2025Name => PopulationBase.Wards2025,
        Communes2019Name => PopulationBase.Communes2019,
        _ => null,
    };

    public static string Name(PopulationBase b) => b == PopulationBase.Communes2019 ? Communes2019Name : Wards2025Name;

    public static string Describe(PopulationBase b) => b == PopulationBase.Communes2019
        ? "579 xã, phường trước 1/7/2025, dân số Tổng điều tra 2019 (tọa độ gần đúng)"
        : "126 xã, phường từ 1/7/2025, dân số ước tính từ Tổng điều tra 2019";

    public const string InvalidMessage = "Cơ sở dân số phải là \"wards2025\" (126 xã, phường) hoặc \"communes2019\" (579 xã, phường trước 2025).";

    /// <summary>Hanoi's 579 pre-2025 communes (level 3 rows), in code order.</summary>
    public static IReadOnlyList<Site> Communes2019() => Communes.Value;

    /// <summary>Hanoi's 126 wards from the seed file, as the database holds them after seeding (for benchmarks and tests without a database).</summary>
    public static IReadOnlyList<Site> Wards2025() => Wards.Value;

    private static List<Site> ReadCommunes2019()
        => SeedFiles.Csv("hanoi_units_pre2025.csv").Rows
            .Where(r => r["level"] == "3")
            .Select(r => new Site(r["code"], VietnameseText.Canonical(r["name"]), Number(r["lat"]), Number(r["lon"]),
                int.TryParse(r["pop_2019"], CultureInfo.InvariantCulture, out var p) ? p : 0))
            .OrderBy(s => s.WardCode, StringComparer.Ordinal)
            .ToList();

    private static List<Site> ReadWards2025()
        => SeedFiles.Csv("hanoi_units_2025.csv").Rows
            .Select(r => new Site(r["code"], VietnameseText.Canonical(r["name"]), Number(r["lat"]), Number(r["lon"]),
                int.TryParse(r["pop2019_est_equal_split"], CultureInfo.InvariantCulture, out var p) ? p : 0))
            .OrderBy(s => s.WardCode, StringComparer.Ordinal)
            .ToList();

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

/// <summary>
/// The demo network as <see cref="NetworkSeeder"/> places it (the same calls in the same order: branches, then
/// reception points, at ward centroids by <see cref="NetworkPlanner"/>), without a database — for benchmarks.
/// </summary>
public static class SeededNetwork
{
    public static IReadOnlyList<ServiceLocation> Locations(IReadOnlyList<Site> wards, int branches = 12, int receptionPoints = 30, bool servicePoints = false)
    {
        var taken = new HashSet<string>();
        var result = new List<ServiceLocation>();
        var placed = NetworkPlanner.Place(wards, branches, taken);
        for (var i = 0; i < placed.Count; i++)
        {
            taken.Add(placed[i].WardCode);
            result.Add(new ServiceLocation($"CN{i + 1:00}", $"Chi nhánh số {i + 1} ({placed[i].WardName})", placed[i].Latitude, placed[i].Longitude));
        }

        var points = NetworkPlanner.Place(wards, receptionPoints, taken);
        for (var i = 0; i < points.Count; i++)
        {
            taken.Add(points[i].WardCode);
            result.Add(new ServiceLocation($"DTN{i + 1:00}", $"Điểm tiếp nhận số {i + 1} ({points[i].WardName})", points[i].Latitude, points[i].Longitude));
        }

        if (servicePoints)
        {
            result.AddRange(wards.Select(w => new ServiceLocation($"DPV-{w.WardCode}", $"Điểm phục vụ {w.WardName}", w.Latitude, w.Longitude)));
        }

        return result.OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
    }
}
