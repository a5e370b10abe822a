using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;
using MotCua.Queues.Waits;

namespace MotCua.Queues.Counters;

/// <summary>Waiting tickets of one group of a counter's profile.</summary>
internal sealed record GroupWaiting(string Code, string Name, int Waiting, int? WaitMinutes);

/// <summary>What the officer's counter page shows: the counter, its current ticket, the queues it calls from, today's visits.</summary>
internal sealed record CounterDeskView(
    CounterState Counter,
    IReadOnlyList<GroupWaiting> Queues,
    int ReservedForCounter,
    IReadOnlyList<TicketAtCounter> ServedToday,
    IReadOnlyList<CounterState> OtherCounters);

/// <summary>The counters of a point with their state (the API's list and the pages).</summary>
internal sealed class CounterDesk(MotCuaDb db, CounterScope scope, ServiceGroupList groups, LiveQueue live)
{
    public async Task<Result<IReadOnlyList<CounterState>>> ListAsync(string point, CancellationToken ct)
    {
        var (place, refused) = await scope.PointAsync(point, ct);
        return place is null ? Result.Fail<IReadOnlyList<CounterState>>(refused) : Result.Ok(await ListAsync(place, ct));
    }

    public async Task<IReadOnlyList<CounterState>> ListAsync(ServicePlace place, CancellationToken ct)
    {
        var counters = await db.Set<Counter>().AsNoTracking().Where(c => c.PointId == place.Id).OrderBy(c => c.Number).ToListAsync(ct);
        var ids = counters.Select(c => c.Id).ToList();
        var current = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.CounterId != null && ids.Contains(t.CounterId.Value) && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .ToListAsync(ct);
        var byCounter = current.GroupBy(t => t.CounterId!.Value).ToDictionary(g => g.Key, g => g.OrderByDescending(t => t.CalledAt).First());
        return [.. counters.Select(c => CounterState.From(place, c, byCounter.TryGetValue(c.Id, out var t) ? TicketAtCounter.From(t, c.Name, groups) : null))];
    }

    public async Task<Result<CounterDeskView>> DeskAsync(string point, int number, CancellationToken ct)
    {
        var (place, refused) = await scope.PointAsync(point, ct);
        if (place is null)
        {
            return Result.Fail<CounterDeskView>(refused);
        }

        var all = await ListAsync(place, ct);
        var state = all.FirstOrDefault(c => c.Number == number);
        if (state is null)
        {
            return Error.NotFound($"Quầy {number} tại {place.Name}");
        }

        var counterId = await db.Set<Counter>().Where(c => c.PointId == place.Id && c.Number == number).Select(c => c.Id).FirstAsync(ct);
        var queues = await live.AtPointAsync(place.Id, ct);
        var profile = state.ServiceGroups.Select(g => queues.FirstOrDefault(q => string.Equals(q.Group, g, StringComparison.OrdinalIgnoreCase)))
            .OfType<GroupQueue>().Select(q => new GroupWaiting(q.Group, q.GroupName, q.State.Ahead, q.WaitMinutes)).ToList();
        var today = live.Today;
        var reserved = await db.Set<Ticket>().CountAsync(t => t.ReservedForCounterId == counterId && t.Status == TicketStatus.Waiting && t.Day == today, ct);
        var served = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.CounterId == counterId && t.Day == today && (t.Status == TicketStatus.Done || t.Status == TicketStatus.NoShow))
            .ToListAsync(ct);
        return new CounterDeskView(state, profile, reserved,
            [.. served.OrderByDescending(t => t.FinishedAt).Select(t => TicketAtCounter.From(t, state.Name, groups))],
            [.. all.Where(c => c.Number != number)]);
    }

    /// <summary>The open counter the signed-in officer is on duty at, if any (point code, number).</summary>
    public async Task<(string Point, int Number)?> MineAsync(OrgDirectory org, CancellationToken ct)
    {
        var name = scope.UserName;
        var mine = await db.Set<Counter>().AsNoTracking().Where(c => c.IsOpen && c.OfficerUserName == name).FirstOrDefaultAsync(ct);
        if (mine is null)
        {
            return null;
        }

        var unit = await org.UnitAsync(mine.PointId, ct);
        return unit is null ? null : (unit.Code, mine.Number);
    }
}
