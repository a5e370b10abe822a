using MotCua.Calendar.Working;

namespace MotCua.Calendar.Clock;

/// <summary>
/// The deadline clock (exact definition in docs/calendar.md):
/// <list type="bullet">
/// <item>N working days = N × the length of a normal working day (8 h by default) of working time, counted
/// only inside the working periods of working days, from the reception instant (or from the start of the next
/// working period when the reception is outside one). A count that ends exactly at the end of a period ends
/// there (12:00, 17:00). N working hours: the same with N hours.</item>
/// <item>Same day (trong ngày): the end of the working day on which counting starts — the day of reception, or
/// the next working day after the cut-off, after the end of the working day or on a day off.</item>
/// <item>N clock hours (giờ, "24 giờ"): the reception plus N hours of elapsed time; pauses add their length.</item>
/// <item>N calendar days: the end of the last working period of the Nth day after the day of reception; when
/// that day is not a working day, the end of the next working day (Civil Code 2015, Art. 148).</item>
/// <item>Pauses: working time in [pause, resume) does not count (calendar days: the due day moves later by the
/// pause's length rounded up to whole days); or, for supplements under <see cref="SupplementMode.Restart"/>,
/// the clock restarts from zero at the resume. Extensions add working days to the current due instant or set
/// an explicit one. Pauses and extensions are applied in the order they happened.</item>
/// </list>
/// Pure: no database, no clock of its own (<see cref="TimeProvider"/> only for <see cref="VerdictNow"/>).
/// </summary>
public sealed class DeadlineClock
{
    private static readonly Lazy<DeadlineClock> DefaultClock = new(() => new DeadlineClock(WorkingCalendar.Default, TimeProvider.System));

    private readonly WorkingCalendar calendar;
    private readonly TimeProvider time;

    public DeadlineClock(WorkingCalendar calendar, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(time);
        this.calendar = calendar;
        this.time = time;
    }

    /// <summary>The bundled arrangements, default working hours, system time.</summary>
    public static DeadlineClock Default => DefaultClock.Value;

    public WorkingCalendar Calendar => calendar;

    /// <summary>The due instant of a budget from a reception, without pauses or extensions (the fast path).</summary>
    public DateTimeOffset DueAt(DateTimeOffset receivedAt, ClockBudget budget, ClockRules? rules = null)
    {
        rules ??= ClockRules.Default;
        if (budget.Unit == ClockUnit.CalendarDays)
        {
            return CalendarDaysDue(ReceptionDay(receivedAt, rules, out _).AddDays(CalendarDayCount(budget)));
        }

        if (budget.Unit == ClockUnit.ClockHours)
        {
            return receivedAt.ToUniversalTime() + ClockHoursSpan(budget);
        }

        return calendar.AtPosition(TargetFrom(StartPosition(receivedAt, rules, out _), budget));
    }

    /// <summary>The due instant with pauses and extensions; null while an open pause holds the clock.</summary>
    public Deadline Compute(ClockRequest request) => Run(request, explain: false).ToDeadline();

    public ClockExplanation Explain(ClockRequest request) => Run(request, explain: true).Explanation();

    /// <summary>The state at <paramref name="now"/>: not started, running, paused, due soon (less working time left
    /// than <see cref="ClockRules.DueSoonWithin"/>, default scaled to the budget by <see cref="WarningThresholds"/>) or overdue.</summary>
    public ClockVerdict VerdictAt(ClockRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = Run(request, explain: false);
        var due = run.Due;
        if (now < request.ReceivedAt)
        {
            return new ClockVerdict(ClockState.NotStarted, due is { } d ? run.CountedBetween(request.ReceivedAt, d) : run.LeftWhenPaused, TimeSpan.Zero, due);
        }

        if (run.Applied.Any(p => p.Start <= now && (p.End is null || now < p.End)))
        {
            var left = run.IsPaused ? run.LeftWhenPaused : run.CountedBetween(now, due!.Value);
            return new ClockVerdict(ClockState.Paused, left, TimeSpan.Zero, due);
        }

        var soon = request.Rules.DueSoonWithin ?? WarningThresholds.DueSoonWithin(request.Budget, calendar.Hours.DayLength);
        if (due is null)
        {
            // An open pause that has not begun yet at `now`: the time until it, plus what will be left after it.
            var pauseStart = run.Applied.First(p => p.End is null).Start;
            var beforePause = run.CountedBetween(now, pauseStart) + run.LeftWhenPaused;
            return new ClockVerdict(beforePause < soon ? ClockState.DueSoon : ClockState.Running, beforePause, TimeSpan.Zero, null);
        }

        if (now > due.Value)
        {
            return new ClockVerdict(ClockState.Overdue, TimeSpan.Zero, calendar.WorkingTimeBetween(due.Value, now), due);
        }

        var remaining = run.CountedBetween(now, due.Value);
        return new ClockVerdict(remaining < soon ? ClockState.DueSoon : ClockState.Running, remaining, TimeSpan.Zero, due);
    }

    public ClockVerdict VerdictNow(ClockRequest request) => VerdictAt(request, time.GetUtcNow());

    /// <summary>
    /// How a finished dossier (or step) did: early (finished on a day before the due day), on time (on the due
    /// day, at or before the due instant) or late, with the working time by which. A clock still paused at the
    /// finish is treated as resumed at the finish.
    /// </summary>
    public Completion Judge(ClockRequest request, DateTimeOffset finishedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var closed = request with { Pauses = [.. request.Pauses.Select(p => p.End is null ? p with { End = finishedAt < p.Start ? p.Start : finishedAt } : p)] };
        var run = Run(closed, explain: false);
        var due = run.Due!.Value;
        if (finishedAt > due)
        {
            return new Completion(CompletionVerdict.Late, calendar.WorkingTimeBetween(due, finishedAt), due);
        }

        var margin = finishedAt < request.ReceivedAt ? run.CountedBetween(request.ReceivedAt, due) : run.CountedBetween(finishedAt, due);
        var verdict = WorkingCalendar.LocalDate(finishedAt) < WorkingCalendar.LocalDate(due) ? CompletionVerdict.Early : CompletionVerdict.OnTime;
        return new Completion(verdict, margin, due);
    }

    /// <summary>Per-step budgets: each step's due instant from its own start (with its own pauses).</summary>
    public IReadOnlyList<StepDeadline> Steps(IEnumerable<StepBudget> steps, ClockRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return steps.Select(s => new StepDeadline(s.Step, s.Start, Compute(new ClockRequest(s.Start, s.Budget) { Pauses = s.Pauses, Rules = rules ?? ClockRules.Default }).Due, s.Budget)).ToList();
    }

    internal long BudgetTicks(ClockBudget budget) => budget.Unit switch
    {
        ClockUnit.WorkingDays => (long)Math.Round(budget.Amount * calendar.DayLengthTicks),
        ClockUnit.WorkingHours => (long)Math.Round(budget.Amount * TimeSpan.TicksPerHour),
        _ => throw new ArgumentOutOfRangeException(nameof(budget), budget, "Calendar days are not working time."),
    };

    /// <summary>
    /// The working-time position of the due instant for a count starting at <paramref name="start"/>: the start plus
    /// the budget, or for a same-day budget the end of the working day on which counting starts (a start at the end
    /// of a day, after a cut-off or on a day off counts on the next working day).
    /// </summary>
    internal long TargetFrom(long start, ClockBudget budget)
        => budget.Unit == ClockUnit.SameDay
            ? calendar.DayEndPosition(WorkingCalendar.LocalDate(calendar.AtPosition(start, preferStart: true)))
            : start + BudgetTicks(budget);

    internal static TimeSpan ClockHoursSpan(ClockBudget budget) => TimeSpan.FromTicks((long)Math.Round(budget.Amount * TimeSpan.TicksPerHour));

    internal static int CalendarDayCount(ClockBudget budget) => (int)Math.Ceiling(budget.Amount);

    /// <summary>Where counting starts on the working-time line: the reception, or after a cut-off the next working day.</summary>
    internal long StartPosition(DateTimeOffset at, ClockRules rules, out bool cutOff)
    {
        var p = calendar.Position(at);
        cutOff = false;
        if (rules.CutOff is { } c && TimeOnly.FromTimeSpan(WorkingCalendar.ToLocal(at).TimeOfDay) > c)
        {
            var next = calendar.DayEndPosition(WorkingCalendar.LocalDate(at));
            if (next > p)
            {
                p = next;
                cutOff = true;
            }
        }

        return p;
    }

    /// <summary>The day of reception for calendar-day counting (after a cut-off: the next working day).</summary>
    internal DateOnly ReceptionDay(DateTimeOffset at, ClockRules rules, out bool cutOff)
    {
        var day = WorkingCalendar.LocalDate(at);
        cutOff = rules.CutOff is { } c && TimeOnly.FromTimeSpan(WorkingCalendar.ToLocal(at).TimeOfDay) > c;
        return cutOff ? calendar.NextWorkingDay(day) : day;
    }

    /// <summary>Art. 148: the end of the last working period of the day, or of the next working day.</summary>
    internal DateTimeOffset CalendarDaysDue(DateOnly nthDay) => calendar.EndOfDay(calendar.WorkingDayOnOrAfter(nthDay));

    private ClockRun Run(ClockRequest request, bool explain)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = new ClockRun(this, request, explain);
        run.Execute();
        return run;
    }
}
