using System.Text;

namespace MotCua.Forms;

/// <summary>The shapes of Vietnamese personal ID numbers and telephone numbers, as typed by people.</summary>
internal static class VietnameseNumbers
{
    /// <summary>
    /// The province codes that open a 12-digit personal ID number (số định danh cá nhân, Thông tư 59/2021/TT-BCA):
    /// the 63 provinces before the 2025 reorganisation, 001 Hà Nội … 096 Cà Mau (numbers already issued keep them).
    /// </summary>
    public static readonly IReadOnlySet<string> IdProvinceCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
        "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
        "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
        "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    };

    public enum IdProblem
    {
        None,
        NotTwelveDigits,
        UnknownProvince,
    }

    /// <summary>Spaces, dots and dashes removed ("001 090 000 001" → "001090000001").</summary>
    public static string CleanId(string value) => Strip(value, keepPlus: false);

    public static IdProblem CheckId(string cleaned)
    {
        if (cleaned.Length != 12 || !cleaned.All(char.IsAsciiDigit))
        {
            return IdProblem.NotTwelveDigits;
        }

        return IdProvinceCodes.Contains(cleaned[..3]) ? IdProblem.None : IdProblem.UnknownProvince;
    }

    /// <summary>
    /// A mobile number (10 digits: 03x, 05x, 07x, 08x, 09x) or a landline with its area code (11 digits: 02x…),
    /// written with spaces, dots, dashes, brackets or the country code (+84, 84); null when it is neither.
    /// The result is the national form: "0912345678", "02438253535".
    /// </summary>
    public static string? NormalizePhone(string value)
    {
        var digits = Strip(value, keepPlus: true);
        if (digits.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length is 11 or 12)
        {
            digits = "0" + digits[2..];
        }

        if (!digits.All(char.IsAsciiDigit) || digits.Length < 10 || digits[0] != '0')
        {
            return null;
        }

        var mobile = digits.Length == 10 && digits[1] is '3' or '5' or '7' or '8' or '9';
        var landline = digits.Length == 11 && digits[1] == '2';
        return mobile || landline ? digits : null;
    }

    private static string Strip(string value, bool keepPlus)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is ' ' or '.' or '-' or '(' or ')' or '\u00A0' || (c == '+' && !keepPlus))
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
