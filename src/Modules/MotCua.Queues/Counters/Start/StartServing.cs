using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.Counters.Start;

/// <summary>The called person is at the counter (bắt đầu phục vụ).</summary>
internal sealed class StartServing(MotCuaDb db, CounterScope scope, ServiceGroupList groups, TimeProvider time)
{
    public Task<(TicketAtCounter? Ticket, Error? Error)> RunAsync(string point, int number, TicketActionRequest request, CancellationToken ct)
        => CounterTicket.ActAsync(db, scope, groups, time, point, number, request.Ticket, includeFinished: false,
            (ticket, now) => ticket.StartServing(now), _ => TicketEventKind.ServingStarted, "queue.ticket-serving", detail: null, ct);
}
