using System.Globalization;
using MotCua.Platform.Data;

namespace MotCua.Queues.Tickets;

/// <summary>
/// Issues ticket numbers unique per point and local day, never twice, from several app instances and concurrent
/// kiosks: the point's day counter (<see cref="DayCounters"/>, as dossier codes) inside the transaction that inserts the ticket.
/// </summary>
internal static class TicketNumbers
{
    public static Task<int> NextAsync(MotCuaDb db, Guid pointId, DateOnly day, CancellationToken ct)
        => DayCounters.NextAsync(db, "queue_ticket_counters", "PointId", pointId, day, ct);

    public static string Format(string letter, int number) => string.Create(CultureInfo.InvariantCulture, $"{letter}-{number:0000}");
}
