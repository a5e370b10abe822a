namespace MotCua.Queues.Tickets;

/// <summary>The Vietnamese words for a ticket's states, priorities and timeline (shown and announced).</summary>
internal static class TicketText
{
    /// <summary>The ticket in the audit trail: "ticket:CN01/2026-12-07/A-0012" (a number is unique per point and day).</summary>
    public static string AuditSubject(string? point, Ticket ticket)
        => $"ticket:{point}/{ticket.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}/{ticket.Display}";

    /// <summary>A counter in the audit trail: "counter:CN01/3".</summary>
    public static string CounterSubject(string point, int number) => $"counter:{point}/{number}";

    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Waiting => "Đang chờ",
        TicketStatus.Called => "Đã gọi",
        TicketStatus.Serving => "Đang phục vụ",
        TicketStatus.Done => "Đã phục vụ xong",
        TicketStatus.NoShow => "Vắng mặt",
        TicketStatus.Cancelled => "Đã hủy",
        _ => status.ToString(),
    };

    public static string Priority(TicketPriority priority) => priority switch
    {
        TicketPriority.Elderly => "Người cao tuổi",
        TicketPriority.Disabled => "Người khuyết tật",
        TicketPriority.Pregnant => "Phụ nữ mang thai",
        TicketPriority.Appointment => "Có lịch hẹn",
        _ => "Không",
    };

    /// <summary>What "Ưu tiên" says of a ticket: the group, and whether an off-site declaration waits for the counter.</summary>
    public static string PriorityOf(Ticket ticket) => ticket.PriorityCheck switch
    {
        PriorityCheck.Pending => $"{Priority(ticket.Priority)} ({PendingPriority})",
        PriorityCheck.Refused => $"{Priority(TicketPriority.None)} (ưu tiên {Priority(ticket.Priority).ToLowerInvariant()} không được xác nhận)",
        _ => Priority(ticket.Priority),
    };

    public const string PendingPriority = "chờ xác nhận ưu tiên";

    public static string Event(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Issued => "Lấy số",
        TicketEventKind.Called => "Được mời",
        TicketEventKind.Recalled => "Mời lại",
        TicketEventKind.ServingStarted => "Bắt đầu phục vụ",
        TicketEventKind.Finished => "Phục vụ xong",
        TicketEventKind.NoShow => "Vắng mặt",
        TicketEventKind.Transferred => "Chuyển",
        TicketEventKind.Cancelled => "Hủy số",
        TicketEventKind.DossierReceived => "Tiếp nhận hồ sơ",
        TicketEventKind.ResultReturned => "Trả kết quả",
        TicketEventKind.PriorityConfirmed => "Xác nhận ưu tiên",
        TicketEventKind.PriorityRefused => "Không xác nhận ưu tiên",
        _ => kind.ToString(),
    };

    /// <summary>What the display board says and speaks: "Mời số A 12 đến Quầy 3".</summary>
    public static string Announcement(string display, string counterName) => string.Format(System.Globalization.CultureInfo.InvariantCulture, AnnouncementFormat, Spoken(display), counterName);

    /// <summary>The announcement's pattern (also the UI text's key: the board shows it in its own language).</summary>
    public const string AnnouncementTemplate = "Mời số {0} đến {1}";

    private static readonly System.Text.CompositeFormat AnnouncementFormat = System.Text.CompositeFormat.Parse(AnnouncementTemplate);

    /// <summary>"A-0012" read out as "A không không mười hai" is hard to follow; boards read "A 12".</summary>
    public static string Spoken(string display)
    {
        var dash = display.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? display : $"{display[..dash]} {int.Parse(display[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
