namespace MotCua.Dossiers.Reception;

/// <summary>
/// Why a document handed over on paper is not scanned at reception. TT 01/2023/TT-VPCP aims at digitizing every
/// document received on paper; a paper-only line is accepted only with one of these reasons, chosen by the officer,
/// recorded on the line and counted (<see cref="Indicators.DigitizationRate"/>).
/// </summary>
internal enum PaperOnlyReason
{
    /// <summary>The original is shown for checking and handed back; no copy is kept to scan.</summary>
    OriginalReturned = 1,

    /// <summary>Oversize, bound or many-page document the counter's scanner cannot take.</summary>
    OversizeOrBound = 2,

    /// <summary>Torn, faded or damaged: a scan would not be legible.</summary>
    Damaged = 3,

    /// <summary>The scanner or the system is out of order at the moment of reception.</summary>
    ScannerUnavailable = 4,

    /// <summary>The law requires the original on paper (e.g. a document to be surrendered or annulled).</summary>
    OriginalRequiredOnPaper = 5,

    /// <summary>Classified or sealed: it may not be copied.</summary>
    ClassifiedOrSealed = 6,
}

/// <summary>The reasons as the counter offers them: Vietnamese first, English for the API and the English interface.</summary>
internal static class PaperOnlyReasons
{
    public sealed record Choice(PaperOnlyReason Value, string Vietnamese, string English);

    public static readonly IReadOnlyList<Choice> All =
    [
        new(PaperOnlyReason.OriginalReturned, "Bản chính chỉ xuất trình để đối chiếu, trả lại người nộp", "Original shown for checking and returned to the applicant"),
        new(PaperOnlyReason.OversizeOrBound, "Khổ lớn hoặc đóng quyển, không số hóa được tại quầy", "Oversize or bound document, cannot be scanned at the counter"),
        new(PaperOnlyReason.Damaged, "Giấy tờ rách, mờ, hư hỏng, bản quét không đọc được", "Damaged or faded, a scan would be illegible"),
        new(PaperOnlyReason.ScannerUnavailable, "Thiết bị số hóa hoặc hệ thống tạm thời không hoạt động", "Scanner or system unavailable"),
        new(PaperOnlyReason.OriginalRequiredOnPaper, "Pháp luật quy định phải nộp bản chính bằng giấy", "The law requires the original on paper"),
        new(PaperOnlyReason.ClassifiedOrSealed, "Tài liệu mật hoặc niêm phong, không được sao chụp", "Classified or sealed, may not be copied"),
    ];

    public static Choice? Find(PaperOnlyReason? reason) => All.FirstOrDefault(c => c.Value == reason);

    public static string Vietnamese(PaperOnlyReason? reason) => Find(reason)?.Vietnamese ?? "";

    public static string English(PaperOnlyReason? reason) => Find(reason)?.English ?? "";

    /// <summary>The refusal when a paper-only line has no reason from the list.</summary>
    public static string Required(string documentName)
        => $"\"{documentName}\": giấy tờ nhận bản giấy không số hóa phải có lý do không số hóa, chọn trong danh sách ("
            + string.Join("; ", All.Select(c => c.Vietnamese.ToLowerInvariant())) + ").";
}
