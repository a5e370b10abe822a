using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Queues.Contracts;
using MotCua.Queues.Counters;
using MotCua.Queues.Tickets;
using MotCua.Queues.Waits;

namespace MotCua.Queues.LiveLoad;

/// <summary>One point's load now.</summary>
/// <param name="EstimatedWaitMinutes">The longest estimated wait of a newcomer over the groups with someone waiting
/// (<see cref="WaitEstimator"/>); null when nobody waits, or when someone waits in a group no open counter serves
/// (then <see cref="Unserved"/> is true).</param>
/// <param name="Serving">Tickets called to or being served at a counter of the point now.</param>
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
    bool Overloaded,
    int Serving,
    string? Branch);

/// <summary>One branch and the points under it, summed: what a manager reads first.</summary>
/// <param name="Overloaded">True when any of its points is overloaded (<see cref="OverloadedPoints"/> of them).</param>
internal sealed record BranchLoad(
    string Branch,
    string Name,
    int Points,
    int Waiting,
    int Serving,
    int OpenCounters,
    int Counters,
    int? LongestWaitMinutes,
    int OverloadedPoints,
    int UnservedPoints,
    bool Overloaded);

/// <summary>A branch's load with each of its points, worst first (the drill-down).</summary>
internal sealed record BranchLoadDetail(BranchLoad Summary, IReadOnlyList<PointLoad> Points);

/// <summary>
/// The live load of the points a manager may see (a branch manager: her branch and the points under it; the
/// center's director and administrators: all): waiting, serving, the longest wait so far, the estimate, counters
/// open. Points sorted with the worst first: groups nobody serves, then by estimated wait, then by people waiting.
/// A point is overloaded when someone waits where no counter serves, or the estimate passes <see cref="OverloadMinutes"/>.
/// Branches are summed from their points and sorted the same way (overloaded points, then longest wait).
/// </summary>
internal sealed class LiveLoadQuery(MotCuaDb db, OrgDirectory org, LiveQueue live, TimeProvider time, CounterScope scope)
{
    /// <summary>The 15-minute target of the staffing plan, doubled: beyond it a point needs help now.</summary>
    public const int OverloadMinutes = 30;

    /// <summary>Every point in the actor's scope, worst first.</summary>
    public async Task<IReadOnlyList<PointLoad>> RunAsync(CancellationToken ct) => await PointsAsync(null, ct);

    /// <summary>One line per branch in the actor's scope, worst first.</summary>
    public async Task<IReadOnlyList<BranchLoad>> BranchesAsync(CancellationToken ct)
    {
        var places = await VisiblePlacesAsync(ct);
        var points = await PointsAsync(places, ct);
        return [.. Summaries(places, points).OrderByDescending(b => b.UnservedPoints).ThenByDescending(b => b.OverloadedPoints)
            .ThenByDescending(b => b.LongestWaitMinutes ?? -1).ThenByDescending(b => b.Waiting).ThenBy(b => b.Branch, StringComparer.Ordinal)];
    }

    /// <summary>One branch with its points; 404 for an unknown branch, 403 for one outside the actor's scope.</summary>
    public async Task<Result<BranchLoadDetail>> BranchAsync(string? code, CancellationToken ct)
    {
        var all = await org.ServicePlacesAsync(ct);
        var branch = all.FirstOrDefault(p => p.Kind == OrgUnitKind.Branch && string.Equals(p.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (branch is null)
        {
            return Error.NotFound($"chi nhánh \"{code}\"");
        }

        if (!scope.CanActAt(branch))
        {
            return CounterScope.Forbidden($"Bạn không thuộc {branch.Name} nên không xem được tải của chi nhánh này.");
        }

        var places = all.Where(p => p.Id == branch.Id || p.ParentId == branch.Id).Where(scope.CanActAt).ToList();
        var points = await PointsAsync(places, ct);
        return new BranchLoadDetail(Summaries(places, points).Single(), points);
    }

    private async Task<IReadOnlyList<ServicePlace>> VisiblePlacesAsync(CancellationToken ct)
        => [.. (await org.ServicePlacesAsync(ct)).Where(scope.CanActAt)];

    private static IEnumerable<BranchLoad> Summaries(IReadOnlyList<ServicePlace> places, IReadOnlyList<PointLoad> points)
    {
        var branches = places.Where(p => p.Kind == OrgUnitKind.Branch).ToDictionary(p => p.Code, StringComparer.Ordinal);
        foreach (var group in points.GroupBy(p => p.Branch ?? "").Where(g => g.Key.Length > 0))
        {
            var name = branches.TryGetValue(group.Key, out var b) ? b.Name : group.Key;
            var list = group.ToList();
            yield return new BranchLoad(group.Key, name, list.Count, list.Sum(p => p.Waiting), list.Sum(p => p.Serving),
                list.Sum(p => p.OpenCounters), list.Sum(p => p.Counters), list.Max(p => p.LongestWaitMinutes),
                list.Count(p => p.Overloaded), list.Count(p => p.Unserved), list.Any(p => p.Overloaded));
        }
    }

    private async Task<IReadOnlyList<PointLoad>> PointsAsync(IReadOnlyList<ServicePlace>? places, CancellationToken ct)
    {
        places ??= await VisiblePlacesAsync(ct);
        var all = await org.ServicePlacesAsync(ct);
        var branchCode = all.Where(p => p.Kind == OrgUnitKind.Branch).ToDictionary(p => p.Id, p => p.Code);
        var ids = places.Select(p => p.Id).ToList();
        var queues = await live.ByPointAsync(ids, ct);
        var today = live.Today;
        var active = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.Day == today && ids.Contains(t.PointId)
                && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .Select(t => new { t.PointId, t.QueuedAt, t.Status }).ToListAsync(ct);
        var waitingSince = active.Where(t => t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.PointId).ToDictionary(g => g.Key, g => g.Min(t => t.QueuedAt));
        var serving = active.Where(t => t.Status != TicketStatus.Waiting).GroupBy(t => t.PointId).ToDictionary(g => g.Key, g => g.Count());
        var counters = (await db.Set<Counter>().AsNoTracking().Where(c => ids.Contains(c.PointId)).Select(c => new { c.PointId, c.IsOpen }).ToListAsync(ct))
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
            var (open, count) = counters.GetValueOrDefault(p.Id);
            var branch = p.Kind == OrgUnitKind.Branch ? p.Code : p.ParentId is { } parent && branchCode.TryGetValue(parent, out var bc) ? bc : null;
            loads.Add(new PointLoad(p.Code, p.Name, p.Kind.ToString(), waiting, longest, estimate, unserved, open, count,
                busiest?.Group, busiest?.GroupName, busiest?.State.Ahead ?? 0, unserved || estimate > OverloadMinutes,
                serving.GetValueOrDefault(p.Id), branch));
        }

        return [.. loads.OrderByDescending(l => l.Unserved).ThenByDescending(l => l.EstimatedWaitMinutes ?? -1).ThenByDescending(l => l.Waiting).ThenBy(l => l.Point, StringComparer.Ordinal)];
    }
}
