using System.Globalization;

namespace MotCua.Calendar.Working;

/// <summary>A working period of a working day, local time (Asia/Ho_Chi_Minh), [Start, End).</summary>
public readonly record struct WorkingPeriod(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Start:HH\\:mm}–{End:HH\\:mm}");
}

/// <summary>
/// An organisation's working week: which weekdays are working days and the working periods of a working
/// day. Default: Monday–Friday, 08:00–12:00 and 13:00–17:00. A make-up working day (ngày làm bù) has the
/// same periods.
/// </summary>
public sealed class WorkingHours
{
    public static WorkingHours Default { get; } = new(
        [new WorkingPeriod(new TimeOnly(8, 0), new TimeOnly(12, 0)), new WorkingPeriod(new TimeOnly(13, 0), new TimeOnly(17, 0))],
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);

    public WorkingHours(IEnumerable<WorkingPeriod> periods, IEnumerable<DayOfWeek> workingWeekdays)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(workingWeekdays);
        Periods = periods.OrderBy(p => p.Start).ToArray();
        if (Periods.Count == 0)
        {
            throw new ArgumentException("A working day needs at least one working period.", nameof(periods));
        }

        for (var i = 0; i < Periods.Count; i++)
        {
            if (Periods[i].End <= Periods[i].Start)
            {
                throw new ArgumentException($"The working period {Periods[i]} ends before it starts.", nameof(periods));
            }

            if (i > 0 && Periods[i].Start < Periods[i - 1].End)
            {
                throw new ArgumentException($"The working periods {Periods[i - 1]} and {Periods[i]} overlap.", nameof(periods));
            }
        }

        WorkingWeekdays = workingWeekdays.ToHashSet();
        DayLength = TimeSpan.FromTicks(Periods.Sum(p => p.Length.Ticks));
    }

    public IReadOnlyList<WorkingPeriod> Periods { get; }

    public IReadOnlySet<DayOfWeek> WorkingWeekdays { get; }

    /// <summary>The length of a normal working day (default 8 h): one "working day" of a clock.</summary>
    public TimeSpan DayLength { get; }

    public TimeOnly DayEnd => Periods[^1].End;

    public TimeOnly DayStart => Periods[0].Start;
}
