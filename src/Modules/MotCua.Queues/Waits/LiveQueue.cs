using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;
using MotCua.Platform.Time;
using MotCua.Queues.Contracts;
using MotCua.Queues.Counters;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.Waits;

/// <summary>One service group's queue at a point now, with its wait estimate for a newcomer.</summary>
internal sealed record GroupQueue(string Group, string GroupName, QueueState State, int? WaitMinutes);

/// <summary>The live state of the queues (today's tickets and the counters) the estimator reads.</summary>
internal sealed class LiveQueue(MotCuaDb db, ServiceGroupList groups, TimeProvider time)
{
    /// <summary>Finished visits averaged for the observed service time.</summary>
    public const int ObservedVisits = 20;

    public DateOnly Today => DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);

    /// <summary>Every group's queue at the points asked for (all points when null), keyed by point.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<GroupQueue>>> ByPointAsync(IReadOnlyCollection<Guid>? points, CancellationToken ct)
    {
        var today = Today;
        var tickets = db.Set<Ticket>().AsNoTracking().Where(t => t.Day == today);
        var counters = db.Set<Counter>().AsNoTracking().Where(c => c.IsOpen);
        if (points is not null)
        {
            tickets = tickets.Where(t => points.Contains(t.PointId));
            counters = counters.Where(c => points.Contains(c.PointId));
        }

        var waiting = await tickets.Where(t => t.Status == TicketStatus.Waiting)
            .GroupBy(t => new { t.PointId, t.ServiceGroup }).Select(g => new { g.Key.PointId, g.Key.ServiceGroup, Count = g.Count() })
            .ToListAsync(ct);
        var busy = await tickets.Where(t => (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving) && t.CounterId != null)
            .Select(t => new { t.PointId, CounterId = t.CounterId!.Value }).ToListAsync(ct);
        var open = await counters.Select(c => new { c.Id, c.PointId, c.ServiceGroups }).ToListAsync(ct);
        var served = await tickets.Where(t => t.Status == TicketStatus.Done && t.ServingAt != null && t.FinishedAt != null)
            .OrderByDescending(t => t.FinishedAt)
            .Select(t => new { t.PointId, t.ServiceGroup, Start = t.ServingAt!.Value, End = t.FinishedAt!.Value })
            .Take(5000).ToListAsync(ct);

        var pointIds = (points ?? waiting.Select(w => w.PointId).Concat(open.Select(c => c.PointId)).Distinct().ToList()).ToList();
        var busyCounters = busy.Select(b => b.CounterId).ToHashSet();
        var waitingBy = waiting.ToDictionary(w => (w.PointId, w.ServiceGroup), w => w.Count);
        var openBy = open.SelectMany(c => Profile(c.ServiceGroups).Select(g => (c.PointId, Group: g.ToUpperInvariant(), c.Id)))
            .ToLookup(x => (x.PointId, x.Group), x => x.Id);
        var observedBy = served.GroupBy(s => (s.PointId, s.ServiceGroup))
            .ToDictionary(g => g.Key, g => g.Take(ObservedVisits).Select(s => (s.End - s.Start).TotalMinutes).ToList());
        var result = new Dictionary<Guid, IReadOnlyList<GroupQueue>>();
        foreach (var point in pointIds)
        {
            var list = new List<GroupQueue>(groups.All.Count);
            foreach (var group in groups.All)
            {
                var serving = openBy[(point, group.Code.ToUpperInvariant())].ToList();
                var minutes = observedBy.TryGetValue((point, group.Code), out var observed) && observed.Count >= 3 ? observed.Average() : group.AverageServiceMinutes;
                var state = new QueueState(
                    waitingBy.GetValueOrDefault((point, group.Code)),
                    serving.Count,
                    serving.Count(busyCounters.Contains),
                    minutes);
                list.Add(new GroupQueue(group.Code, group.Name.ToString(), state, WaitEstimator.Rounded(state)));
            }

            result[point] = list;
        }

        return result;
    }

    public async Task<IReadOnlyList<GroupQueue>> AtPointAsync(Guid point, CancellationToken ct)
        => (await ByPointAsync([point], ct))[point];

    private static string[] Profile(string groups) => groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
