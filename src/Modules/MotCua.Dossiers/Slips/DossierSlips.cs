using System.Globalization;
using MotCua.Catalog.Contracts;
using MotCua.Dossiers.Reception;
using MotCua.Platform.Errors;
using MotCua.Platform.Time;

namespace MotCua.Dossiers.Slips;

/// <summary>
/// The slip a dossier's status calls for (TT 03/2025 forms): 01 the receipt and appointment slip, 02 the
/// supplement request, 03 the refusal. One A4 page each in every ordinary case (a long value is shortened with "…" —
/// the dossier keeps it whole — and a very long checklist continues on a second page), Vietnamese text, the code and
/// a QR to the public tracking page. Never refused for its content: the officer can always print it.
/// </summary>
internal sealed class DossierSlips(SlipFonts fonts, string centerName)
{
    public Result<byte[]> Render(Dossier d, string trackingUrl, CancellationToken ct = default) => Render(d, trackingUrl, null, ct);

    /// <param name="d">The dossier.</param>
    /// <param name="trackingUrl">The public tracking page (the QR).</param>
    /// <param name="contactPhone">Form 02: the guiding officer's contact phone (<see cref="SlipContacts.OfficerPhoneAsync"/>).</param>
    /// <param name="ct">Stops the rendering.</param>
    public Result<byte[]> Render(Dossier d, string trackingUrl, string? contactPhone, CancellationToken ct = default)
    {
        using var doc = new SlipDocument(fonts, ct).Header(centerName, d.ReceivingUnitName);
        switch (d.Status)
        {
            case DossierStatus.RegisteredOnline:
                return new Error("wrong-status", "Hồ sơ trực tuyến đang chờ tiếp nhận: chưa có giấy tiếp nhận.", 409);
            case DossierStatus.SupplementRequested:
                Supplement(doc, d, contactPhone ?? SlipContacts.Hotline);
                break;
            case DossierStatus.Refused:
                Refusal(doc, d);
                break;
            default:
                Receipt(doc, d);
                break;
        }

        doc.Qr(trackingUrl, $"Quét mã để tra cứu hồ sơ {d.Code} hoặc truy cập {trackingUrl}");
        return doc.ToPdf();
    }

    private static void Receipt(SlipDocument doc, Dossier d)
    {
        doc.Title("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", $"Mã hồ sơ: {d.Code}")
            .Paragraph($"{d.ReceivingUnitName} tiếp nhận hồ sơ của:")
            .Line("Ông/Bà/Tổ chức", d.Applicant.Name)
            .Line("Số định danh / mã số thuế", d.Applicant.IdNumber)
            .Line("Địa chỉ", d.Applicant.Address)
            .Line("Số điện thoại", d.Applicant.Phone)
            .Line("Thư điện tử", d.Applicant.Email)
            .Line("Nội dung yêu cầu giải quyết", $"{d.ProcedureName} (mã {d.ProcedureCode})");
        if (d.Submitter is { Name.Length: > 0 } s)
        {
            doc.Line(d.Applicant.Kind == ApplicantKind.Organisation ? "Người đại diện" : "Người nộp thay", $"{s.Name} — {s.IdNumber}{(s.Position.Length > 0 ? $", {s.Position}" : "")} ({s.Authorisation})");
        }

        doc.Paragraph("Thành phần hồ sơ nộp gồm:", isBold: true)
            .Table(
                ["TT", "Tên giấy tờ", "Bản chính", "Bản sao", "Hình thức"],
                // Only what was received: a conditional paper that does not apply (or a line never handed in) is not listed.
                d.Documents.Where(x => x.Provision is not (Provision.NotApplicable or Provision.Missing)).OrderBy(x => x.Number).Select(x => new[] { x.Number.ToString(CultureInfo.InvariantCulture), Short(x.Name, 160), x.Originals.ToString(CultureInfo.InvariantCulture), x.Copies.ToString(CultureInfo.InvariantCulture), Labels.Provision(x.Provision) }).ToList(),
                [0.6, 6, 1.1, 1, 2.6])
            .Line("Số lượng hồ sơ", SlipNumbers.Sets(d.SetsReceived))
            .Line("Thời gian giải quyết theo quy định", ProcessingTime(d))
            .Line("Thời gian nhận hồ sơ", At(d.ReceivedAt))
            .Line("Thời gian trả kết quả giải quyết hồ sơ", At(d.OriginalDueAt ?? d.DueAt)) // the appointment given at reception; an extension has form 04
            .ProvisionalDue(d)
            .Line("Nơi, hình thức trả kết quả", d.ResultDelivery)
            .Line("Vào sổ theo dõi hồ sơ", BookEntry(d))
            .Signatures("Người nộp hồ sơ", "Người tiếp nhận hồ sơ", d.ReceivedByName);
    }

    private static void Supplement(SlipDocument doc, Dossier d, string contactPhone)
    {
        doc.Title("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ", $"Mã hồ sơ: {d.Code}")
            .Paragraph($"{d.ReceivingUnitName} đã tiếp nhận yêu cầu của:")
            .Line("Ông/Bà/Tổ chức", d.Applicant.Name)
            .Line("Địa chỉ", d.Applicant.Address)
            .Line("Số điện thoại", d.Applicant.Phone)
            .Line("Nội dung yêu cầu giải quyết", $"{d.ProcedureName} (mã {d.ProcedureCode})")
            .Paragraph("Hồ sơ chưa đầy đủ. Đề nghị bổ sung, hoàn thiện các nội dung sau:", isBold: true)
            .Table(["TT", "Giấy tờ cần bổ sung, hoàn thiện", "Lý do"],
                d.MissingItems.Select((m, i) => new[] { (i + 1).ToString(CultureInfo.InvariantCulture), m.Document, m.Reason }).ToList(),
                [0.6, 5, 5])
            .Line("Cán bộ hướng dẫn", d.ReceivedByName)
            .Line("Số điện thoại liên hệ", contactPhone)
            .Line("Thời gian hướng dẫn", At(d.Events.Count > 0 ? d.Events.Max(e => e.At) : d.CreatedAt))
            .Line("Thời hạn giải quyết", d.ProcessingTimeValue is null ? ProcessingTime(d, cutOff: false) : $"{ProcessingTime(d, cutOff: false)}, kể từ khi nhận đủ hồ sơ hợp lệ")
            .Paragraph($"Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ cán bộ hướng dẫn {d.ReceivedByName} (số điện thoại {contactPhone}) hoặc tổng đài {SlipContacts.Hotline} để được hướng dẫn.")
            .Signatures("Người nộp hồ sơ", "Người hướng dẫn", d.ReceivedByName);
    }

    private static void Refusal(SlipDocument doc, Dossier d)
    {
        doc.Title("Phiếu từ chối tiếp nhận giải quyết hồ sơ", $"Mã hồ sơ: {d.Code}")
            .Paragraph($"{d.ReceivingUnitName} tiếp nhận hồ sơ đề nghị của:")
            .Line("Ông/Bà/Tổ chức", d.Applicant.Name)
            .Line("Địa chỉ", d.Applicant.Address)
            .Line("Số điện thoại", d.Applicant.Phone)
            .Line("Nội dung yêu cầu giải quyết", $"{d.ProcedureName} (mã {d.ProcedureCode})")
            .Paragraph("Căn cứ quy định, cơ quan tiếp nhận từ chối tiếp nhận hồ sơ với lý do:", isBold: true)
            .Paragraph(d.Reason ?? "")
            .Line("Căn cứ pháp lý", string.IsNullOrWhiteSpace(d.LegalBasis) ? "Theo quy định của thủ tục hành chính" : d.LegalBasis)
            .Paragraph("Xin trân trọng thông báo!")
            .Signatures("Người nộp hồ sơ", "Người tiếp nhận hồ sơ", d.ReceivedByName);
    }

    /// <summary>Form 01 "Vào sổ theo dõi hồ sơ": the book (receiving unit, year of reception) and the dossier's entry number in it.</summary>
    internal static string BookEntry(Dossier d)
        => d.BookNumber is { } number
            ? string.Create(CultureInfo.InvariantCulture, $"Quyển số {d.BookYear}, số thứ tự {number} ({d.ReceivingUnitName})")
            : "Chưa vào sổ";

    private static string ProcessingTime(Dossier d, bool cutOff = true)
        => d.ProcessingTimeValue is { } v ? ProcedureLabels.TimeWithCutOff(new ProcessingTime(v, d.ProcessingTimeUnit, ""), cutOff ? d.ProcessingCutOff : null) : "Theo quy định của thủ tục";

    private static string At(DateTimeOffset? instant)
        => instant is { } i ? VietnamTime.ToLocal(i).ToString("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy", CultureInfo.InvariantCulture) : "—";

    private static string Short(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
