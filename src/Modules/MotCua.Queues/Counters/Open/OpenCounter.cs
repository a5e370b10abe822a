using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Outbox;

namespace MotCua.Queues.Counters.Open;

/// <summary>Who takes the counter: nobody named = the signed-in officer; a manager may name another officer.</summary>
internal sealed record OpenCounterRequest(string? Officer = null);

/// <summary>
/// An officer takes a counter (mở quầy): the counter opens with the officer on duty. One officer, one counter: an
/// officer already on duty elsewhere must close that counter first (a unique index on the officer keeps it so even
/// when two requests race).
/// </summary>
internal sealed class OpenCounter(MotCuaDb db, CounterScope scope, TimeProvider time)
{
    public async Task<(CounterState? Counter, Error? Error)> RunAsync(string point, int number, OpenCounterRequest request, CancellationToken ct)
    {
        var (place, counter, error) = await scope.CounterAsync(point, number, ct);
        if (counter is null)
        {
            return (null, error);
        }

        var (officer, officerName, who) = await OfficerAsync(request.Officer, ct);
        if (officer is null)
        {
            return (null, who);
        }

        var elsewhere = await db.Set<Counter>().AsNoTracking().Where(c => c.OfficerUserName == officer && c.IsOpen).FirstOrDefaultAsync(ct);
        if (elsewhere is not null)
        {
            return (null, Busy(officerName!, elsewhere));
        }

        var now = time.GetUtcNow();
        if (counter.Open(officer, officerName!, now) is { } refused)
        {
            return (null, refused);
        }

        db.Add(OutboxMessage.Create("queue.counter-opened", $"{place!.Code}/{counter.Number}",
            new { Point = place.Code, counter.Number, Officer = officer, OpenedBy = scope.UserName }, now));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, Error.Conflict($"{counter.Name} vừa được thay đổi bởi thao tác khác. Vui lòng tải lại."));
        }
        catch (DbUpdateException)
        {
            return (null, Error.Conflict($"Cán bộ {officerName} đang trực ở một quầy khác; đóng quầy đó trước."));
        }

        return (CounterState.From(place, counter, current: null), null);
    }

    /// <summary>The officer (user name, full name) who will be on duty, or why not.</summary>
    internal async Task<(string? UserName, string? Name, Error? Error)> OfficerAsync(string? named, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(named) || string.Equals(named.Trim(), scope.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return (scope.UserName, scope.DisplayName, null);
        }

        if (!scope.IsManager)
        {
            return (null, null, CounterScope.Forbidden("Chỉ quản lý mới được mở quầy cho cán bộ khác."));
        }

        var normalized = named.Trim().ToUpperInvariant();
        var user = await db.Set<StaffUser>().AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .Select(u => new { u.UserName, u.FullName }).FirstOrDefaultAsync(ct);
        return user is null
            ? (null, null, Error.Invalid("officer", $"Không có cán bộ với tên đăng nhập \"{named.Trim()}\"."))
            : (user.UserName, user.FullName is { Length: > 0 } full ? full : user.UserName, null);
    }

    internal static Error Busy(string officerName, Counter elsewhere)
        => Error.Conflict($"Cán bộ {officerName} đang trực {elsewhere.Name} ở một điểm khác hoặc tại đây; mỗi cán bộ chỉ trực một quầy, hãy đóng quầy đó trước.");
}
