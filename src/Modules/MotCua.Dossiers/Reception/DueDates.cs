using MotCua.Calendar.Clock;
using MotCua.Catalog.Contracts;
using MotCua.Dossiers.Processes;
using MotCua.Organisation.Contracts;

namespace MotCua.Dossiers.Reception;

/// <summary>
/// The appointment date (hẹn trả kết quả) of a dossier received now, from the deadline clock of the working
/// calendar in force (docs/calendar.md). A procedure whose time is not stated gets no appointment: the slip
/// says so and the catalog must be completed.
/// </summary>
internal sealed class DueDates(IDeadlineClocks calendars)
{
    public async Task<DateTimeOffset?> DueAtAsync(DateTimeOffset receivedAt, ProcessingTime? time, CancellationToken ct, ClockRules? rules = null)
        => Budget(time) is { } budget ? (await calendars.ClockAsync(ct)).DueAt(receivedAt, budget, rules) : null;

    public Task<DeadlineClock> ClockAsync(CancellationToken ct) => calendars.ClockAsync(ct).AsTask();

    /// <summary>
    /// The reception cut-off in force for a dossier: the procedure version's own (from its text or its edit page),
    /// else its process's, else the organisation's default (MotCua:Calendar:CutOff); null = none.
    /// </summary>
    public TimeOnly? CutOff(TimeOnly? version, ProcessSpec? spec) => version ?? spec?.CutOff ?? calendars.DefaultCutOff;

    /// <summary>The process's clock rules with the cut-off in force.</summary>
    public static ClockRules Rules(ProcessSpec spec, TimeOnly? cutOff) => spec.Rules with { CutOff = cutOff };

    public static ClockBudget? Budget(ProcessingTime? time) => time?.Value is { } v and > 0
        ? time.Unit switch
        {
            TimeUnit.CalendarDays => ClockBudget.CalendarDays((int)Math.Ceiling(v)),
            TimeUnit.WorkingHours => ClockBudget.WorkingHours(v),
            TimeUnit.SameDay => ClockBudget.SameDay(),
            TimeUnit.ClockHours => ClockBudget.ClockHours(v),
            _ => ClockBudget.WorkingDays(v),
        }
        : null;
}
