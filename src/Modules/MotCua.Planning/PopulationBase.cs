using MotCua.Organisation.Contracts;

namespace MotCua.Planning;

/// <summary>What the population of a planning answer is counted on.</summary>
internal enum PopulationBase
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
internal static class PopulationBases
{
    public const string Wards2025Name = "wards2025";
    public const string Communes2019Name = "communes2019";

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
    public static IReadOnlyList<Site> Communes2019() => PopulationSites.Communes2019();

    /// <summary>Hanoi's 126 wards from the seed file, as the database holds them after seeding (for benchmarks and tests without a database).</summary>
    public static IReadOnlyList<Site> Wards2025() => PopulationSites.Wards2025();

    /// <summary>
    /// The sites of a population base: the province's 2025 wards from the database, or Hanoi's 579 pre-2025
    /// communes (2019 census) from the embedded seed file — only for Hanoi (province 01), null otherwise.
    /// </summary>
    public static async Task<IReadOnlyList<Site>?> SitesAsync(this NetworkGeography geography, PopulationBase populationBase, string provinceCode, CancellationToken ct)
        => populationBase == PopulationBase.Communes2019
            ? (provinceCode == "01" ? Communes2019() : null)
            : await geography.WardsAsync(provinceCode, ct);
}
