using System.Globalization;
using System.Text;

namespace MotCua.Platform.Text;

/// <summary>Vietnamese text as users type it: without accents, any case, "đ" as "d".</summary>
public static partial class VietnameseText
{
    /// <summary>Folds to lower-case ASCII-ish letters: "Thủ tục Đăng ký" → "thu tuc dang ky".</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsWhiteSpace(folded))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(folded);
            lastWasSpace = false;
        }

        return sb.ToString().TrimEnd();
    }

    /// <summary>NFC with one tone-mark placement, for matching names from different sources ("Hoà" = "Hòa").</summary>
    public static string Canonical(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var nfc = text.Trim().Normalize(NormalizationForm.FormC);
        // Old-style placements → new-style (oà → òa, oá → óa, …, uỷ → ủy), only where the pair ends the syllable:
        // "Hoàng", "Quỳnh" keep the mark on the vowel before the final consonant, and "quý" is q-u + ý, not a u-y pair.
        return OldStylePair().Replace(nfc, m => TonePairs[m.Value]);
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<![qQ])(?:[oO][àáảãạèéẻẽẹ]|[uU][ỳýỷỹỵ])(?!\\p{L})")]
    private static partial System.Text.RegularExpressions.Regex OldStylePair();

    private static readonly Dictionary<string, string> TonePairs = new[]
    {
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    }.SelectMany(p => new[] { p, (char.ToUpperInvariant(p.Item1[0]) + p.Item1[1..], char.ToUpperInvariant(p.Item2[0]) + p.Item2[1..]) })
        .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
}
