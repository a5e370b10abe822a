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

/// <summary>
/// Whether a declared priority still has to be seen at the counter: a priority declared off-site (a remote ticket
/// from a phone or the portal) is served in normal order until an officer who sees the person confirms it.
/// </summary>
internal enum PriorityCheck
{
    /// <summary>Nothing to confirm: no priority, or declared where staff see the person (kiosk, desk), or proven by the e-ID (age).</summary>
    None = 0,

    /// <summary>Declared off-site, not yet seen: served in normal order (chờ xác nhận ưu tiên).</summary>
    Pending = 1,
    Confirmed = 2,

    /// <summary>The officer did not confirm it: an ordinary ticket (the declaration stays on record).</summary>
    Refused = 3,
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
    /// <summary>The priority group declared (or derived from the holder's e-ID); see <see cref="ServedAs"/> for how it is served.</summary>
    public TicketPriority Priority { get; init; }

    /// <summary>Whether the declared priority still waits for an officer's confirmation (remote tickets).</summary>
    public PriorityCheck PriorityCheck { get; private set; }

    /// <summary>The priority the queue serves it with: none while a remote declaration is unconfirmed or after it was refused.</summary>
    public TicketPriority ServedAs => Served(Priority, PriorityCheck);

    /// <summary>The kiosk that printed it (kiosk tickets).</summary>
    public Guid? KioskId { get; init; }

    /// <summary>Remote tickets taken without signing in: the browser's device id (from its signed cookie) …</summary>
    public string? RemoteDevice { get; init; }

    /// <summary>… and a one-day pseudonym of the client address (a hash of the day and the address, never the address).</summary>
    public string? RemoteAddress { get; init; }
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

    /// <summary>A priority declared off-site starts unconfirmed.</summary>
    public void AwaitPriorityConfirmation()
    {
        if (Priority is not (TicketPriority.None or TicketPriority.Appointment))
        {
            PriorityCheck = PriorityCheck.Pending;
        }
    }

    /// <summary>The officer who sees the person confirms (or refuses) a priority declared off-site, while the ticket is open.</summary>
    public Error? ConfirmPriority(bool confirmed)
    {
        if (PriorityCheck is not PriorityCheck.Pending)
        {
            return Error.Conflict($"Số {Display} không có ưu tiên nào đang chờ xác nhận.");
        }

        if (!IsOpen)
        {
            return NotAllowed(confirmed ? "xác nhận ưu tiên cho" : "từ chối ưu tiên của");
        }

        PriorityCheck = confirmed ? PriorityCheck.Confirmed : PriorityCheck.Refused;
        return null;
    }

    public static TicketPriority Served(TicketPriority priority, PriorityCheck check)
        => check is PriorityCheck.Pending or PriorityCheck.Refused ? TicketPriority.None : priority;

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

    /// <summary>The officer saw the person and confirmed the priority declared off-site (Detail = the group).</summary>
    PriorityConfirmed = 11,

    /// <summary>The officer did not confirm the priority declared off-site.</summary>
    PriorityRefused = 12,
}
