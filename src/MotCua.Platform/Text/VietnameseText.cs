using System.Globalization;
using System.Text;

namespace MotCua.Platform.Text;

/// <summary>Vietnamese text as users type it: without accents, any case, "đ" as "d".</summary>
public static class VietnameseText
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
        // Old-style placements → new-style (oà → òa, oá → óa, …, uỷ → ủy).
        foreach (var (from, to) in TonePairs)
        {
            nfc = nfc.Replace(from, to, StringComparison.Ordinal);
        }

        return nfc;
    }

    private static readonly (string, string)[] TonePairs =
    [
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
        ("Oà", "Òa"), ("Oá", "Óa"), ("Uỷ", "Ủy"), ("Uý", "Úy"),
    ];
}
