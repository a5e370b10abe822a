using System.Globalization;
using System.Text.RegularExpressions;

namespace MotCua.Forms.Contracts;

/// <summary>
/// Dates in e-forms, whatever the browser's language: typed as day/month/year in a text input ("14/03/1990",
/// "14-3-1990", "14.03.1990", "14 03 1990", or "14031990" from a phone's numeric keypad that has no slash), stored
/// as ISO ("1990-03-14"), shown as dd/MM/yyyy. Never a browser date picker, whose format follows the device's locale.
/// </summary>
public static partial class FormDates
{
    public const string Placeholder = "dd/mm/yyyy";

    /// <summary>The HTML pattern hint of the text input (the server decides; the form is posted with novalidate).</summary>
    public const string HtmlPattern = "[0-9]{1,2}[/.\\- ][0-9]{1,2}[/.\\- ][0-9]{4}|[0-9]{8}|[0-9]{4}-[0-9]{2}-[0-9]{2}";

    private static readonly string[] Formats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "d M yyyy", "ddMMyyyy"];

    /// <summary>Reads a typed or stored date; false for anything else (31/02/2024, 2024/13/01, "hôm qua"), or a year before 1900 or after 2100.</summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        var value = SpacesPattern().Replace(text?.Trim() ?? "", " ").Replace(" / ", "/", StringComparison.Ordinal);
        if (DateOnly.TryParseExact(value, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date.Year is >= 1900 and <= 2100)
        {
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>"1990-03-14" (or anything <see cref="TryParse"/> reads) → "14/03/1990"; anything else as it is.</summary>
    public static string Show(string? value)
        => TryParse(value, out var date) ? Show(date) : value ?? "";

    public static string Show(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("\\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SpacesPattern();
}
