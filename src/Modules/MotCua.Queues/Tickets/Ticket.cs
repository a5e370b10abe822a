using MotCua.Catalog.Contracts;
using MotCua.Platform.Errors;

namespace MotCua.Queues.Tickets;

internal enum TicketStatus
{
    /// <summary>In the queue (also after a transfer or a recall back into the queue).</summary>
    Waiting = 1,

    /// <summary>Called to a counter, not yet at it.</summary>
    Called = 2,

    /// <summary>At the counter being served.</summary>
    Serving = 3,
    Done = 4,

    /// <summary>Called and did not come (vắng mặt).</summary>
    NoShow = 5,

    /// <summary>Cancelled by the holder (virtual ticket) before being called.</summary>
    Cancelled = 6,
}

/// <summary>Who is served first within the one FIFO queue (configurable rule, <see cref="QueueOptions"/>).</summary>
internal enum TicketPriority
{
    None = 0,

    /// <summary>Người cao tuổi (75+ by default).</summary>
    Elderly = 1,

    /// <summary>Người khuyết tật.</summary>
    Disabled = 2,

    /// <summary>Phụ nữ mang thai.</summary>
    Pregnant = 3,

    /// <summary>An appointment holder, when bookings get priority (off by default).</summary>
    Appointment = 4,
}

internal enum TicketChannel
{
    Kiosk = 1,

    /// <summary>Virtual ticket from the portal or the QR code at the entrance.</summary>
    Virtual = 2,

    /// <summary>Issued by the reception desk.</summary>
    Reception = 3,

    /// <summary>An appointment checked in.</summary>
    Appointment = 4,
}

/// <summary>
/// A queue ticket (số thứ tự): a number unique per point and local day, for a service group, in one FIFO queue
/// (<see cref="QueuedAt"/>) with priority groups served by the configured rule.
/// </summary>
internal sealed class Ticket
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PointId { get; init; }

    /// <summary>The local (Asia/Ho_Chi_Minh) day of issue.</summary>
    public DateOnly Day { get; init; }

    /// <summary>The sequence of the point and day, from 1.</summary>
    public int Number { get; init; }

    /// <summary>What is called out: the group's letter and the number ("A-0012").</summary>
    public string Display { get; init; } = "";
    public string ServiceGroup { get; set; } = "";
    public TicketPriority Priority { get; init; }
    public TicketChannel Channel { get; init; }
    public TicketStatus Status { get; private set; } = TicketStatus.Waiting;
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>Its place in the one FIFO queue: the time it joined (kept on transfer).</summary>
    public DateTimeOffset QueuedAt { get; init; }

    /// <summary>A secret for following the ticket on a phone (/q/{token}) without signing in.</summary>
    public string Token { get; init; } = "";

    /// <summary>The holder's e-ID subject (virtual tickets, appointments); null for an anonymous kiosk ticket.</summary>
    public string? HolderId { get; init; }
    public Guid? AppointmentId { get; init; }

    /// <summary>The counter it was called to or is served at (or was transferred to, while waiting).</summary>
    public Guid? CounterId { get; private set; }

    /// <summary>When transferred to a specific counter, only that counter calls it.</summary>
    public Guid? ReservedForCounterId { get; private set; }
    public int Calls { get; private set; }
    public DateTimeOffset? CalledAt { get; private set; }
    public DateTimeOffset? ServingAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public string? OfficerName { get; private set; }

    /// <summary>The dossier this visit created or whose result it returned (one timeline from ticket to dossier).</summary>
    public string? DossierCode { get; private set; }

    public List<TicketEvent> Events { get; init; } = [];

    public Error? Call(Guid counterId, string officer, DateTimeOffset now)
    {
        if (Status is not TicketStatus.Waiting)
        {
            return NotAllowed("gọi");
        }

        Status = TicketStatus.Called;
        CounterId = counterId;
        ReservedForCounterId = null;
        Calls++;
        CalledAt = now;
        OfficerName = officer;
        return null;
    }

    public Error? Recall(DateTimeOffset now)
    {
        if (Status is not TicketStatus.Called)
        {
            return NotAllowed("gọi lại");
        }

        Calls++;
        CalledAt = now;
        return null;
    }

    public Error? StartServing(DateTimeOffset now)
    {
        if (Status is not TicketStatus.Called)
        {
            return NotAllowed("bắt đầu phục vụ");
        }

        Status = TicketStatus.Serving;
        ServingAt = now;
        return null;
    }

    public Error? Finish(DateTimeOffset now)
    {
        if (Status is not TicketStatus.Serving)
        {
            return NotAllowed("kết thúc phục vụ");
        }

        Status = TicketStatus.Done;
        FinishedAt = now;
        return null;
    }

    public Error? MarkNoShow(DateTimeOffset now)
    {
        if (Status is not TicketStatus.Called)
        {
            return NotAllowed("đánh dấu vắng mặt");
        }

        Status = TicketStatus.NoShow;
        FinishedAt = now;
        return null;
    }

    /// <summary>Back into the queue for another group (and, optionally, one counter), keeping its place.</summary>
    public Error? Transfer(string serviceGroup, Guid? toCounter)
    {
        if (Status is not (TicketStatus.Called or TicketStatus.Serving))
        {
            return NotAllowed("chuyển");
        }

        Status = TicketStatus.Waiting;
        ServiceGroup = serviceGroup;
        ReservedForCounterId = toCounter;
        CounterId = null;
        ServingAt = null;
        return null;
    }

    public Error? Cancel(DateTimeOffset now)
    {
        if (Status is not TicketStatus.Waiting)
        {
            return NotAllowed("hủy");
        }

        Status = TicketStatus.Cancelled;
        FinishedAt = now;
        return null;
    }

    /// <summary>Links the visit to the dossier it created or whose result it returned (at the counter or just after).</summary>
    public Error? LinkDossier(string code)
    {
        if (Status is not (TicketStatus.Called or TicketStatus.Serving or TicketStatus.Done))
        {
            return NotAllowed("gắn hồ sơ cho");
        }

        DossierCode = code;
        return null;
    }

    public bool IsOpen => Status is TicketStatus.Waiting or TicketStatus.Called or TicketStatus.Serving;

    private Error NotAllowed(string action)
        => Error.Conflict($"Không thể {action} số {Display} đang ở trạng thái \"{TicketText.Status(Status)}\".");
}

/// <summary>One line of a ticket's timeline: issued, called at a counter, served, linked to a dossier …</summary>
internal sealed class TicketEvent
{
    public long Id { get; init; }
    public Guid TicketId { get; init; }
    public DateTimeOffset At { get; init; }
    public TicketEventKind Kind { get; init; }

    /// <summary>The counter ("Quầy 3"), the dossier code, or the group transferred to.</summary>
    public string Detail { get; init; } = "";
    public string Actor { get; init; } = "";
}

internal enum TicketEventKind
{
    Issued = 1,
    Called = 2,
    Recalled = 3,
    ServingStarted = 4,
    Finished = 5,
    NoShow = 6,
    Transferred = 7,
    Cancelled = 8,

    /// <summary>The visit created this dossier (Detail = dossier code).</summary>
    DossierReceived = 9,

    /// <summary>The visit returned this dossier's result (Detail = dossier code).</summary>
    ResultReturned = 10,
}
