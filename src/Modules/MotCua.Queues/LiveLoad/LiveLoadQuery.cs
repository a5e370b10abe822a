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

/// <summary>A branch's load with each of its points, worst first (the drill-down), and the choices of its forms.</summary>
internal sealed record BranchLoadDetail(BranchLoad Summary, IReadOnlyList<PointLoad> Points, BranchStaffing Staffing);

/// <summary>
/// What the drill-down's forms offer, built from what the manager may see (<see cref="CounterScope.StaffAsync"/>):
/// <paramref name="Idle"/> the staff in her scope on duty nowhere (open a counter for them), this branch's own first;
/// <paramref name="OnDuty"/> the staff on duty at a counter she may act at (move them); <paramref name="ClosedCounters"/>
/// this branch's closed counters (to open, or to move someone to). The actions check all of it again.
/// </summary>
internal sealed record BranchStaffing(IReadOnlyList<StaffPick> Idle, IReadOnlyList<StaffPick> OnDuty, IReadOnlyList<CounterPick> ClosedCounters);

/// <summary>A person in a picker: the user name is sent, the name shown; <paramref name="Where"/> groups the options (the unit
/// they work for, or the point they are on duty at, at counter <paramref name="Counter"/>).</summary>
internal sealed record StaffPick(string UserName, string Name, string Where, int? Counter = null);

/// <summary>A counter in a picker, grouped by its point; the form sends <see cref="Value"/>, "point:number".</summary>
internal sealed record CounterPick(string Point, string PointName, int Number)
{
    public string Value => $"{Point}:{Number}";

    /// <summary>The point and number back from a picker's value (null when it is not one).</summary>
    public static (string Point, int Number)? Parse(string? value)
    {
        var colon = value?.LastIndexOf(':') ?? -1;
        return colon > 0 && int.TryParse(value![(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0
            ? (value[..colon].Trim(), number)
            : null;
    }
}

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
        return new BranchLoadDetail(Summaries(places, points).Single(), points, await StaffingAsync(all, places, ct));
    }

    private async Task<BranchStaffing> StaffingAsync(IReadOnlyList<ServicePlace> all, IReadOnlyList<ServicePlace> branchPlaces, CancellationToken ct)
    {
        var visible = all.Where(scope.CanActAt).ToDictionary(p => p.Id);
        var visibleIds = visible.Keys.ToList();
        var counters = await db.Set<Counter>().AsNoTracking().Where(c => visibleIds.Contains(c.PointId))
            .Select(c => new { c.PointId, c.Number, c.IsOpen, c.OfficerUserName, c.OfficerName }).ToListAsync(ct);
        var staff = await scope.StaffAsync(ct);

        // This branch's places in the order of the load list's points (branch first, then by code), then the others.
        var order = branchPlaces.OrderBy(p => p.Kind).ThenBy(p => p.Code, StringComparer.Ordinal).Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        int Rank(Guid place) => order.TryGetValue(place, out var i) ? i : order.Count;

        var onDuty = counters.Where(c => c.IsOpen && c.OfficerUserName is not null).ToList();
        var busy = onDuty.Select(c => c.OfficerUserName!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var idle = staff.Where(s => !busy.Contains(s.UserName))
            .OrderBy(s => Rank(s.Unit.Id)).ThenBy(s => s.Unit.Kind).ThenBy(s => s.Unit.Code, StringComparer.Ordinal)
            .Select(s => new StaffPick(s.UserName, s.Name, s.Unit.Name)).ToList();
        var names = staff.ToDictionary(s => s.UserName, s => s.Name, StringComparer.OrdinalIgnoreCase);
        var moving = onDuty.Select(c => (Counter: c, Place: visible[c.PointId]))
            .OrderBy(x => Rank(x.Place.Id)).ThenBy(x => x.Place.Kind).ThenBy(x => x.Place.Code, StringComparer.Ordinal).ThenBy(x => x.Counter.Number)
            .Select(x => new StaffPick(x.Counter.OfficerUserName!, x.Counter.OfficerName ?? names.GetValueOrDefault(x.Counter.OfficerUserName!, x.Counter.OfficerUserName!), x.Place.Name, x.Counter.Number))
            .ToList();
        var closed = counters.Where(c => !c.IsOpen && order.ContainsKey(c.PointId))
            .OrderBy(c => order[c.PointId]).ThenBy(c => c.Number)
            .Select(c => new CounterPick(visible[c.PointId].Code, visible[c.PointId].Name, c.Number)).ToList();
        return new BranchStaffing(idle, moving, closed);
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
