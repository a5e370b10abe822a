using MotCua.Platform.Text;

namespace MotCua.Catalog.Search;

/// <summary>
/// A set of procedures named by rules, prepared once: a procedure belongs when its field is one of
/// <c>fields</c>, its name contains one of <c>terms</c> as whole words, or its code is one of <c>codes</c>
/// (accents, case and punctuation ignored). Used for life events.
/// </summary>
internal sealed class ProcedureSelection
{
    private readonly HashSet<string> fields;
    private readonly HashSet<string> codes;
    private readonly string[] phrases;

    public ProcedureSelection(IEnumerable<string> fields, IEnumerable<string> terms, IEnumerable<string> codes)
    {
        this.fields = fields.Select(VietnameseText.Fold).Where(f => f.Length > 0).ToHashSet(StringComparer.Ordinal);
        this.codes = codes.Select(Code).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        phrases = terms.Select(ProcedureSearchIndex.Words).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).Select(w => " " + w + " ").ToArray();
    }

    public bool IsEmpty => fields.Count == 0 && codes.Count == 0 && phrases.Length == 0;

    /// <summary>The code as the index keeps it: folded, without spaces.</summary>
    internal static string Code(string? code) => VietnameseText.Fold(code).Replace(" ", "", StringComparison.Ordinal);

    /// <param name="foldedField">The field, folded.</param>
    /// <param name="foldedCode">The code, folded without spaces.</param>
    /// <param name="paddedWords">The name as words (<see cref="ProcedureSearchIndex.Words"/>) with a space at each end.</param>
    internal bool Contains(string foldedField, string foldedCode, string paddedWords)
    {
        if (fields.Contains(foldedField) || codes.Contains(foldedCode))
        {
            return true;
        }

        foreach (var phrase in phrases)
        {
            if (paddedWords.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
