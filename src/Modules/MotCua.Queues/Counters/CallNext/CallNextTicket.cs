using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Outbox;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;
using MotCua.Queues.Waits;

namespace MotCua.Queues.Counters.CallNext;

/// <summary>
/// Calls the next ticket to a counter (gọi số tiếp theo). Which one:
/// <list type="number">
/// <item>a ticket transferred to this very counter (<see cref="Ticket.ReservedForCounterId"/>), oldest first;</item>
/// <item>with <see cref="PriorityRule.First"/>, the oldest waiting priority ticket of the counter's groups; with
/// <see cref="PriorityRule.EveryNth"/>, the same when N−1 ordinary tickets have been called at the point since the last
/// priority one;</item>
/// <item>otherwise the counter's groups in the order of its profile, each in FIFO order (<see cref="Ticket.QueuedAt"/>).</item>
/// </list>
/// Safe under concurrency, on every node: the ticket's status is a concurrency token (the UPDATE says
/// <c>WHERE "Status" = Waiting</c>), so of two counters racing for one ticket only one UPDATE matches, the other
/// fails, reloads and takes the next ticket; the counter's version token does the same for two calls from one counter.
/// </summary>
internal sealed class CallNextTicket(MotCuaDb db, CounterScope scope, ServiceGroupList groups, LiveQueue live, TimeProvider time, IOptions<QueueOptions> options)
{
    /// <summary>Attempts before giving up when other counters keep taking the chosen ticket first.</summary>
    public const int Attempts = 25;

    public async Task<(TicketAtCounter? Ticket, Error? Error)> RunAsync(string point, int number, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            db.ChangeTracker.Clear();
            var (place, counter, error) = await scope.CounterAsync(point, number, ct);
            if (counter is null)
            {
                return (null, error);
            }

            if (scope.MayOperate(counter) is { } refused)
            {
                return (null, refused);
            }

            if (!counter.IsOpen)
            {
                return (null, Error.Conflict($"{counter.Name} đang đóng: mở quầy trước khi gọi số."));
            }

            if (await scope.CurrentTicketAsync(counter, ct) is { } current)
            {
                return (null, Error.Conflict($"{counter.Name} đang có số {current.Display} ({TicketText.Status(current.Status).ToLowerInvariant()}): kết thúc, đánh dấu vắng mặt hoặc chuyển số đó trước khi gọi số tiếp theo."));
            }

            var nextId = await ChooseAsync(counter, ct);
            if (nextId is null)
            {
                return (null, new Error("queue-empty", $"Không có ai đang chờ ở các nhóm dịch vụ của {counter.Name} ({string.Join(", ", counter.Groups)}).", Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound));
            }

            var ticket = await db.Set<Ticket>().FirstAsync(t => t.Id == nextId, ct);
            var now = time.GetUtcNow();
            if (ticket.Call(counter.Id, scope.DisplayName, now) is not null)
            {
                continue;
            }

            counter.Version++;
            ticket.Events.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = TicketEventKind.Called, Detail = counter.Name, Actor = scope.DisplayName });
            db.Add(OutboxMessage.Create("queue.ticket-called", ticket.Display,
                new { ticket.Id, Point = place!.Code, Counter = counter.Number, ticket.Display, ticket.ServiceGroup, Announcement = TicketText.Announcement(ticket.Display, counter.Name) }, now));
            try
            {
                await db.SaveChangesAsync(ct);
                return (TicketAtCounter.From(ticket, counter.Name, groups), null);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another counter called this ticket (or this counter called someone) in the meantime: look again.
            }
        }

        db.ChangeTracker.Clear();
        return (null, Error.Conflict("Nhiều quầy đang gọi cùng lúc; vui lòng bấm gọi lại."));
    }

    private async Task<Guid?> ChooseAsync(Counter counter, CancellationToken ct)
    {
        var profile = counter.Groups.Select(g => groups.Find(g)?.Code).OfType<string>().ToList();
        var today = live.Today;
        var waiting = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.PointId == counter.PointId && t.Day == today && t.Status == TicketStatus.Waiting
                && (t.ReservedForCounterId == counter.Id || (t.ReservedForCounterId == null && profile.Contains(t.ServiceGroup))))
            .Select(t => new Candidate(t.Id, t.ServiceGroup, t.Priority, t.QueuedAt, t.Number, t.ReservedForCounterId))
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return null;
        }

        var reserved = waiting.Where(t => t.Reserved == counter.Id).OrderBy(t => t.QueuedAt).ThenBy(t => t.Number).FirstOrDefault();
        if (reserved is not null)
        {
            return reserved.Id;
        }

        var rule = options.Value.PriorityRule;
        var priority = waiting.Where(t => t.Priority != TicketPriority.None).OrderBy(t => t.QueuedAt).ThenBy(t => t.Number).FirstOrDefault();
        if (priority is not null && (rule == PriorityRule.First || (rule == PriorityRule.EveryNth && await PriorityTurnAsync(counter.PointId, today, ct))))
        {
            return priority.Id;
        }

        return waiting.OrderBy(t => profile.IndexOf(t.ServiceGroup)).ThenBy(t => t.QueuedAt).ThenBy(t => t.Number).First().Id;
    }

    /// <summary>With <see cref="PriorityRule.EveryNth"/>: N−1 ordinary tickets called at the point since the last priority one.</summary>
    private async Task<bool> PriorityTurnAsync(Guid point, DateOnly today, CancellationToken ct)
    {
        var every = Math.Max(1, options.Value.PriorityEvery);
        var called = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.PointId == point && t.Day == today && t.CalledAt != null)
            .Select(t => new { t.Priority, t.CalledAt }).ToListAsync(ct);
        var lastPriority = called.Where(t => t.Priority != TicketPriority.None).Select(t => t.CalledAt).Max();
        var ordinarySince = called.Count(t => t.Priority == TicketPriority.None && (lastPriority is null || t.CalledAt > lastPriority));
        return ordinarySince >= every - 1;
    }

    private sealed record Candidate(Guid Id, string ServiceGroup, TicketPriority Priority, DateTimeOffset QueuedAt, int Number, Guid? Reserved);
}
