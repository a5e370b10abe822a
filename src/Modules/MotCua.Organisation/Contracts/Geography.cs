using System.Globalization;
using MotCua.Organisation.Network;
using MotCua.Organisation.Seed;
using MotCua.Platform.Text;

namespace MotCua.Organisation.Contracts;

/// <summary>An open service point (any kind of point that receives dossiers) at a position.</summary>
public sealed record ServiceLocation(string Code, string Name, double Latitude, double Longitude);

/// <summary>Hanoi's population as sites (centroid + population), read from the embedded seed files — no database.</summary>
public static class PopulationSites
{
    private static readonly Lazy<IReadOnlyList<Site>> Communes = new(ReadCommunes2019);
    private static readonly Lazy<IReadOnlyList<Site>> Wards = new(ReadWards2025);

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
