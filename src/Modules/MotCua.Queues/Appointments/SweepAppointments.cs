using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Jobs;
using MotCua.Platform.Outbox;
using MotCua.Platform.Time;

namespace MotCua.Queues.Appointments;

internal sealed record AppointmentSweepReport(int Reminded, int NoShows);

/// <summary>
/// The appointments' two jobs: a reminder ("queue.appointment-reminder" in the outbox, once) on the day before the
/// appointment from <see cref="RemindFrom"/> local time, and no-show marking (Booked past its start +
/// <see cref="QueueOptions.NoShowAfterMinutes"/> → NoShow, "queue.appointment-no-show"). Like the dossiers' clock
/// sweep, several app instances may run it at once: candidates are read in batches and each row is changed by a
/// conditional update (reminder not yet sent / still Booked) in the transaction that writes its outbox row, so a row
/// another instance changed first is skipped (on PostgreSQL the second update waits for the first and then finds
/// nothing to change) and every event is written once.
/// </summary>
internal sealed class SweepAppointments(MotCuaDb db, OrgDirectory org, AuditTrail audit, TimeProvider time, IOptions<QueueOptions> options) : IPeriodicJob
{
    async Task<string?> IPeriodicJob.RunOnceAsync(CancellationToken ct)
        => await RunAsync(ct) is { } r && r.Reminded + r.NoShows > 0 ? r.ToString() : null;

    /// <summary>Reminders are not sent at night: from this local time on the day before.</summary>
    public static readonly TimeOnly RemindFrom = new(8, 0);

    private const int Batch = 200;

    public async Task<AppointmentSweepReport> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var local = now.ToOffset(VietnamTime.Offset);
        var tomorrow = VietnamTime.DayOf(now).AddDays(1);
        var reminded = TimeOnly.FromDateTime(local.DateTime) >= RemindFrom ? await RemindAsync(tomorrow, now, ct) : 0;
        var noShows = await MarkNoShowsAsync(now, ct);
        return new AppointmentSweepReport(reminded, noShows);
    }

    private async Task<int> RemindAsync(DateOnly tomorrow, DateTimeOffset now, CancellationToken ct)
    {
        var done = 0;
        var seen = new HashSet<Guid>();
        while (true)
        {
            var batch = await db.Set<Appointment>().AsNoTracking()
                .Where(a => a.Day == tomorrow && a.Status == AppointmentStatus.Booked && a.RemindedAt == null)
                .OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
            batch = [.. batch.Where(a => seen.Add(a.Id))];
            if (batch.Count == 0)
            {
                return done;
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var a in batch)
            {
                var claimed = await db.Set<Appointment>().Where(x => x.Id == a.Id && x.RemindedAt == null && x.Status == AppointmentStatus.Booked)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.RemindedAt, now), ct);
                if (claimed == 1)
                {
                    var point = await org.UnitAsync(a.PointId, ct);
                    db.Add(OutboxMessage.Create("queue.appointment-reminder", a.Code, new
                    {
                        a.Code,
                        a.HolderIdNumber,
                        a.HolderName,
                        Point = point?.Code,
                        PointName = point?.Name,
                        a.ServiceGroup,
                        Day = AppointmentText.Day(a.Day),
                        Start = AppointmentText.Time(a.SlotStart),
                        Text = $"Nhắc lịch hẹn {a.Code}: {AppointmentText.Time(a.SlotStart)} ngày {AppointmentText.Date(a.Day)} tại {point?.Name}. Vui lòng đến trước giờ hẹn và xác nhận tại ki-ốt.",
                    }, now));
                    audit.Record("queue.appointment-reminded", AppointmentText.AuditSubject(a.Code), "nhắc lịch hẹn ngày hôm sau");
                    done++;
                }
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private async Task<int> MarkNoShowsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var limit = now - TimeSpan.FromMinutes(options.Value.NoShowAfterMinutes);
        var done = 0;
        var seen = new HashSet<Guid>();
        while (true)
        {
            var batch = await db.Set<Appointment>().AsNoTracking()
                .Where(a => a.Status == AppointmentStatus.Booked && a.StartsAt < limit)
                .OrderBy(a => a.StartsAt).Take(Batch).ToListAsync(ct);
            batch = [.. batch.Where(a => seen.Add(a.Id))];
            if (batch.Count == 0)
            {
                return done;
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var a in batch)
            {
                var marked = await db.Set<Appointment>().Where(x => x.Id == a.Id && x.Status == AppointmentStatus.Booked)
                    .ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, AppointmentStatus.NoShow), ct);
                if (marked == 1)
                {
                    db.Add(OutboxMessage.Create("queue.appointment-no-show", a.Code, new { a.Code, a.HolderIdNumber, Day = AppointmentText.Day(a.Day), Start = AppointmentText.Time(a.SlotStart) }, now));
                    audit.Record("queue.appointment-no-show", AppointmentText.AuditSubject(a.Code), $"quá {options.Value.NoShowAfterMinutes} phút sau giờ hẹn không xác nhận");
                    done++;
                }
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
