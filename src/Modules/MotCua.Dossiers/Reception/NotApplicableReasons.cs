using MotCua.Catalog.Contracts;

namespace MotCua.Dossiers.Reception;

/// <summary>
/// Why a conditional paper does not apply, in short words read from its condition: the negation of the catalog's
/// "Trường hợp …". The desk's reason starts as <see cref="Officer"/>, the citizen chooses <see cref="Citizen"/> or types
/// their own; a line marked not applicable without a reason keeps the officer's words for its condition.
/// </summary>
internal static class NotApplicableReasons
{
    /// <summary>The reason as the desk (and the system) records it.</summary>
    public static string Officer(ConditionKind kind) => kind switch
    {
        ConditionKind.FiledByRepresentative => "Người yêu cầu tự nộp, không ủy quyền",
        ConditionKind.FiledOnline => "Không nộp trực tuyến",
        ConditionKind.FiledOnPaper => "Nộp trực tuyến, không nộp bản giấy",
        ConditionKind.SentByPost => "Không gửi hồ sơ qua bưu chính",
        ConditionKind.AbandonedChild => "Không phải trẻ em bị bỏ rơi",
        ConditionKind.Surrogacy => "Trẻ không sinh ra do mang thai hộ",
        ConditionKind.ForeignPapers => "Không có giấy tờ do nước ngoài cấp",
        ConditionKind.DataNotInRegistry => "Cơ sở dữ liệu đã có thông tin",
        _ => "Không thuộc trường hợp này",
    };

    /// <summary>
    /// The desk's reason for a paper of a dossier filed through <paramref name="channel"/>: the condition's, unless the channel
    /// itself meets the condition (a paper declaration asked at a counter marked not applicable) — then only "not this case".
    /// </summary>
    public static string Officer(DocumentCondition condition, Channel channel)
        => ProcedureLabels.AppliesOn(condition.Kind, channel) == true ? Officer(ConditionKind.Other) : Officer(condition.Kind);

    /// <summary>
    /// The reason as the citizen says it on the portal ("Tôi tự nộp, không ủy quyền"); a resource key for English. The portal
    /// files online, so a paper asked for online has no reason of its own there: "not my case".
    /// </summary>
    public static string Citizen(ConditionKind kind) => kind switch
    {
        ConditionKind.FiledByRepresentative => "Tôi tự nộp, không ủy quyền",
        ConditionKind.FiledOnPaper => "Tôi nộp trực tuyến, không nộp bản giấy",
        ConditionKind.SentByPost => "Tôi không gửi hồ sơ qua bưu chính",
        ConditionKind.AbandonedChild => "Trẻ không bị bỏ rơi",
        ConditionKind.Surrogacy => "Trẻ không sinh ra do mang thai hộ",
        ConditionKind.ForeignPapers => "Tôi không có giấy tờ do nước ngoài cấp",
        ConditionKind.DataNotInRegistry => "Cơ sở dữ liệu đã có thông tin của tôi",
        _ => "Tôi không thuộc trường hợp này",
    };

    /// <summary>A reason as kept: trimmed, on one line; null when empty.</summary>
    public static string? Clean(string? reason)
        => string.Join(' ', (reason ?? "").Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } text ? text : null;

    /// <summary>"Lý do không áp dụng giấy tờ "…" dài quá 200 ký tự."</summary>
    public static string TooLong(string paper)
        => $"Lý do không áp dụng giấy tờ \"{Short(paper)}\" dài quá {DossierDocument.ReasonLength} ký tự; vui lòng ghi ngắn gọn.";

    /// <summary>"… là giấy tờ bắt buộc, không thể đánh dấu không áp dụng."</summary>
    public static string Required(string paper)
        => $"\"{Short(paper)}\" là giấy tờ bắt buộc, không thể đánh dấu không áp dụng.";

    private static string Short(string text) => text.Length > 120 ? text[..119].TrimEnd() + "…" : text;
}
