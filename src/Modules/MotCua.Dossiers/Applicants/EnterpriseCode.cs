namespace MotCua.Dossiers.Applicants;

/// <summary>
/// The enterprise code (mã số doanh nghiệp, which is also its tax code): 10 digits, or 13 for a branch or
/// dependent unit, written 10-3 ("0101234567-001").
/// </summary>
internal static class EnterpriseCode
{
    public const string Message = "Mã số doanh nghiệp (mã số thuế) phải gồm 10 chữ số, hoặc 13 chữ số viết dạng 0101234567-001.";

    /// <summary>The code as it is written (10 digits, or 10-3), or null when it is not one; spaces and dots are ignored, 13 bare digits get their dash.</summary>
    public static string? Normalize(string? text)
    {
        var s = (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        if (IsDigits(s, 10))
        {
            return s;
        }

        if (IsDigits(s, 13))
        {
            return $"{s[..10]}-{s[10..]}";
        }

        return s.Length == 14 && IsDigits(s[..10], 10) && s[10] == '-' && IsDigits(s[11..], 3) ? s : null;
    }

    private static bool IsDigits(string s, int length) => s.Length == length && s.All(char.IsAsciiDigit);
}
