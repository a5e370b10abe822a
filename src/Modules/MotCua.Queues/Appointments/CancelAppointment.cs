using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Outbox;

namespace MotCua.Queues.Appointments;

/// <summary>
/// The holder cancels a booking before its slot starts: the appointment is cancelled and its place goes back to
/// the slot, with the outbox row, in one transaction.
/// </summary>
internal sealed class CancelAppointment(MotCuaDb db, AuditTrail audit, TimeProvider time)
{
    public async Task<Result<Done>> RunAsync(string holderIdNumber, string? code, CancellationToken ct)
    {
        var normalized = AppointmentCodes.Normalize(code);
        if (normalized is null || string.IsNullOrEmpty(holderIdNumber))
        {
            return Error.NotFound("lịch hẹn này");
        }

        var now = time.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync<Result<Done>>(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var appointment = await db.Set<Appointment>().AsNoTracking().FirstOrDefaultAsync(a => a.Code == normalized && a.HolderIdNumber == holderIdNumber, ct);
            if (appointment is null)
            {
                return Error.NotFound("lịch hẹn này");
            }

            // The rule on a detached copy; the conditional update below makes the change.
            if (appointment.Cancel(now) is { } error)
            {
                return error;
            }

            // Only the one who moves it from Booked gives the place back (a concurrent cancel finds no row to change).
            var changed = await db.Set<Appointment>().Where(a => a.Id == appointment.Id && a.Status == AppointmentStatus.Booked)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AppointmentStatus.Cancelled).SetProperty(a => a.CancelledAt, now), ct);
            if (changed == 0)
            {
                return Error.Conflict($"Lịch hẹn {appointment.Code} vừa thay đổi; vui lòng tải lại trang.");
            }

            var minute = (appointment.SlotStart.Hour * 60) + appointment.SlotStart.Minute;
            await db.Set<AppointmentSlot>()
                .Where(s => s.PointId == appointment.PointId && s.Day == appointment.Day && s.StartMinute == minute && s.ServiceGroup == appointment.ServiceGroup && s.Booked > 0)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Booked, s => s.Booked - 1), ct);
            db.Add(OutboxMessage.Create("queue.appointment-cancelled", appointment.Code, new { appointment.Code }, now));
            audit.Record("queue.appointment-cancelled", AppointmentText.AuditSubject(appointment.Code), "người hẹn hủy lịch");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return Done.Value;
        });
    }
}
