namespace MotCua.Dossiers.Reception;

internal static class Labels
{
    public static string Provision(Provision p) => p switch
    {
        Dossiers.Provision.Missing => "Chưa có",
        Dossiers.Provision.DigitizedAtCounter => "Bản giấy, số hóa tại quầy",
        Dossiers.Provision.Uploaded => "Công dân tải lên",
        Dossiers.Provision.Reused => "Tái sử dụng từ hồ sơ trước",
        Dossiers.Provision.WaivedRegistry => "Không phải nộp (CSDL dân cư)",
        Dossiers.Provision.PaperOnly => "Bản giấy, lưu kèm hồ sơ",
        Dossiers.Provision.NotApplicable => "Không áp dụng (không thuộc trường hợp)",
        _ => p.ToString(),
    };

    public static string Action(ReceptionAction a) => a switch
    {
        ReceptionAction.Receive => "Tiếp nhận hồ sơ, in giấy tiếp nhận và hẹn trả kết quả",
        ReceptionAction.RequestSupplement => "Hồ sơ chưa đủ: hướng dẫn bổ sung, hoàn thiện",
        _ => "Từ chối tiếp nhận",
    };

    public static string Delivery(ResultDelivery d) => d switch
    {
        ResultDelivery.AtCounter => "Nhận trực tiếp tại nơi nộp",
        ResultDelivery.Post => "Qua dịch vụ bưu chính công ích",
        _ => "Trực tuyến (kho dữ liệu điện tử)",
    };

    /// <summary>
    /// A dossier's stored way of delivery ("Qua dịch vụ bưu chính công ích: 12 Lý Thái Tổ …") as its label — the UI text's
    /// key — and what follows it (": " and the address, or nothing), so a page shows the label in its own language.
    /// </summary>
    public static (string Label, string Address) SplitDelivery(string stored)
    {
        var post = Delivery(ResultDelivery.Post);
        return stored.StartsWith(post, StringComparison.Ordinal) ? (post, stored[post.Length..]) : (stored, "");
    }
}
