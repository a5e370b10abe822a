using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Queues.Counters;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;
using MotCua.Queues.Waits;

namespace MotCua.Queues.Board;

/// <summary>One line of the board: a ticket called to a counter ("A-0012 → Quầy 3").</summary>
internal sealed record BoardCall(string Number, string Counter, string Announcement, string Status, bool Calling);

/// <summary>A service group's queue on the board.</summary>
internal sealed record BoardGroup(string Code, string Letter, string Name, int Waiting, int? WaitMinutes);

/// <summary>
/// What the waiting-room board of a point shows: the latest call (spoken), the last calls with their counters and
/// the waiting count per group. <see cref="CallId"/> changes with every call and recall, so the page speaks again.
/// </summary>
internal sealed record BoardSnapshot(
    string Point,
    string PointName,
    string? Announcement,
    string? CallId,
    IReadOnlyList<BoardCall> Calls,
    IReadOnlyList<BoardGroup> Groups);

/// <summary>Reads a point's board from the database (the source of truth for every app node).</summary>
internal sealed class PointBoard(MotCuaDb db, OrgDirectory org, ServiceGroupList groups, LiveQueue live)
{
    /// <summary>Calls shown on the board, latest first.</summary>
    public const int CallsShown = 8;

    public async Task<Result<BoardSnapshot>> RunAsync(string point, CancellationToken ct)
        => await org.ServicePlaceAsync(point, ct) is { } place ? await RunAsync(place, ct) : Error.NotFound($"điểm phục vụ \"{point}\"");

    public async Task<BoardSnapshot> RunAsync(ServicePlace place, CancellationToken ct)
    {
        var today = live.Today;
        var shown = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.PointId == place.Id && t.Day == today && t.CalledAt != null && t.CounterId != null
                && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving || t.Status == TicketStatus.Done || t.Status == TicketStatus.NoShow))
            .OrderByDescending(t => t.CalledAt).Take(CallsShown)
            .Select(t => new { t.Id, t.Display, t.Status, t.Calls, t.PriorityCheck, CounterId = t.CounterId!.Value })
            .ToListAsync(ct);
        var counterIds = shown.Select(t => t.CounterId).Distinct().ToList();
        var counters = await db.Set<Counter>().AsNoTracking().Where(c => counterIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        var calls = shown.Select(t =>
        {
            var counter = counters.GetValueOrDefault(t.CounterId) ?? "";
            return new BoardCall(t.Display, counter, TicketText.Announcement(t.Display, counter), TicketText.Status(t.Status)
                + (t.PriorityCheck == PriorityCheck.Pending ? $" · {TicketText.PendingPriority}" : ""), t.Status == TicketStatus.Called);
        }).ToList();
        var latest = shown.FirstOrDefault(t => t.Status == TicketStatus.Called);
        var queues = await live.AtPointAsync(place.Id, ct);
        var board = groups.All.Select(g =>
        {
            var q = queues.FirstOrDefault(x => x.Group == g.Code);
            return new BoardGroup(g.Code, g.Letter, g.Name.ToString(), q?.State.Ahead ?? 0, q?.WaitMinutes);
        }).ToList();

        return new BoardSnapshot(place.Code, place.Name,
            latest is null ? null : TicketText.Announcement(latest.Display, counters.GetValueOrDefault(latest.CounterId) ?? ""),
            latest is null ? null : $"{latest.Id:N}.{latest.Calls}",
            calls, board);
    }

    /// <summary>
    /// The cheap check run every second per watched point: one grouped query over the point's tickets of the day.
    /// Every call, recall, transfer, finish, cancel or new ticket changes a count or the sum of calls.
    /// </summary>
    public async Task<string> FingerprintAsync(Guid pointId, CancellationToken ct)
    {
        var today = live.Today;
        var rows = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.PointId == pointId && t.Day == today)
            .GroupBy(t => new { t.Status, t.ServiceGroup })
            .Select(g => new { g.Key.Status, g.Key.ServiceGroup, Count = g.Count(), Calls = g.Sum(t => t.Calls) })
            .ToListAsync(ct);
        return string.Join(';', rows.OrderBy(r => r.Status).ThenBy(r => r.ServiceGroup, StringComparer.Ordinal)
            .Select(r => $"{(int)r.Status}/{r.ServiceGroup}/{r.Count}/{r.Calls}"));
    }
}
