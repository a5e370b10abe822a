using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Outbox;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.Counters.Transfer;

/// <summary>Where the ticket goes: another service group, and/or one counter (by number) of the same point.</summary>
internal sealed record TransferRequest(string? Ticket = null, string? ServiceGroup = null, int? Counter = null);

/// <summary>
/// Transfers the counter's current ticket (chuyển) back into the queue of another service group and/or to one
/// counter of the same point, keeping its place in the FIFO queue; a ticket sent to a counter is called by that
/// counter only (first, before its other tickets).
/// </summary>
internal sealed class TransferTicket(MotCuaDb db, CounterScope scope, ServiceGroupList groups, TimeProvider time)
{
    public async Task<(TicketAtCounter? Ticket, Error? Error)> RunAsync(string point, int number, TransferRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.ServiceGroup) && request.Counter is null)
        {
            return (null, Error.Required("serviceGroup", "nhóm dịch vụ hoặc quầy nhận số chuyển"));
        }

        var group = string.IsNullOrWhiteSpace(request.ServiceGroup) ? null : groups.Find(request.ServiceGroup.Trim());
        if (!string.IsNullOrWhiteSpace(request.ServiceGroup) && group is null)
        {
            return (null, Error.Invalid("serviceGroup", $"Không có nhóm dịch vụ \"{request.ServiceGroup}\"."));
        }

        var (place, counter, error) = await scope.CounterAsync(point, number, ct);
        if (counter is null)
        {
            return (null, error);
        }

        if (scope.MayOperate(counter) is { } refused)
        {
            return (null, refused);
        }

        Counter? target = null;
        if (request.Counter is { } to)
        {
            target = await db.Set<Counter>().AsNoTracking().FirstOrDefaultAsync(c => c.PointId == counter.PointId && c.Number == to, ct);
            if (target is null)
            {
                return (null, Error.Invalid("counter", $"{place!.Name} không có Quầy {to}."));
            }

            if (target.Id == counter.Id)
            {
                return (null, Error.Invalid("counter", "Không thể chuyển số về chính quầy đang phục vụ."));
            }
        }

        var (ticket, notHere) = await CounterTicket.FindAsync(db, scope, counter, request.Ticket, includeFinished: false, ct);
        if (ticket is null)
        {
            return (null, notHere);
        }

        var groupCode = group?.Code ?? ticket.ServiceGroup;
        if (ticket.Transfer(groupCode, target?.Id) is { } wrong)
        {
            return (null, wrong);
        }

        var now = time.GetUtcNow();
        var detail = target is null ? $"nhóm {groupCode}" : $"nhóm {groupCode}, {target.Name}";
        ticket.Events.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = TicketEventKind.Transferred, Detail = detail, Actor = scope.DisplayName });
        db.Add(OutboxMessage.Create("queue.ticket-transferred", ticket.Display,
            new { ticket.Id, Point = place!.Code, From = counter.Number, To = target?.Number, ServiceGroup = groupCode }, now));
        return await CounterTicket.SaveAsync(db, ct) is { } conflict
            ? (null, conflict)
            : (TicketAtCounter.From(ticket, target?.Name ?? counter.Name, groups), null);
    }
}
