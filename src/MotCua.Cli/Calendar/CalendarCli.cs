using System.Globalization;
using MotCua.Calendar.Clock;
using MotCua.Calendar.Lunar;
using MotCua.Calendar.Working;

namespace MotCua.Cli.Calendar;

/// <summary>What a `motcua calendar` command answers: exit code 0 with the output for stdout, or exit code 2
/// with one line for stderr naming the bad argument.</summary>
public sealed record CliAnswer(int ExitCode, string Output)
{
    public static CliAnswer Ok(string output) => new(0, output);

    public static CliAnswer Bad(string argument, string message) => new(2, $"{argument}: {message}");
}

/// <summary>
/// The logic of `motcua calendar lunar | solar | working-day | due` (the console only parses the command
/// line): no database, the bundled arrangements, the default working periods, local times
/// (Asia/Ho_Chi_Minh). Arguments arrive as the raw strings typed so every bad input gets exit code 2 and a
/// one-line message naming it.
/// </summary>
public sealed class CalendarCli(DeadlineClock clock)
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string InstantFormat = "yyyy-MM-ddTHH:mm";
    private const int MaxWorkingDays = 50_000;
    private const int MaxHours = 400_000;
    private const int MaxCalendarDays = 75_000;

    public CalendarCli()
        : this(DeadlineClock.Default)
    {
    }

    /// <summary>`lunar YYYY-MM-DD` → {"solar":"2025-08-10","lunarDay":17,"lunarMonth":6,"lunarYear":2025,"leap":true}.</summary>
    public CliAnswer Lunar(string? date)
    {
        if (ParseDate(date, "date") is { Error: { } error })
        {
            return error;
        }

        var solar = ParseDate(date, "date").Date;
        var l = LunarCalendar.Vietnam.FromSolar(solar);
        return CliAnswer.Ok(string.Create(CultureInfo.InvariantCulture,
            $$"""{"solar":"{{solar.ToString(DateFormat, CultureInfo.InvariantCulture)}}","lunarDay":{{l.Day}},"lunarMonth":{{l.Month}},"lunarYear":{{l.Year}},"leap":{{(l.IsLeapMonth ? "true" : "false")}}}"""));
    }

    /// <summary>`solar --lunar-year Y --lunar-month M --lunar-day D [--leap]` → YYYY-MM-DD.</summary>
    public CliAnswer Solar(string? year, string? month, string? day, bool leap)
    {
        if (!TryInt(year, out var y))
        {
            return CliAnswer.Bad("--lunar-year", Missing(year) ? "is required (a year 1900–2100)." : $"'{year}' is not a whole number.");
        }

        if (y is < LunarCalendar.MinYear or > LunarCalendar.MaxYear)
        {
            return CliAnswer.Bad("--lunar-year", $"{y} is outside 1900–2100.");
        }

        if (!TryInt(month, out var m) || m is < 1 or > 12)
        {
            return CliAnswer.Bad("--lunar-month", Missing(month) ? "is required (1–12)." : $"'{month}' is not a month number 1–12.");
        }

        if (!TryInt(day, out var d) || d is < 1 or > 30)
        {
            return CliAnswer.Bad("--lunar-day", Missing(day) ? "is required (1–30)." : $"'{day}' is not a lunar day 1–30.");
        }

        var calendar = LunarCalendar.Vietnam;
        if (leap && calendar.LeapMonth(y) != m)
        {
            var actual = calendar.LeapMonth(y) is { } lm ? $"its leap month is {lm}" : "it has no leap month";
            return CliAnswer.Bad("--leap", $"lunar year {y} has no leap month {m} ({actual}).");
        }

        if (calendar.ToSolar(new LunarDate(y, m, d, leap)) is not { } solar)
        {
            return CliAnswer.Bad("--lunar-day", $"day {d} does not exist: lunar month {m}{(leap ? " (leap)" : "")} of {y} has {calendar.MonthLength(y, m, leap)} days.");
        }

        return CliAnswer.Ok(solar.ToString(DateFormat, CultureInfo.InvariantCulture));
    }

    /// <summary>`working-day YYYY-MM-DD` → true | false.</summary>
    public CliAnswer WorkingDay(string? date)
    {
        var parsed = ParseDate(date, "date");
        if (parsed.Error is { } error)
        {
            return error;
        }

        return CliAnswer.Ok(clock.Calendar.IsWorkingDay(parsed.Date) ? "true" : "false");
    }

    /// <summary>
    /// `due --received T (--working-days N | --hours N | --calendar-days N | --same-day) [--cut-off HH:MM] [--pause T1/T2]… [--explain]`
    /// → the due instant YYYY-MM-DDTHH:mm, or the explanation (Vietnamese, then English). Working days and working hours
    /// may be fractional (0.5 working day = 4 working hours); calendar days are whole.
    /// </summary>
    public CliAnswer Due(string? received, string? workingDays, string? hours, string? calendarDays, IReadOnlyList<string>? pauses, bool explain, bool sameDay = false, string? cutOff = null)
    {
        var at = ParseInstant(received, "--received");
        if (at.Error is { } receivedError)
        {
            return receivedError;
        }

        var given = new[] { ("--working-days", workingDays), ("--hours", hours), ("--calendar-days", calendarDays), ("--same-day", sameDay ? "" : null) }.Where(g => g.Item2 is not null).ToList();
        if (given.Count == 0)
        {
            return CliAnswer.Bad("--working-days", "one of --working-days, --hours, --calendar-days or --same-day is required.");
        }

        if (given.Count > 1)
        {
            return CliAnswer.Bad(given[1].Item1, $"give only one of --working-days, --hours, --calendar-days, --same-day (also given: {given[0].Item1}).");
        }

        TimeOnly? cut = null;
        if (cutOff is not null)
        {
            if (!TimeOnly.TryParseExact(cutOff, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var c))
            {
                return CliAnswer.Bad("--cut-off", $"'{cutOff}' is not a local time HH:MM (00:00–23:59).");
            }

            cut = c;
        }

        var (name, text) = given[0];
        ClockBudget budget;
        decimal n = 1;
        if (name == "--same-day")
        {
            budget = ClockBudget.SameDay();
        }
        else
        {
            var max = name switch { "--working-days" => MaxWorkingDays, "--hours" => MaxHours, _ => MaxCalendarDays };
            if (name == "--calendar-days")
            {
                if (!TryInt(text, out var whole))
                {
                    return CliAnswer.Bad(name, $"'{text}' is not a whole number (calendar days are whole days).");
                }

                n = whole;
            }
            else if (!TryDecimal(text, out n))
            {
                return CliAnswer.Bad(name, $"'{text}' is not a number (e.g. 3 or 0.5).");
            }

            if (n <= 0)
            {
                return CliAnswer.Bad(name, $"{Number(n)} must be greater than 0.");
            }

            if (n > max)
            {
                return CliAnswer.Bad(name, $"{Number(n)} is too large: the calendar ends in 2100.");
            }

            budget = name switch
            {
                "--working-days" => ClockBudget.WorkingDays(n),
                "--hours" => ClockBudget.WorkingHours(n),
                _ => ClockBudget.CalendarDays((int)n),
            };
        }

        try
        {
            var request = new ClockRequest(at.Instant, budget) { Rules = new ClockRules(cut) };
            var accepted = new List<ClockPause>();
            var parsedPauses = new List<(string Text, DateTimeOffset Start, DateTimeOffset End)>();
            foreach (var p in pauses ?? [])
            {
                var parsed = ParsePause(p);
                if (parsed.Error is { } pauseError)
                {
                    return pauseError;
                }

                parsedPauses.Add((p, parsed.Start, parsed.End));
            }

            foreach (var (textOfPause, start, end) in parsedPauses.OrderBy(p => p.Start))
            {
                if (start < at.Instant)
                {
                    return CliAnswer.Bad("--pause", $"'{textOfPause}' starts before the reception ({Format(at.Instant)}).");
                }

                if (accepted.Count > 0 && start < accepted[^1].End)
                {
                    return CliAnswer.Bad("--pause", $"'{textOfPause}' overlaps the pause ending {Format(accepted[^1].End!.Value)}.");
                }

                var dueSoFar = clock.Compute(request with { Pauses = accepted.ToList() }).Due!.Value;
                if (start > dueSoFar)
                {
                    return CliAnswer.Bad("--pause", $"'{textOfPause}' starts after the due instant {Format(dueSoFar)} (counting the earlier pauses).");
                }

                accepted.Add(new ClockPause(start, end, PauseReason.Supplement));
            }

            request = request with { Pauses = accepted };
            if (explain)
            {
                var explanation = clock.Explain(request);
                return CliAnswer.Ok(explanation.TextVi + "\n\n" + explanation.TextEn);
            }

            return CliAnswer.Ok(Format(clock.Compute(request).Due!.Value));
        }
        catch (ArgumentOutOfRangeException)
        {
            return CliAnswer.Bad(name, $"{Number(n)}: the due instant falls outside the calendar (1900–2100).");
        }
    }

    private static string Format(DateTimeOffset instant) => WorkingCalendar.ToLocal(instant).ToString(InstantFormat, CultureInfo.InvariantCulture);

    private static bool Missing(string? s) => string.IsNullOrWhiteSpace(s);

    private static string Number(decimal d) => d.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>A positive or negative decimal with a point or a comma ("0.5", "0,5"); no thousands separators.</summary>
    private static bool TryDecimal(string? s, out decimal value)
        => decimal.TryParse(s?.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static bool TryInt(string? s, out int value)
        => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static (DateOnly Date, CliAnswer? Error) ParseDate(string? text, string argument)
    {
        if (Missing(text))
        {
            return (default, CliAnswer.Bad(argument, "is required (YYYY-MM-DD)."));
        }

        if (!DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (default, CliAnswer.Bad(argument, $"'{text}' is not a date YYYY-MM-DD."));
        }

        return date.Year is < LunarCalendar.MinYear or > LunarCalendar.MaxYear
            ? (default, CliAnswer.Bad(argument, $"the year {date.Year} is outside 1900–2100."))
            : (date, null);
    }

    private static (DateTimeOffset Instant, CliAnswer? Error) ParseInstant(string? text, string argument)
    {
        if (Missing(text))
        {
            return (default, CliAnswer.Bad(argument, "is required (YYYY-MM-DDTHH:mm, local time)."));
        }

        if (!DateTime.TryParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (default, CliAnswer.Bad(argument, $"'{text}' is not a local date-time YYYY-MM-DDTHH:mm."));
        }

        return local.Year is < LunarCalendar.MinYear or > LunarCalendar.MaxYear
            ? (default, CliAnswer.Bad(argument, $"the year {local.Year} is outside 1900–2100."))
            : (new DateTimeOffset(local, WorkingCalendar.LocalOffset), null);
    }

    private static (DateTimeOffset Start, DateTimeOffset End, CliAnswer? Error) ParsePause(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            return (default, default, CliAnswer.Bad("--pause", $"'{text}' is not START/END (YYYY-MM-DDTHH:mm/YYYY-MM-DDTHH:mm)."));
        }

        var start = ParseInstant(parts[0], "--pause");
        var end = ParseInstant(parts[1], "--pause");
        if ((start.Error ?? end.Error) is { } error)
        {
            return (default, default, CliAnswer.Bad("--pause", $"'{text}': {error.Output["--pause: ".Length..]}"));
        }

        return end.Instant <= start.Instant
            ? (default, default, CliAnswer.Bad("--pause", $"'{text}': the end is not after the start."))
            : (start.Instant, end.Instant, null);
    }
}
