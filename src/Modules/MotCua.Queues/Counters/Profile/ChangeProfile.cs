using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Outbox;
using MotCua.Queues.ServiceGroups;

namespace MotCua.Queues.Counters.Profile;

/// <summary>The service groups a counter calls, in order of preference.</summary>
internal sealed record ProfileRequest(IReadOnlyList<string>? ServiceGroups);

/// <summary>Changes a counter's service profile (which groups it calls, first ones first).</summary>
internal sealed class ChangeProfile(MotCuaDb db, CounterScope scope, ServiceGroupList groups, TimeProvider time)
{
    public async Task<(CounterState? Counter, Error? Error)> RunAsync(string point, int number, ProfileRequest request, CancellationToken ct)
    {
        var codes = (request.ServiceGroups ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
        if (codes.Count == 0)
        {
            return (null, Error.Required("serviceGroups", "ít nhất một nhóm dịch vụ cho quầy"));
        }

        var unknown = codes.Where(c => groups.Find(c) is null).ToList();
        if (unknown.Count > 0)
        {
            return (null, Error.Invalid("serviceGroups", $"Không có nhóm dịch vụ {string.Join(", ", unknown.Select(u => $"\"{u}\""))}."));
        }

        var (place, counter, error) = await scope.CounterAsync(point, number, ct);
        if (counter is null)
        {
            return (null, error);
        }

        if (scope.MayOperate(counter) is { } refused)
        {
            return (null, refused);
        }

        counter.ChangeProfile(codes.Select(c => groups.Find(c)!.Code).Distinct());
        var now = time.GetUtcNow();
        db.Add(OutboxMessage.Create("queue.counter-profile-changed", $"{place!.Code}/{counter.Number}",
            new { Point = place.Code, counter.Number, counter.ServiceGroups, ChangedBy = scope.UserName }, now));
        return await CounterTicket.SaveAsync(db, ct) is { } conflict ? (null, conflict) : (CounterState.From(place, counter, null), null);
    }
}
