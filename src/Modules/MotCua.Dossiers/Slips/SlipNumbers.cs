using System.Globalization;

namespace MotCua.Dossiers.Slips;

/// <summary>Figures as the forms write them: "02 (hai) bộ" (form 01 "Số lượng hồ sơ", form 07 "Số bộ").</summary>
internal static class SlipNumbers
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];

    /// <summary>The number of sets with two digits and in words: 1 → "01 (một) bộ", 15 → "15 (mười lăm) bộ".</summary>
    public static string Sets(int sets) => string.Create(CultureInfo.InvariantCulture, $"{sets:00} ({Words(sets)}) bộ");

    /// <summary>0–999 in Vietnamese words (mốt, tư, lăm, linh as usual in administrative writing).</summary>
    public static string Words(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 999);
        if (n < 10)
        {
            return Digits[n];
        }

        if (n < 100)
        {
            var tens = n / 10;
            var units = n % 10;
            var head = tens == 1 ? "mười" : $"{Digits[tens]} mươi";
            return units switch
            {
                0 => head,
                1 => tens == 1 ? "mười một" : $"{head} mốt",
                4 => tens == 1 ? "mười bốn" : $"{head} tư",
                5 => $"{head} lăm",
                _ => $"{head} {Digits[units]}",
            };
        }

        var hundreds = $"{Digits[n / 100]} trăm";
        var rest = n % 100;
        return rest == 0 ? hundreds : rest < 10 ? $"{hundreds} linh {Digits[rest]}" : $"{hundreds} {Words(rest)}";
    }
}
