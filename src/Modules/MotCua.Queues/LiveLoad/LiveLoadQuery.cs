using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Queues.Contracts;
using MotCua.Queues.Counters;
using MotCua.Queues.Tickets;
using MotCua.Queues.Waits;

namespace MotCua.Queues.LiveLoad;

/// <summary>One point's load now.</summary>
/// <param name="EstimatedWaitMinutes">The longest estimated wait of a newcomer over the groups with someone waiting
/// (<see cref="WaitEstimator"/>); null when nobody waits, or when someone waits in a group no open counter serves
/// (then <see cref="Unserved"/> is true).</param>
internal sealed record PointLoad(
    string Point,
    string Name,
    string Kind,
    int Waiting,
    int? LongestWaitMinutes,
    int? EstimatedWaitMinutes,
    bool Unserved,
    int OpenCounters,
    int Counters,
    string? BusiestGroup,
    string? BusiestGroupName,
    int BusiestGroupWaiting,
    bool Overloaded);

/// <summary>
/// The live load of every point on one page (managers): waiting, the longest wait so far, the estimate, counters
/// open. Sorted with the worst first: groups nobody serves, then by estimated wait, then by people waiting.
/// A point is overloaded when someone waits where no counter serves, or the estimate passes <see cref="OverloadMinutes"/>.
/// </summary>
internal sealed class LiveLoadQuery(MotCuaDb db, OrgDirectory org, LiveQueue live, TimeProvider time)
{
    /// <summary>The 15-minute target of the staffing plan, doubled: beyond it a point needs help now.</summary>
    public const int OverloadMinutes = 30;

    public async Task<IReadOnlyList<PointLoad>> RunAsync(CancellationToken ct)
    {
        var places = await org.ServicePlacesAsync(ct);
        var ids = places.Select(p => p.Id).ToList();
        var queues = await live.ByPointAsync(ids, ct);
        var today = live.Today;
        var waitingSince = (await db.Set<Ticket>().AsNoTracking()
                .Where(t => t.Day == today && t.Status == TicketStatus.Waiting)
                .Select(t => new { t.PointId, t.QueuedAt }).ToListAsync(ct))
            .GroupBy(t => t.PointId).ToDictionary(g => g.Key, g => g.Min(t => t.QueuedAt));
        var counters = (await db.Set<Counter>().AsNoTracking().Select(c => new { c.PointId, c.IsOpen }).ToListAsync(ct))
            .GroupBy(c => c.PointId).ToDictionary(g => g.Key, g => (Open: g.Count(c => c.IsOpen), All: g.Count()));
        var now = time.GetUtcNow();

        var loads = new List<PointLoad>(places.Count);
        foreach (var p in places)
        {
            var groups = queues.TryGetValue(p.Id, out var q) ? q : [];
            var busy = groups.Where(g => g.State.Ahead > 0).ToList();
            var waiting = busy.Sum(g => g.State.Ahead);
            var unserved = busy.Any(g => g.WaitMinutes is null);
            int? estimate = busy.Count == 0 || unserved ? null : busy.Max(g => g.WaitMinutes ?? 0);
            var busiest = busy.OrderByDescending(g => g.State.Ahead).FirstOrDefault();
            int? longest = waitingSince.TryGetValue(p.Id, out var since) ? (int)Math.Floor(Math.Max(0, (now - since).TotalMinutes)) : null;
            var (open, all) = counters.GetValueOrDefault(p.Id);
            loads.Add(new PointLoad(p.Code, p.Name, p.Kind.ToString(), waiting, longest, estimate, unserved, open, all,
                busiest?.Group, busiest?.GroupName, busiest?.State.Ahead ?? 0, unserved || estimate > OverloadMinutes));
        }

        return [.. loads.OrderByDescending(l => l.Unserved).ThenByDescending(l => l.EstimatedWaitMinutes ?? -1).ThenByDescending(l => l.Waiting).ThenBy(l => l.Point, StringComparer.Ordinal)];
    }
}
