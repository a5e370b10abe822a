using System.Security.Cryptography;

namespace MotCua.Queues.Appointments;

/// <summary>
/// Appointment codes: "HK-" and 8 random characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z,
/// 5/S, 8/B, G/6), easy to read aloud and type at a kiosk; about 7·10^10 codes. Input is accepted in any case,
/// with or without the prefix, spaces or dashes.
/// </summary>
internal static class AppointmentCodes
{
    public const string Prefix = "HK-";
    public const string Alphabet = "ACDEFHJKMNPRTUVWXY34679";
    public const int Length = 8;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return Prefix + new string(chars);
    }

    /// <summary>"hk-abcd efgh", "ABCDEFGH" → "HK-ABCDEFGH"; null when it cannot be a code.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var text = new string([.. input.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);
        if (text.StartsWith("HK", StringComparison.Ordinal) && text.Length == Length + 2)
        {
            text = text[2..];
        }

        return text.Length == Length && text.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? Prefix + text : null;
    }
}
