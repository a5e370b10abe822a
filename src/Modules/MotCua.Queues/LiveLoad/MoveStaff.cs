using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Outbox;
using MotCua.Queues.Counters;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.LiveLoad;

/// <summary>Move an officer: from the counter they are on duty at, to a counter (by number) of another point.</summary>
internal sealed record MoveStaffRequest(string? Officer, string? ToPoint, int? ToCounter);

/// <summary>
/// Moves staff where the load is (điều chuyển cán bộ): closes the officer's counter at one point and opens a counter
/// at another for the same officer, in one transaction — both or neither. Managers only, in their scope at both points.
/// </summary>
internal sealed class MoveStaff(MotCuaDb db, CounterScope scope, AuditTrail audit, TimeProvider time)
{
    public async Task<Result<CounterState>> RunAsync(MoveStaffRequest request, CancellationToken ct)
    {
        if (!scope.IsManager)
        {
            return CounterScope.Forbidden("Chỉ quản lý mới được điều chuyển cán bộ.");
        }

        if (string.IsNullOrWhiteSpace(request.Officer))
        {
            return Error.Required("officer", "tên đăng nhập của cán bộ");
        }

        if (string.IsNullOrWhiteSpace(request.ToPoint) || request.ToCounter is null)
        {
            return Error.Required("toPoint", "điểm và quầy đến");
        }

        var officer = request.Officer.Trim();
        var from = await db.Set<Counter>().FirstOrDefaultAsync(c => c.IsOpen && c.OfficerUserName == officer, ct);
        if (from is null)
        {
            return Error.Invalid("officer", $"Cán bộ \"{officer}\" không trực quầy nào lúc này.");
        }

        var fromPoint = await db.Set<Counter>().Where(c => c.Id == from.Id).Select(c => c.PointId).FirstAsync(ct);
        var (fromPlace, _) = await scope.PointAsync((await scope.PointCodeAsync(fromPoint, ct)) ?? "", ct);
        if (fromPlace is null)
        {
            return CounterScope.Forbidden("Cán bộ này đang trực ở một điểm ngoài phạm vi quản lý của bạn.");
        }

        var (target, refused) = await scope.CounterAsync(request.ToPoint, request.ToCounter.Value, ct);
        if (target is null)
        {
            return Result.Fail<CounterState>(refused);
        }

        var (toPlace, to) = target;
        if (to.Id == from.Id)
        {
            return Error.Invalid("toCounter", "Cán bộ đang trực chính quầy này.");
        }

        if (await scope.CurrentTicketAsync(from, ct) is { } current)
        {
            return Error.Conflict($"{from.Name} còn số {current.Display} chưa kết thúc; kết thúc hoặc chuyển số đó trước khi điều chuyển cán bộ.");
        }

        var name = from.OfficerName ?? officer;
        var userName = from.OfficerUserName!;
        var now = time.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                from.Close();
                await db.SaveChangesAsync(ct);
                if (to.Open(userName, name, now) is { } notOpened)
                {
                    throw new RefusedException(notOpened);
                }

                db.Add(OutboxMessage.Create("queue.staff-moved", userName,
                    new { Officer = userName, From = new { Point = fromPlace.Code, from.Number }, To = new { Point = toPlace.Code, to.Number }, MovedBy = scope.UserName }, now));
                audit.Record("queue.counter-closed", TicketText.CounterSubject(fromPlace.Code, from.Number), $"{from.Name}: điều chuyển cán bộ {userName}");
                audit.Record("queue.counter-opened", TicketText.CounterSubject(toPlace.Code, to.Number), $"{to.Name}: cán bộ trực {userName} (điều chuyển)");
                audit.Record("queue.staff-moved", $"staff:{userName}", $"từ {fromPlace.Code} {from.Name} đến {toPlace.Code} {to.Name}");
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            });
        }
        catch (RefusedException e)
        {
            db.ChangeTracker.Clear();
            return e.Error;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Quầy vừa được thay đổi bởi thao tác khác. Vui lòng tải lại và thử lại.");
        }

        return CounterState.From(toPlace, to, null);
    }

    private sealed class RefusedException(Error error) : Exception(error.Message)
    {
        public Error Error { get; } = error;
    }
}
