using System.Text.Json;
using MotCua.Integrations.Contracts;

namespace MotCua.Dossiers.Ratings;

internal sealed record RatingOption(int Score, string Label);

internal sealed record RatingCriterion(string Key, string Question, IReadOnlyList<RatingOption> Options);

/// <summary>
/// The evaluation criteria (TT 01/2018/TT-VPCP set, LEGAL-NOTES "Citizen evaluation"): nine indices scored
/// 2 / 1 / 0 and two three-level questions — data in Ratings/criteria.json, not code.
/// </summary>
internal static class RatingCriteria
{
    private static readonly Lazy<(IReadOnlyList<RatingCriterion> Indices, IReadOnlyList<RatingCriterion> Questions)> Loaded = new(Load);

    public static IReadOnlyList<RatingCriterion> Indices => Loaded.Value.Indices;

    public static IReadOnlyList<RatingCriterion> Questions => Loaded.Value.Questions;

    private static (IReadOnlyList<RatingCriterion>, IReadOnlyList<RatingCriterion>) Load()
    {
        using var stream = typeof(RatingCriteria).Assembly.GetManifestResourceStream("rating-criteria.json")
            ?? throw new InvalidOperationException("rating-criteria.json is not embedded.");
        var data = JsonSerializer.Deserialize<Data>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return (data.Indices, data.Questions);
    }

    private sealed record Data(List<RatingCriterion> Indices, List<RatingCriterion> Questions);
}
