using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Outbox;

namespace MotCua.Queues.Counters.Close;

/// <summary>Closes a counter (đóng quầy): only with no ticket called or being served there.</summary>
internal sealed class CloseCounter(MotCuaDb db, CounterScope scope, TimeProvider time)
{
    public async Task<(CounterState? Counter, Error? Error)> RunAsync(string point, int number, CancellationToken ct)
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

        if (await scope.CurrentTicketAsync(counter, ct) is { } current)
        {
            return (null, Error.Conflict($"{counter.Name} còn số {current.Display} chưa kết thúc: kết thúc, đánh dấu vắng mặt hoặc chuyển trước khi đóng quầy."));
        }

        var officer = counter.OfficerUserName;
        if (counter.Close() is { } closed)
        {
            return (null, closed);
        }

        var now = time.GetUtcNow();
        db.Add(OutboxMessage.Create("queue.counter-closed", $"{place!.Code}/{counter.Number}",
            new { Point = place.Code, counter.Number, Officer = officer, ClosedBy = scope.UserName }, now));
        return await CounterTicket.SaveAsync(db, ct) is { } conflict ? (null, conflict) : (CounterState.From(place, counter, null), null);
    }
}
