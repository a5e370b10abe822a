using System.Globalization;
using System.Text;
using MotCua.Organisation.Network;

namespace MotCua.Organisation.Contracts;

/// <summary>
/// Opening hours written for people, from the posted form (<see cref="OpeningHours"/>): consecutive days with the
/// same hours grouped, days and times spelled out —
/// "Thứ Hai–Thứ Sáu 8:00–12:00, 13:00–17:00; Thứ Bảy 8:00–12:00", in English "Mon–Fri 8:00–12:00, 13:00–17:00; Sat 8:00–12:00".
/// Two consecutive days are joined with a comma ("Thứ Bảy, Chủ Nhật"), three or more with a dash. Text that does not
/// parse is shown as it was stored. Public (a contract): every page that shows a point's hours to people writes them
/// this way — the network pages here, the entrance poster of Queues.
/// </summary>
public static class OpeningHoursText
{
    private static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static readonly Dictionary<DayOfWeek, (string Vi, string En)> Names = new()
    {
        [DayOfWeek.Monday] = ("Thứ Hai", "Mon"),
        [DayOfWeek.Tuesday] = ("Thứ Ba", "Tue"),
        [DayOfWeek.Wednesday] = ("Thứ Tư", "Wed"),
        [DayOfWeek.Thursday] = ("Thứ Năm", "Thu"),
        [DayOfWeek.Friday] = ("Thứ Sáu", "Fri"),
        [DayOfWeek.Saturday] = ("Thứ Bảy", "Sat"),
        [DayOfWeek.Sunday] = ("Chủ Nhật", "Sun"),
    };

    /// <summary>In the UI language of the request (English when the current UI culture is English).</summary>
    public static string Format(string? stored) => Format(stored, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en");

    public static string Format(string? stored, bool english)
    {
        var hours = OpeningHours.Parse(stored ?? "");
        if (hours is null)
        {
            return stored ?? "";
        }

        return Format(hours, english);
    }

    internal static string Format(OpeningHours hours, bool english)
    {
        if (hours.Days.Count == 0)
        {
            return english ? "Closed" : "Không làm việc";
        }

        var sb = new StringBuilder();
        var i = 0;
        while (i < Week.Length)
        {
            if (!hours.Days.TryGetValue(Week[i], out var periods) || periods.Count == 0)
            {
                i++;
                continue;
            }

            var j = i;
            while (j + 1 < Week.Length && hours.Days.TryGetValue(Week[j + 1], out var next) && next.SequenceEqual(periods))
            {
                j++;
            }

            if (sb.Length > 0)
            {
                sb.Append("; ");
            }

            sb.Append(Day(Week[i], english));
            if (j == i + 1)
            {
                sb.Append(", ").Append(Day(Week[j], english));
            }
            else if (j > i + 1)
            {
                sb.Append('–').Append(Day(Week[j], english));
            }

            sb.Append(' ').Append(string.Join(", ", periods.Select(p => $"{Time(p.Open)}–{Time(p.Close)}")));
            i = j + 1;
        }

        return sb.ToString();
    }

    private static string Day(DayOfWeek day, bool english) => english ? Names[day].En : Names[day].Vi;

    private static string Time(TimeOnly t) => string.Create(CultureInfo.InvariantCulture, $"{t.Hour}:{t.Minute:00}");
}
