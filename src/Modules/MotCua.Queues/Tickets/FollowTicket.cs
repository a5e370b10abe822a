using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Queues.Contracts;
using MotCua.Queues.Counters;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Waits;

namespace MotCua.Queues.Tickets;

internal sealed record TicketLine(DateTimeOffset At, string What, string Detail);

/// <summary>A ticket as its holder follows it on a phone: no personal data, only the secret token opens it.</summary>
internal sealed record TicketView(
    string Number,
    string Point,
    string PointName,
    string ServiceGroup,
    string ServiceGroupName,
    string Status,
    string Priority,
    DateTimeOffset IssuedAt,
    int? Ahead,
    int? EstimatedWaitMinutes,
    string? Counter,
    IReadOnlyList<TicketLine> Timeline,
    bool PriorityPending = false);

/// <summary>Reads one ticket by its token, with its place in the queue and its timeline from ticket to dossier.</summary>
internal sealed class FollowTicket(MotCuaDb db, OrgDirectory org, ServiceGroupList groups, LiveQueue live)
{
    public async Task<Result<TicketView>> RunAsync(string token, CancellationToken ct)
    {
        var ticket = token is { Length: 32 }
            ? await db.Set<Ticket>().AsNoTracking().Include(t => t.Events).FirstOrDefaultAsync(t => t.Token == token, ct)
            : null;
        if (ticket is null)
        {
            return Error.NotFound("số thứ tự này");
        }

        var point = await org.UnitAsync(ticket.PointId, ct);
        var group = groups.Find(ticket.ServiceGroup) ?? groups.Fallback;
        var counter = ticket.CounterId is { } id ? await db.Set<Counter>().AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.Number).FirstOrDefaultAsync(ct) : null;

        int? ahead = null;
        int? wait = null;
        if (ticket.Status == TicketStatus.Waiting && ticket.Day == live.Today)
        {
            ahead = await db.Set<Ticket>().CountAsync(t => t.PointId == ticket.PointId && t.Day == ticket.Day && t.ServiceGroup == ticket.ServiceGroup
                && t.Status == TicketStatus.Waiting && t.QueuedAt < ticket.QueuedAt, ct);
            var queue = (await live.AtPointAsync(ticket.PointId, ct)).Single(q => q.Group == group.Code);
            wait = WaitEstimator.Rounded(queue.State with { Ahead = ahead.Value });
        }

        return new TicketView(ticket.Display, point?.Code ?? "", point?.Name ?? "", group.Code, group.Name.ToString(),
            TicketText.Status(ticket.Status), TicketText.PriorityOf(ticket), ticket.IssuedAt, ahead, wait,
            counter is { } n ? $"Quầy {n}" : null,
            [.. ticket.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new TicketLine(e.At, TicketText.Event(e.Kind), e.Detail))],
            ticket.PriorityCheck == PriorityCheck.Pending);
    }
}
