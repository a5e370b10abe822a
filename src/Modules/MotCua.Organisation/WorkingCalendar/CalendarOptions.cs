using System.Globalization;
using MotCua.Calendar.Working;

namespace MotCua.Organisation.WorkingCalendar;

/// <summary>
/// The organisation's working week (`MotCua:Calendar`): working periods of a working day, local time, and the
/// working weekdays. Defaults: 08:00–12:00 and 13:00–17:00, Monday–Friday. A make-up working Saturday uses
/// the same periods.
/// </summary>
internal sealed class CalendarOptions
{
    /// <summary>Comma-separated periods "HH:mm-HH:mm", e.g. "07:30-11:30,13:00-16:30".</summary>
    public string WorkingPeriods { get; set; } = "08:00-12:00,13:00-17:00";

    /// <summary>Comma-separated English weekday names, e.g. "Monday,Tuesday,Wednesday,Thursday,Friday".</summary>
    public string WorkingWeekdays { get; set; } = "Monday,Tuesday,Wednesday,Thursday,Friday";

    /// <summary>
    /// The organisation's default reception cut-off "HH:mm" (giờ chốt tiếp nhận, e.g. "15:00"): a dossier received
    /// after it counts from the next working day. Empty (the default): none. A procedure version's own cut-off
    /// (read from its text or set on its edit page) and its process's cut-off come first.
    /// </summary>
    public string CutOff { get; set; } = "";

    /// <summary>The default cut-off, or null; a bad setting stops the start with a message naming it.</summary>
    public TimeOnly? ToCutOff()
        => string.IsNullOrWhiteSpace(CutOff) ? null
            : TimeOnly.TryParseExact(CutOff.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var c) ? c
            : throw new InvalidOperationException($"MotCua:Calendar:CutOff: \"{CutOff}\" is not a time HH:mm (e.g. 15:00), or leave it empty for no cut-off.");

    /// <summary>The working week these settings describe; a bad setting stops the start with a message naming it.</summary>
    public WorkingHours ToWorkingHours()
    {
        var periods = new List<WorkingPeriod>();
        foreach (var part in WorkingPeriods.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2
                || !TimeOnly.TryParseExact(ends[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(ends[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            {
                throw new InvalidOperationException($"MotCua:Calendar:WorkingPeriods: \"{part}\" is not a period HH:mm-HH:mm.");
            }

            periods.Add(new WorkingPeriod(from, to));
        }

        var days = new List<DayOfWeek>();
        foreach (var name in WorkingWeekdays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            days.Add(Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day) && Enum.IsDefined(day)
                ? day
                : throw new InvalidOperationException($"MotCua:Calendar:WorkingWeekdays: \"{name}\" is not a weekday (Monday … Sunday)."));
        }

        try
        {
            return new WorkingHours(periods, days);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"MotCua:Calendar: {e.Message}", e);
        }
    }
}
