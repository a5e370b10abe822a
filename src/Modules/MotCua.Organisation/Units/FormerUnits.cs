using MotCua.Organisation.Seed;
using MotCua.Platform.Text;

namespace MotCua.Organisation.Units;

/// <summary>
/// The names people still use for where they live: the districts (quận, huyện, thị xã) and communes of Hanoi before
/// the reorganisation of 1/7/2025, against the wards of today they went into (seed/hanoi_units_pre2025.csv,
/// <c>new_codes_2025_07</c>; a commune split over several wards counts for each). Folded (no accents, lower case)
/// for search; read once from the embedded seed file.
/// </summary>
internal static class FormerUnits
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> Names = new(Read);

    /// <summary>The codes of today's wards whose former district or commune name contains the folded text.</summary>
    public static IEnumerable<string> WardsMatching(string folded)
        => folded.Length == 0 ? [] : Names.Value.Where(w => w.Value.Any(n => n.Contains(folded, StringComparison.Ordinal))).Select(w => w.Key);

    private static Dictionary<string, IReadOnlyList<string>> Read()
    {
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in SeedFiles.Csv("hanoi_units_pre2025.csv").Rows.Where(r => r["level"] == "3"))
        {
            foreach (var ward in row["new_codes_2025_07"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!names.TryGetValue(ward, out var set))
                {
                    names[ward] = set = [];
                }

                set.Add(VietnameseText.Fold(row["name"]));
                set.Add(VietnameseText.Fold(row["parent_name"]));
            }
        }

        return names.ToDictionary(n => n.Key, n => (IReadOnlyList<string>)[.. n.Value], StringComparer.Ordinal);
    }
}
