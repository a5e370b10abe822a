using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Catalog.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Outbox;
using MotCua.Platform.Time;
using MotCua.Queues.ServiceGroups;

namespace MotCua.Queues.Appointments;

/// <summary>What a citizen books: a point, a service group (or a procedure, whose field gives the group), a day and a slot start.</summary>
internal sealed record BookingRequest(string? Point, string? ServiceGroup, string? Day, string? Start, string? Procedure = null);

/// <summary>
/// Books a slot for the signed-in citizen within the caps (<see cref="QueueOptions"/>): not in the past, only released
/// days up to <see cref="QueueOptions.BookingDaysAhead"/> ahead, working days, at most
/// <see cref="QueueOptions.MaxBookingsPerPersonPerDay"/> a day and <see cref="QueueOptions.MaxBookingsPerSectorPerDay"/>
/// per service group a day. In one transaction: the holder's day is locked (an advisory lock on PostgreSQL; SQLite
/// transactions are serialised), the caps are counted, then one conditional upsert takes a place in the slot
/// (booked &lt; capacity) — concurrent bookings never overbook — and the appointment and its outbox row are saved.
/// </summary>
internal sealed class BookAppointment(MotCuaDb db, AppointmentSlots slots, ServiceGroupList groups, ProcedureLookup procedures, AuditTrail audit, TimeProvider time, IOptions<QueueOptions> options)
{
    public async Task<Result<AppointmentView>> RunAsync(
        BookingRequest request, string holderIdNumber, string holderName, CancellationToken ct)
    {
        var o = options.Value;
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(holderIdNumber))
        {
            return new Error("forbidden", "Vui lòng đăng nhập bằng tài khoản định danh điện tử để đặt lịch.", 403);
        }

        var place = await slots.PointAsync(request.Point, errors, ct);
        ServiceGroup? group = null;
        string? procedureCode = null;
        if (!string.IsNullOrWhiteSpace(request.Procedure))
        {
            var procedure = await procedures.CurrentAsync(request.Procedure.Trim(), ct);
            if (procedure is null)
            {
                errors.Add(Error.Invalid("procedure", $"Không có thủ tục với mã \"{request.Procedure}\"."));
            }
            else
            {
                procedureCode = procedure.Code;
                group = string.IsNullOrWhiteSpace(request.ServiceGroup) ? groups.ForField(procedure.Content.Field) : slots.Group(request.ServiceGroup, errors);
            }
        }
        else
        {
            group = slots.Group(request.ServiceGroup, errors);
        }

        var day = AppointmentText.ParseDay(request.Day);
        if (string.IsNullOrWhiteSpace(request.Day))
        {
            errors.Add(Error.Required("day", "ngày hẹn"));
        }
        else if (day is null)
        {
            errors.Add(Error.Invalid("day", "Ngày hẹn phải có dạng năm-tháng-ngày (2026-12-07)."));
        }

        var start = AppointmentText.ParseTime(request.Start);
        var starts = SlotPlan.Starts(o.SlotsFrom, o.SlotsUntil, o.SlotMinutes);
        if (string.IsNullOrWhiteSpace(request.Start))
        {
            errors.Add(Error.Required("start", "khung giờ"));
        }
        else if (start is null || !starts.Contains(start.Value))
        {
            errors.Add(Error.Invalid("start", $"Không có khung giờ \"{request.Start}\": các khung giờ bắt đầu từ {AppointmentText.Time(o.SlotsFrom)} đến {AppointmentText.Time(o.SlotsUntil)}, mỗi {o.SlotMinutes} phút."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow();
        if (await slots.DayErrorAsync(day!.Value, now, ct) is { } dayError)
        {
            return dayError;
        }

        var startsAt = VietnamTime.At(day.Value, start!.Value);
        if (startsAt <= now)
        {
            return Error.Invalid("start", $"Khung giờ {AppointmentText.Time(start.Value)} ngày {AppointmentText.Date(day.Value)} đã qua; vui lòng chọn khung giờ khác.");
        }

        var capacity = await slots.CapacityAsync(place!.Id, group!, ct);
        var minute = (start.Value.Hour * 60) + start.Value.Minute;
        var strategy = db.Database.CreateExecutionStrategy();
        var (booked, refusal) = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!db.IsSqlite)
            {
                // One booking at a time per holder and day, so that the caps counted below stay true until commit.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({HolderDayLock(holderIdNumber, day.Value)})", ct);
            }

            var mine = await db.Set<Appointment>()
                .Where(a => a.HolderIdNumber == holderIdNumber && a.Day == day.Value && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.CheckedIn))
                .Select(a => a.ServiceGroup).ToListAsync(ct);
            if (mine.Count >= o.MaxBookingsPerPersonPerDay)
            {
                return ((Appointment?)null, Error.Conflict($"Bạn đã có {mine.Count} lịch hẹn ngày {AppointmentText.Date(day.Value)}; mỗi người đặt tối đa {o.MaxBookingsPerPersonPerDay} lịch hẹn một ngày."));
            }

            if (mine.Count(g => string.Equals(g, group!.Code, StringComparison.OrdinalIgnoreCase)) >= o.MaxBookingsPerSectorPerDay)
            {
                return (null, Error.Conflict($"Bạn đã có lịch hẹn lĩnh vực \"{group!.Name}\" ngày {AppointmentText.Date(day.Value)}; mỗi lĩnh vực chỉ đặt {o.MaxBookingsPerSectorPerDay} lịch hẹn một ngày."));
            }

            if (!await TakePlaceAsync(place.Id, day.Value, minute, group!.Code, capacity, ct))
            {
                return (null, Error.Conflict($"Khung giờ {AppointmentText.Time(start.Value)} ngày {AppointmentText.Date(day.Value)} đã hết chỗ; vui lòng chọn khung giờ khác."));
            }

            var appointment = new Appointment
            {
                Code = AppointmentCodes.New(),
                PointId = place.Id,
                ServiceGroup = group.Code,
                ProcedureCode = procedureCode,
                Day = day.Value,
                SlotStart = start.Value,
                StartsAt = startsAt,
                HolderIdNumber = holderIdNumber,
                HolderName = holderName,
                CreatedAt = now,
            };
            db.Add(appointment);
            db.Add(OutboxMessage.Create("queue.appointment-booked", appointment.Code, new
            {
                appointment.Code,
                Point = place.Code,
                appointment.ServiceGroup,
                Day = AppointmentText.Day(appointment.Day),
                Start = AppointmentText.Time(appointment.SlotStart),
            }, now));
            audit.Record("queue.appointment-booked", AppointmentText.AuditSubject(appointment.Code),
                $"{place.Code}; nhóm {appointment.ServiceGroup}; {AppointmentText.Time(appointment.SlotStart)} ngày {AppointmentText.Date(appointment.Day)}; người hẹn {holderIdNumber}"
                + (procedureCode is null ? "" : $"; thủ tục {procedureCode}"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (appointment, (Error?)null);
        });

        return booked is null ? refusal! : AppointmentView.Of(booked, place.Code, place.Name, group!, null, now);
    }

    /// <summary>Takes one place in the slot if it has one left: an upsert whose update only happens while booked &lt; capacity.</summary>
    internal async Task<bool> TakePlaceAsync(Guid pointId, DateOnly day, int minute, string group, int capacity, CancellationToken ct)
    {
        var taken = await db.Database.SqlQuery<int>($"""
            INSERT INTO queue_appointment_slots ("PointId", "Day", "StartMinute", "ServiceGroup", "Capacity", "Booked")
            VALUES ({pointId}, {day}, {minute}, {group}, {capacity}, 1)
            ON CONFLICT ("PointId", "Day", "StartMinute", "ServiceGroup") DO UPDATE
                SET "Booked" = queue_appointment_slots."Booked" + 1, "Capacity" = excluded."Capacity"
                WHERE queue_appointment_slots."Booked" < excluded."Capacity"
            RETURNING "Booked" AS "Value"
            """).ToListAsync(ct);
        return taken.Count == 1;
    }

    /// <summary>A 64-bit key for the holder's day (advisory locks take a bigint).</summary>
    internal static long HolderDayLock(string holder, DateOnly day)
        => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"appointment:{holder}:{day.DayNumber}")), 0);
}
