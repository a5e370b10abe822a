using MotCua.Platform.Errors;

namespace MotCua.Queues.Appointments;

internal enum AppointmentStatus
{
    Booked = 1,

    /// <summary>The holder came and took the ticket (<see cref="Appointment.TicketId"/>).</summary>
    CheckedIn = 2,

    /// <summary>Cancelled by the holder before the slot started; its place went back to the slot.</summary>
    Cancelled = 3,

    /// <summary>Not checked in by <see cref="QueueOptions.NoShowAfterMinutes"/> after the slot started.</summary>
    NoShow = 4,
}

/// <summary>
/// An appointment (lịch hẹn): a signed-in citizen's booked slot at a point for a service group. At check-in it
/// becomes a ticket in the one FIFO queue (with priority only when <see cref="QueueOptions.BookingsHavePriority"/>).
/// </summary>
internal sealed class Appointment
{
    /// <summary>Check-in opens this long before the slot starts.</summary>
    public static readonly TimeSpan CheckInEarly = TimeSpan.FromMinutes(30);

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>What the holder reads out or the kiosk scans: "HK-" and 8 characters without look-alikes (<see cref="AppointmentCodes"/>).</summary>
    public string Code { get; init; } = "";
    public Guid PointId { get; init; }
    public string ServiceGroup { get; init; } = "";
    public string? ProcedureCode { get; init; }

    /// <summary>The local (Asia/Ho_Chi_Minh) day and the slot's local start.</summary>
    public DateOnly Day { get; init; }
    public TimeOnly SlotStart { get; init; }

    /// <summary>The slot's start as an instant (UTC), for the check-in window, reminders and no-shows.</summary>
    public DateTimeOffset StartsAt { get; init; }

    /// <summary>The holder's personal ID number (số định danh cá nhân) and name, from the e-ID sign-in.</summary>
    public string HolderIdNumber { get; init; } = "";
    public string HolderName { get; init; } = "";
    public AppointmentStatus Status { get; private set; } = AppointmentStatus.Booked;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CheckedInAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>When the reminder went to the outbox (set once by the reminder job's conditional update).</summary>
    public DateTimeOffset? RemindedAt { get; private set; }
    public Guid? TicketId { get; private set; }

    public Error? Cancel(DateTimeOffset now)
    {
        if (Status is not AppointmentStatus.Booked)
        {
            return Error.Conflict($"Không thể hủy lịch hẹn {Code} đang ở trạng thái \"{AppointmentText.Status(Status)}\".");
        }

        if (now >= StartsAt)
        {
            return Error.Conflict($"Không thể hủy lịch hẹn {Code}: đã đến giờ hẹn.");
        }

        Status = AppointmentStatus.Cancelled;
        CancelledAt = now;
        return null;
    }

    /// <summary>Whether the holder may check in now: from 30 minutes before the slot to the no-show limit after it.</summary>
    public Error? CanCheckIn(DateTimeOffset now, int noShowAfterMinutes)
    {
        if (Status is not AppointmentStatus.Booked)
        {
            return Error.Conflict($"Lịch hẹn {Code} đang ở trạng thái \"{AppointmentText.Status(Status)}\", không thể xác nhận đến.");
        }

        if (now < StartsAt - CheckInEarly)
        {
            return Error.Conflict($"Chưa đến giờ xác nhận lịch hẹn {Code}: bạn có thể xác nhận từ {AppointmentText.Time(StartsAt - CheckInEarly)} ngày {AppointmentText.Date(Day)}.");
        }

        if (now > StartsAt + TimeSpan.FromMinutes(noShowAfterMinutes))
        {
            return Error.Conflict($"Đã quá giờ hẹn {AppointmentText.Time(StartsAt)} hơn {noShowAfterMinutes} phút; vui lòng lấy số thứ tự mới tại ki-ốt.");
        }

        return null;
    }

    public Error? CheckIn(Guid ticketId, DateTimeOffset now, int noShowAfterMinutes)
    {
        if (CanCheckIn(now, noShowAfterMinutes) is { } error)
        {
            return error;
        }

        Status = AppointmentStatus.CheckedIn;
        CheckedInAt = now;
        TicketId = ticketId;
        return null;
    }

    public bool IsNoShowAt(DateTimeOffset now, int noShowAfterMinutes)
        => Status is AppointmentStatus.Booked && now > StartsAt + TimeSpan.FromMinutes(noShowAfterMinutes);
}

/// <summary>
/// The capacity of one slot for one service group at one point (computed when it is first booked, refreshed at each
/// booking) and how many bookings it holds. Booking takes a place with one conditional upsert (booked &lt; capacity).
/// </summary>
internal sealed class AppointmentSlot
{
    public Guid PointId { get; init; }
    public DateOnly Day { get; init; }

    /// <summary>The slot's local start in minutes after midnight (an integer key, the same on every provider).</summary>
    public int StartMinute { get; init; }
    public string ServiceGroup { get; init; } = "";
    public int Capacity { get; init; }
    public int Booked { get; init; }
}
