using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.Counters.NoShow;

/// <summary>The called person did not come (vắng mặt).</summary>
internal sealed class MarkNoShow(MotCuaDb db, CounterScope scope, ServiceGroupList groups, TimeProvider time)
{
    public Task<(TicketAtCounter? Ticket, Error? Error)> RunAsync(string point, int number, TicketActionRequest request, CancellationToken ct)
        => CounterTicket.ActAsync(db, scope, groups, time, point, number, request.Ticket, includeFinished: false,
            (ticket, now) => ticket.MarkNoShow(now), _ => TicketEventKind.NoShow, "queue.ticket-no-show", detail: null, ct);
}
