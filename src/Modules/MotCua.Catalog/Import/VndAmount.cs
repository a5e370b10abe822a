using System.Globalization;

namespace MotCua.Catalog.Import;

/// <summary>
/// Whether a fee amount read from the portal's flattened text can be believed. The text glues amounts to
/// other words and cuts them at the thousands separator ("25 VNĐ(25.000.000đ/…)" was read as 25), so an
/// amount under 1,000 đồng — smaller than any fee the law sets — is taken as a cut number, not a fee.
/// </summary>
internal static class VndAmount
{
    public const decimal Smallest = 1_000m;

    public const decimal Largest = 10_000_000_000m;

    /// <summary>Why the amount is not a believable fee in whole đồng, or null when it is.</summary>
    public static string? Doubt(decimal amount) => amount switch
    {
        < 0 => $"fee amount {Show(amount)} is negative",
        < Smallest => $"fee amount {Show(amount)} VND is below {Show(Smallest)} VND (probably cut at a thousands separator)",
        > Largest => $"fee amount {Show(amount)} VND is implausibly large",
        _ => null,
    };

    public static long ToLong(decimal amount) => (long)Math.Round(amount, MidpointRounding.AwayFromZero);

    private static string Show(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);
}
