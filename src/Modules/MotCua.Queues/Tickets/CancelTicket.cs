using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Outbox;

namespace MotCua.Queues.Tickets;

/// <summary>
/// The holder gives a ticket back before being called (from the follow page or DELETE /api/v1/tickets/{token}):
/// whoever holds the secret token may cancel, as whoever holds the paper ticket may walk away.
/// </summary>
internal sealed class CancelTicket(MotCuaDb db, OrgDirectory org, AuditTrail audit, TimeProvider time)
{
    public async Task<Result<Done>> RunAsync(string token, CancellationToken ct)
    {
        var ticket = token is { Length: 32 } ? await db.Set<Ticket>().FirstOrDefaultAsync(t => t.Token == token, ct) : null;
        if (ticket is null)
        {
            return Error.NotFound("số thứ tự này");
        }

        var now = time.GetUtcNow();
        if (ticket.Cancel(now) is { } error)
        {
            return error;
        }

        var point = await org.UnitAsync(ticket.PointId, ct);
        db.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = TicketEventKind.Cancelled, Detail = "người giữ số tự hủy" });
        db.Add(OutboxMessage.Create("queue.ticket-cancelled", ticket.Display, new { ticket.Id, Point = point?.Code, ticket.Display, ticket.ServiceGroup }, now));
        audit.Record("queue.ticket-cancelled", TicketText.AuditSubject(point?.Code, ticket), "người giữ số tự hủy");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The status is a concurrency token: a counter called the ticket (or another cancel won) meanwhile.
            db.ChangeTracker.Clear();
            return Error.Conflict($"Số {ticket.Display} vừa được gọi hoặc thay đổi nên không thể hủy; vui lòng xem lại trạng thái.");
        }

        return Done.Value;
    }
}
