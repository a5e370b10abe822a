using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Outbox;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.Counters;

/// <summary>A ticket at a counter as the officer's page and the API show it.</summary>
internal sealed record TicketAtCounter(
    Guid Id,
    string Number,
    string ServiceGroup,
    string ServiceGroupName,
    string Priority,
    string Status,
    int Calls,
    DateTimeOffset? CalledAt,
    DateTimeOffset? ServingAt,
    DateTimeOffset? FinishedAt,
    string Counter,
    string Announcement,
    string? DossierCode)
{
    public static TicketAtCounter From(Ticket t, string counterName, ServiceGroupList groups)
    {
        var group = groups.Find(t.ServiceGroup) ?? groups.Fallback;
        return new TicketAtCounter(t.Id, t.Display, group.Code, group.Name.ToString(), TicketText.Priority(t.Priority), TicketText.Status(t.Status),
            t.Calls, t.CalledAt, t.ServingAt, t.FinishedAt, counterName, TicketText.Announcement(t.Display, counterName), t.DossierCode);
    }
}

/// <summary>Which ticket an action at a counter is about: the one named (number "A-0012" or id) or, when none is, the counter's current one.</summary>
internal sealed record TicketActionRequest(string? Ticket = null);

/// <summary>
/// The shared path of the actions on the counter's current ticket (recall, start, finish, no-show): check the actor
/// may operate the counter and that the ticket is this counter's, ask the ticket, save it with its event and outbox
/// row. The ticket's status is a concurrency token, so an action racing another on the same ticket fails cleanly.
/// </summary>
internal static class CounterTicket
{
    public static async Task<(TicketAtCounter? Ticket, Error? Error)> ActAsync(
        MotCuaDb db, CounterScope scope, ServiceGroupList groups, TimeProvider time,
        string point, int number, string? named, bool includeFinished,
        Func<Ticket, DateTimeOffset, Error?> act, Func<Ticket, TicketEventKind> kind, string outboxType, Func<Ticket, string>? detail, CancellationToken ct)
    {
        var (place, counter, error) = await scope.CounterAsync(point, number, ct);
        if (counter is null)
        {
            return (null, error);
        }

        if (scope.MayOperate(counter) is { } refused)
        {
            return (null, refused);
        }

        var (ticket, notHere) = await FindAsync(db, scope, counter, named, includeFinished, ct);
        if (ticket is null)
        {
            return (null, notHere);
        }

        var now = time.GetUtcNow();
        if (act(ticket, now) is { } wrong)
        {
            return (null, wrong);
        }

        ticket.Events.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = kind(ticket), Detail = detail?.Invoke(ticket) ?? counter.Name, Actor = scope.DisplayName });
        db.Add(OutboxMessage.Create(outboxType, ticket.Display,
            new { ticket.Id, Point = place!.Code, Counter = counter.Number, ticket.Display, ticket.ServiceGroup, Status = ticket.Status.ToString(), ticket.DossierCode }, now));
        if (await SaveAsync(db, ct) is { } conflict)
        {
            return (null, conflict);
        }

        return (TicketAtCounter.From(ticket, counter.Name, groups), null);
    }

    /// <summary>The ticket named (it must be at this counter) or the counter's current one.</summary>
    public static async Task<(Ticket? Ticket, Error? Error)> FindAsync(MotCuaDb db, CounterScope scope, Counter counter, string? named, bool includeFinished, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(named))
        {
            var current = await scope.CurrentTicketAsync(counter, ct);
            return current is null
                ? (null, Error.Conflict($"{counter.Name} không có số nào đang được gọi hay phục vụ."))
                : (current, null);
        }

        var key = named.Trim();
        var display = key.ToUpperInvariant();
        var id = Guid.TryParse(key, out var g) ? g : (Guid?)null;
        var candidates = await db.Set<Ticket>().Include(t => t.Events)
            .Where(t => t.PointId == counter.PointId && (id != null ? t.Id == id : t.Display == display))
            .OrderByDescending(t => t.Day).Take(1).ToListAsync(ct);
        var ticket = candidates.FirstOrDefault();
        if (ticket is null)
        {
            return (null, Error.NotFound($"số {key} tại điểm này"));
        }

        var here = ticket.CounterId == counter.Id
            && (ticket.Status is TicketStatus.Called or TicketStatus.Serving || (includeFinished && ticket.Status is TicketStatus.Done));
        return here ? (ticket, null) : (null, Error.Conflict($"Số {ticket.Display} không phải số đang ở {counter.Name}."));
    }

    /// <summary>Saves; a concurrent change of the same ticket or counter becomes a 409 with nothing saved.</summary>
    public static async Task<Error?> SaveAsync(MotCuaDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Số hoặc quầy vừa được thay đổi bởi một thao tác khác. Vui lòng tải lại và thử lại.");
        }
    }
}
