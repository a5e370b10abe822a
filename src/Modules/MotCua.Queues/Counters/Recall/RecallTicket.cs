using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.Counters.Recall;

/// <summary>Calls the counter's current ticket again (gọi lại): the board announces it once more.</summary>
internal sealed class RecallTicket(MotCuaDb db, CounterScope scope, ServiceGroupList groups, TimeProvider time)
{
    public Task<(TicketAtCounter? Ticket, Error? Error)> RunAsync(string point, int number, TicketActionRequest request, CancellationToken ct)
        => CounterTicket.ActAsync(db, scope, groups, time, point, number, request.Ticket, includeFinished: false,
            (ticket, now) => ticket.Recall(now), _ => TicketEventKind.Recalled, "queue.ticket-recalled", detail: null, ct);
}
