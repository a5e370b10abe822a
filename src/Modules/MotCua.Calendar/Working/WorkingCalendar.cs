using MotCua.Calendar.Holidays;
using MotCua.Calendar.Lunar;

namespace MotCua.Calendar.Working;

/// <summary>
/// Working days and working time for 1900–2100: weekdays of the organisation's working week, minus the days
/// off of the arrangements, plus their make-up working days; working time is counted inside the working
/// periods. All local times are Asia/Ho_Chi_Minh, a fixed UTC+7 (no daylight saving since 1975); the instants
/// returned are in UTC (offset 0), ready to store; <see cref="ToLocal"/> shows them.
/// </summary>
/// <remarks>
/// Built once per (arrangements, working hours): one table gives for every day whether it works and the
/// working time elapsed since 1900-01-01 at its start, so adding working time or measuring it between two
/// instants is a binary search, whatever the span. Immutable and thread-safe; build a new one when the
/// arrangements change (clocks computed before keep their due instants).
/// </remarks>
public sealed class WorkingCalendar
{
    /// <summary>Asia/Ho_Chi_Minh.</summary>
    public static readonly TimeSpan LocalOffset = TimeSpan.FromHours(7);

    private static readonly Lazy<WorkingCalendar> DefaultCalendar = new(() => new WorkingCalendar(HolidayArrangements.Bundled, WorkingHours.Default));

    private readonly int firstDay;
    private readonly int lastDay;
    private readonly long[] cumulative; // working ticks before the start of day (firstDay + i); one more entry at the end
    private readonly bool[] working;
    private readonly Dictionary<DateOnly, ArrangementEntry> entries = [];
    private readonly long[] periodStart;
    private readonly long[] periodEnd;
    private readonly long dayLength;

    public WorkingCalendar(HolidayArrangements arrangements, WorkingHours? hours = null)
    {
        ArgumentNullException.ThrowIfNull(arrangements);
        Arrangements = arrangements;
        Hours = hours ?? WorkingHours.Default;
        periodStart = Hours.Periods.Select(p => p.Start.ToTimeSpan().Ticks).ToArray();
        periodEnd = Hours.Periods.Select(p => p.End.ToTimeSpan().Ticks).ToArray();
        dayLength = Hours.DayLength.Ticks;

        firstDay = LunarCalendar.MinSolar.DayNumber;
        lastDay = LunarCalendar.MaxSolar.DayNumber;
        for (var year = LunarCalendar.MinYear; year <= LunarCalendar.MaxYear; year++)
        {
            foreach (var e in arrangements.Year(year))
            {
                entries[e.Date] = e;
            }
        }

        var count = lastDay - firstDay + 1;
        working = new bool[count];
        cumulative = new long[count + 1];
        for (var i = 0; i < count; i++)
        {
            var date = DateOnly.FromDayNumber(firstDay + i);
            working[i] = entries.TryGetValue(date, out var e) ? e.IsWorkingDay : Hours.WorkingWeekdays.Contains(date.DayOfWeek);
            cumulative[i + 1] = cumulative[i] + (working[i] ? dayLength : 0);
        }
    }

    /// <summary>The bundled arrangements with the default working hours.</summary>
    public static WorkingCalendar Default => DefaultCalendar.Value;

    public HolidayArrangements Arrangements { get; }

    public WorkingHours Hours { get; }

    public static DateOnly FirstDay => LunarCalendar.MinSolar;

    public static DateOnly LastDay => LunarCalendar.MaxSolar;

    public bool IsWorkingDay(DateOnly day) => working[Index(day)];

    public DayStatus Describe(DateOnly day)
        => new(day, IsWorkingDay(day), entries.TryGetValue(day, out var e) ? e : null);

    /// <summary>The first working day on or after <paramref name="day"/>.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly day)
    {
        var i = Index(day);
        while (!working[i])
        {
            i++;
            if (i >= working.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(day), day, "No working day before the end of 2100.");
            }
        }

        return DateOnly.FromDayNumber(firstDay + i);
    }

    /// <summary>The first working day after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day) => WorkingDayOnOrAfter(day.AddDays(1));

    /// <summary>The end of the last working period of <paramref name="day"/> (17:00 by default).</summary>
    public DateTimeOffset EndOfDay(DateOnly day) => Local(day, Hours.DayEnd.ToTimeSpan().Ticks);

    /// <summary>The start of the first working period of <paramref name="day"/> (08:00 by default).</summary>
    public DateTimeOffset StartOfDay(DateOnly day) => Local(day, Hours.DayStart.ToTimeSpan().Ticks);

    /// <summary>The local (UTC+7) calendar day of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(LocalOffset);

    /// <summary>The latest instant with <paramref name="amount"/> of working time left before <paramref name="end"/> (e.g. the last moment for an apology one working day before a due instant).</summary>
    public DateTimeOffset SubtractWorkingTime(DateTimeOffset end, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        return AtPosition(Math.Max(0, Position(end) - amount.Ticks));
    }

    /// <summary>
    /// The instant reached after counting <paramref name="amount"/> of working time from <paramref name="start"/>:
    /// counting begins at the start of the next working period when <paramref name="start"/> is outside one,
    /// and a count that ends exactly at the end of a period ends there (12:00, 17:00), not at the next start.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        if (amount < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Working time to add must not be negative.");
        }

        var p = Position(start);
        return amount == TimeSpan.Zero ? AtPosition(p, preferStart: true) : AtPosition(p + amount.Ticks);
    }

    /// <summary>The working time inside working periods in [<paramref name="from"/>, <paramref name="to"/>); negative when to is before from.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to) => TimeSpan.FromTicks(Position(to) - Position(from));

    /// <summary>The beginning of counting for an instant: itself inside a working period, else the start of the next one.</summary>
    public DateTimeOffset CountingStart(DateTimeOffset instant) => AtPosition(Position(instant), preferStart: true);

    /// <summary>The working time counted from 1900-01-01 up to an instant (ticks): a monotonic position on the working-time line.</summary>
    internal long Position(DateTimeOffset instant)
    {
        var localTicks = instant.UtcTicks + LocalOffset.Ticks;
        var dayNumber = (int)(localTicks / TimeSpan.TicksPerDay);
        var i = dayNumber - firstDay;
        if (i < 0 || i >= working.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(instant), instant, "The working calendar covers 1900–2100.");
        }

        var p = cumulative[i];
        if (!working[i])
        {
            return p;
        }

        var timeOfDay = localTicks - ((long)dayNumber * TimeSpan.TicksPerDay);
        for (var k = 0; k < periodStart.Length; k++)
        {
            if (timeOfDay <= periodStart[k])
            {
                break;
            }

            p += Math.Min(timeOfDay, periodEnd[k]) - periodStart[k];
        }

        return p;
    }

    /// <summary>
    /// The instant of a position. A position at a boundary between two periods is the END of the earlier
    /// period (the count ends at 17:00, not at 08:00 next day) unless <paramref name="preferStart"/>.
    /// </summary>
    internal DateTimeOffset AtPosition(long position, bool preferStart = false)
    {
        // The day whose working time contains the position: cumulative[i] < position <= cumulative[i + 1]
        // (or cumulative[i] <= position < cumulative[i + 1] when preferring starts).
        var lo = 0;
        var hi = working.Length; // answer in [0, length)
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var reached = preferStart ? cumulative[mid + 1] > position : cumulative[mid + 1] >= position;
            if (reached)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        if (lo >= working.Length || (!preferStart && position <= cumulative[0]))
        {
            throw new ArgumentOutOfRangeException(nameof(position), "The instant falls outside 1900–2100.");
        }

        var rest = position - cumulative[lo];
        var dayNumber = firstDay + lo;
        for (var k = 0; k < periodStart.Length; k++)
        {
            var length = periodEnd[k] - periodStart[k];
            if (preferStart ? rest < length : rest <= length)
            {
                return Local(dayNumber, periodStart[k] + rest);
            }

            rest -= length;
        }

        return Local(dayNumber, periodEnd[^1]);
    }

    internal long DayLengthTicks => dayLength;

    internal long DayStartPosition(DateOnly day) => cumulative[Index(day)];

    internal long DayEndPosition(DateOnly day) => cumulative[Index(day) + 1];

    private int Index(DateOnly day)
    {
        var i = day.DayNumber - firstDay;
        if (i < 0 || i >= working.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "The working calendar covers 1900–2100.");
        }

        return i;
    }

    private DateTimeOffset Local(DateOnly day, long timeOfDayTicks) => Local(day.DayNumber, timeOfDayTicks);

    /// <summary>The instant (in UTC, as stored) of a local day and time of day.</summary>
    private static DateTimeOffset Local(int dayNumber, long timeOfDayTicks)
        => new(((long)dayNumber * TimeSpan.TicksPerDay) + timeOfDayTicks - LocalOffset.Ticks, TimeSpan.Zero);
}
