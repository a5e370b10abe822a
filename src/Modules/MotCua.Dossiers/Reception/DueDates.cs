using MotCua.Calendar.Clock;
using MotCua.Catalog.Contracts;
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

    public static ClockBudget? Budget(ProcessingTime? time) => time?.Value is { } v and > 0
        ? time.Unit switch
        {
            TimeUnit.CalendarDays => ClockBudget.CalendarDays((int)Math.Ceiling(v)),
            TimeUnit.WorkingHours => ClockBudget.WorkingHours(v),
            _ => ClockBudget.WorkingDays(v),
        }
        : null;
}
