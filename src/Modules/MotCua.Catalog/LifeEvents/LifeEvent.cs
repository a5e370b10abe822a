using System.Text.Json.Serialization;
using MotCua.Catalog.Search;
using MotCua.Platform.Text;

namespace MotCua.Catalog.LifeEvents;

/// <summary>
/// A life event (sự kiện đời sống: having a baby, getting married, moving home …) and the procedures that
/// belong to it, as rules over the catalog (see life-events.json).
/// </summary>
internal sealed record LifeEvent(
    string Slug,
    LocalText Name,
    LocalText Description,
    IReadOnlyList<string> Fields,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> Codes)
{
    /// <summary>The rules, prepared for the search index.</summary>
    [JsonIgnore]
    public ProcedureSelection Selection { get; } = new(Fields, Terms, Codes);
}
