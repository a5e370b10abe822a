using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.Counters.Finish;

/// <summary>The visit is over (kết thúc): only a ticket being served can be finished.</summary>
internal sealed class FinishServing(MotCuaDb db, CounterScope scope, ServiceGroupList groups, TimeProvider time)
{
    public Task<(TicketAtCounter? Ticket, Error? Error)> RunAsync(string point, int number, TicketActionRequest request, CancellationToken ct)
        => CounterTicket.ActAsync(db, scope, groups, time, point, number, request.Ticket, includeFinished: false,
            (ticket, now) => ticket.Finish(now), _ => TicketEventKind.Finished, "queue.ticket-finished", detail: null, ct);
}
