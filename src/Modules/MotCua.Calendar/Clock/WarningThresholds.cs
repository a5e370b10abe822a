namespace MotCua.Calendar.Clock;

/// <summary>
/// When a dossier's warnings are raised, scaled to its time budget B (working time; calendar days count as
/// B × the normal working day D, 8 h by default):
/// <list type="bullet">
/// <item><b>Due soon</b> when less working time than W is left, W = B / 4, at least D / 4 (2 h) — or B / 2 for a
/// budget under half a day — and at most 2 D. A one-working-day procedure warns with 2 h left (at 15:00 for a
/// dossier due at 17:00), not at its reception; a fifteen-day procedure with two working days left.</item>
/// <item><b>Apology due</b> (form 04, Decree 118/2025: at least one working day before the due instant) only when
/// the budget allows an apology in time after a day of work, B ≥ 2 D; then W is at least D + D / 4, so the
/// reminder comes two hours (a quarter day) before the last moment for an apology in time. A budget under two
/// working days raises no apology reminder: an extension of such a dossier is recorded as a late apology
/// anyway, and reminding at reception would flag every dossier the moment it arrives.</item>
/// </list>
/// </summary>
public static class WarningThresholds
{
    /// <summary>
    /// The working time of a budget: working hours as they are; clock hours (which run day and night) as the working
    /// time they span, dayLength per 24 h; days — calendar, working, the same day — N × <paramref name="dayLength"/>.
    /// </summary>
    public static TimeSpan WorkingTimeOf(ClockBudget budget, TimeSpan dayLength) => budget.Unit switch
    {
        ClockUnit.WorkingHours => TimeSpan.FromHours((double)budget.Amount),
        ClockUnit.ClockHours => TimeSpan.FromTicks((long)(dayLength.Ticks * (double)budget.Amount / 24)),
        _ => TimeSpan.FromTicks((long)(dayLength.Ticks * (double)budget.Amount)),
    };

    /// <summary>Whether the budget leaves room for an apology in time (B ≥ 2 D).</summary>
    public static bool ApologyReminder(ClockBudget budget, TimeSpan dayLength) => WorkingTimeOf(budget, dayLength) >= 2 * dayLength;

    /// <summary>"Due soon" when less working time than this is left.</summary>
    public static TimeSpan DueSoonWithin(ClockBudget budget, TimeSpan dayLength)
    {
        var b = WorkingTimeOf(budget, dayLength);
        var lower = Min(dayLength / 4, b / 2);
        var w = Min(Max(b / 4, lower), 2 * dayLength);
        return ApologyReminder(budget, dayLength) ? Max(w, dayLength + (dayLength / 4)) : w;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
