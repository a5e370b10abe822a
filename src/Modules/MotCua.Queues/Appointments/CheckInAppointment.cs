using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Outbox;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.Appointments;

/// <summary>A check-in from a kiosk: the point it stands at (optional: the appointment's own point when absent).</summary>
internal sealed record CheckInRequest(string? Point);

/// <summary>What the QR check-in page shows of an appointment before the holder confirms (no personal data).</summary>
internal sealed record AppointmentPreview(string Code, string Point, string PointName, string ServiceGroupName, string Day, string Start, string StatusText);

/// <summary>The ticket an appointment became at check-in.</summary>
internal sealed record CheckedIn(string Code, string Point, string PointName, string TicketNumber, string TicketToken, string ServiceGroupName, bool Again);

/// <summary>
/// Checks an appointment in at the kiosk (its code typed or its QR scanned): from 30 minutes before the slot to
/// <see cref="QueueOptions.NoShowAfterMinutes"/> after it, a ticket is taken through <see cref="TakeTicket"/> (channel
/// Appointment, priority Appointment only when <see cref="QueueOptions.BookingsHavePriority"/>) and linked to the
/// appointment. The move Booked → CheckedIn is a conditional update, so one appointment gives one ticket however
/// many times (or at once) it is checked in; checking in again answers the same ticket.
/// </summary>
internal sealed class CheckInAppointment(MotCuaDb db, TakeTicket take, OrgDirectory org, ServiceGroupList groups, AuditTrail audit, TimeProvider time, IOptions<QueueOptions> options)
{
    public async Task<Result<CheckedIn>> RunAsync(string? code, string? atPoint, CancellationToken ct)
    {
        var normalized = AppointmentCodes.Normalize(code);
        if (normalized is null)
        {
            return string.IsNullOrWhiteSpace(code)
                ? Error.Required("code", "mã lịch hẹn")
                : Error.Invalid("code", $"\"{code}\" không phải mã lịch hẹn (dạng HK-XXXXXXXX).");
        }

        var appointment = await db.Set<Appointment>().AsNoTracking().FirstOrDefaultAsync(a => a.Code == normalized, ct);
        if (appointment is null)
        {
            return Error.NotFound($"lịch hẹn {normalized}");
        }

        var point = await org.UnitAsync(appointment.PointId, ct);
        if (!string.IsNullOrWhiteSpace(atPoint) && !string.Equals(atPoint.Trim(), point?.Code, StringComparison.OrdinalIgnoreCase))
        {
            return Error.Conflict($"Lịch hẹn {appointment.Code} ở {point?.Name}, không phải ở điểm này; vui lòng đến đúng điểm đã hẹn.");
        }

        if (appointment.Status == AppointmentStatus.CheckedIn)
        {
            return await SameTicketAsync(appointment, point, ct);
        }

        var now = time.GetUtcNow();
        var noShow = options.Value.NoShowAfterMinutes;
        if (appointment.CanCheckIn(now, noShow) is { } refused)
        {
            return refused;
        }

        // Claim the check-in first: only one request moves it from Booked.
        var claimed = await db.Set<Appointment>().Where(a => a.Id == appointment.Id && a.Status == AppointmentStatus.Booked)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AppointmentStatus.CheckedIn).SetProperty(a => a.CheckedInAt, now), ct);
        if (claimed == 0)
        {
            var current = await db.Set<Appointment>().AsNoTracking().FirstAsync(a => a.Id == appointment.Id, ct);
            return current.Status == AppointmentStatus.CheckedIn
                ? await SameTicketAsync(current, point, ct)
                : current.CanCheckIn(now, noShow) ?? Busy(current);
        }

        var priority = options.Value.BookingsHavePriority ? TicketPriority.Appointment : TicketPriority.None;
        var (ticket, notTaken) = await take.RunAsync(new TicketRequest(point?.Code, appointment.ServiceGroup, priority), TicketChannel.Appointment,
            appointment.HolderIdNumber, appointment.Id, ct);
        if (ticket is null)
        {
            // Give the claim back so that the holder can try again.
            await db.Set<Appointment>().Where(a => a.Id == appointment.Id && a.Status == AppointmentStatus.CheckedIn && a.TicketId == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AppointmentStatus.Booked).SetProperty(a => a.CheckedInAt, (DateTimeOffset?)null), ct);
            return notTaken[0];
        }

        db.ChangeTracker.Clear();
        await db.Set<Appointment>().Where(a => a.Id == appointment.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.TicketId, ticket.Id), ct);
        db.Add(OutboxMessage.Create("queue.appointment-checked-in", appointment.Code, new { appointment.Code, Ticket = ticket.Number, Point = ticket.Point }, now));
        audit.Record("queue.appointment-checked-in", AppointmentText.AuditSubject(appointment.Code), $"số thứ tự {ticket.Number} tại {ticket.Point}");
        await db.SaveChangesAsync(ct);
        return new CheckedIn(appointment.Code, ticket.Point, ticket.PointName, ticket.Number, ticket.Token, ticket.ServiceGroupName, Again: false);
    }

    public async Task<AppointmentPreview?> PreviewAsync(string? code, CancellationToken ct)
    {
        var normalized = AppointmentCodes.Normalize(code);
        var appointment = normalized is null ? null : await db.Set<Appointment>().AsNoTracking().FirstOrDefaultAsync(a => a.Code == normalized, ct);
        if (appointment is null)
        {
            return null;
        }

        var point = await org.UnitAsync(appointment.PointId, ct);
        return new AppointmentPreview(appointment.Code, point?.Code ?? "", point?.Name ?? "", (groups.Find(appointment.ServiceGroup) ?? groups.Fallback).Name.ToString(),
            AppointmentText.Day(appointment.Day), AppointmentText.Time(appointment.SlotStart), AppointmentText.Status(appointment.Status));
    }

    private async Task<Result<CheckedIn>> SameTicketAsync(Appointment appointment, UnitRef? point, CancellationToken ct)
    {
        // The ticket carries its appointment, so it is found even if the node stopped between issuing it (committed)
        // and noting its id on the appointment: the holder gets that ticket, never a second one, never a dead end.
        var ticket = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.PointId == appointment.PointId && t.AppointmentId == appointment.Id)
            .FirstOrDefaultAsync(ct);
        if (ticket is null)
        {
            return Busy(appointment);
        }

        var groupName = groups.Find(ticket.ServiceGroup)?.Name.ToString() ?? ticket.ServiceGroup;
        return new CheckedIn(appointment.Code, point?.Code ?? "", point?.Name ?? "", ticket.Display, ticket.Token, groupName, Again: true);
    }

    /// <summary>Another check-in of the same appointment is under way (it took the claim, or just gave it back).</summary>
    private static Error Busy(Appointment appointment)
        => Error.Conflict($"Lịch hẹn {appointment.Code} đang được xác nhận; vui lòng thử lại sau ít giây.");
}
