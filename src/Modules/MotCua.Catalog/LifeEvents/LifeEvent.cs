using System.Globalization;
using System.Text.Json.Serialization;
using MotCua.Catalog.Search;

namespace MotCua.Catalog.LifeEvents;

/// <summary>A text in Vietnamese (the default) and English.</summary>
public sealed record LocalText(string Vi, string En)
{
    /// <summary>The English text when the UI culture is English, the Vietnamese otherwise.</summary>
    public string In(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? En : Vi;

    public override string ToString() => In(CultureInfo.CurrentUICulture);
}

/// <summary>
/// A life event (sự kiện đời sống: having a baby, getting married, moving home …) and the procedures that
/// belong to it, as rules over the catalog (see life-events.json).
/// </summary>
public sealed record LifeEvent(
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
