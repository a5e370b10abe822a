using MotCua.Calendar.Clock;

namespace MotCua.Organisation.Contracts;

/// <summary>
/// The deadline clock over the center's stored working calendar (the Labor Code holidays, the government's yearly
/// arrangements and the days administrators added), refreshed when the calendar changes.
/// </summary>
public interface IDeadlineClocks
{
    ValueTask<DeadlineClock> ClockAsync(CancellationToken ct);

    /// <summary>The organisation's default reception cut-off (MotCua:Calendar:CutOff); null = none.</summary>
    TimeOnly? DefaultCutOff => null;
}
