using System.Globalization;
using MotCua.Platform.Time;

namespace MotCua.Dossiers.Slips;

internal sealed record ApologyLetter(          // form 04: Văn bản xin lỗi và hẹn lại ngày trả kết quả
    string DossierCode, string AgencyName, string ApplicantName, string ApplicantAddress, string ProcedureName,
    DateTimeOffset ReceivedAt, DateTimeOffset OriginalDueAt, DateTimeOffset NewDueAt,
    string Reason, string? LegalBasis, string SignerName, string SignerTitle, DateTimeOffset IssuedAt, string TrackingUrl, string Place = "");

internal sealed record StopNotice(             // form 05: Thông báo dừng giải quyết hồ sơ
    string DossierCode, string AgencyName, string ApplicantName, string ProcedureName, DateTimeOffset ReceivedAt,
    string Reason, string LegalBasis, string SignerName, string SignerTitle, DateTimeOffset IssuedAt, string TrackingUrl, string Place = "");

internal sealed record ControlSheetRow(        // one hand-over of form 06
    string FromUnit, string FromPerson, string ToUnit, string ToPerson, DateTimeOffset HandedOverAt,
    DateTimeOffset? StepDueAt, string Verdict, string Note);

internal sealed record ControlSheet(           // form 06: Phiếu kiểm soát quá trình giải quyết hồ sơ
    string DossierCode, string ProcedureName, string ApplicantName, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt,
    string LeadAgency, IReadOnlyList<string> CoordinatingAgencies, IReadOnlyList<ControlSheetRow> Rows,
    DateTimeOffset? ReturnedAt, string? ReturnedTo, string TrackingUrl);

internal sealed record BookRow(                // one line of form 07; Number is the entry number in the book (null: entered before numbering), Quantity the sets
    int? Number, string DossierCode, string ProcedureName, int Quantity, string ApplicantName, string AddressAndPhone,
    string LeadAgency, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? SentToAgencyAt,
    DateTimeOffset? ResultBackAt, DateTimeOffset? ReturnedAt, string Note);

internal sealed record BookExtract(            // form 07: Sổ theo dõi hồ sơ, for one unit and a period (of one book year when Year is set)
    string UnitName, DateOnly From, DateOnly To, IReadOnlyList<BookRow> Rows, int? Year = null);

/// <summary>
/// The documents of processing (TT 03/2025 forms): 04 the apology with a new appointment, 05 the notice of
/// stopping, 06 the process control sheet, 07 an extract of the dossier tracking book. Vietnamese text, times
/// "HH:mm dd/MM/yyyy" in Vietnam time, a QR to the public tracking page on the forms about one dossier. Long
/// content continues on further A4 pages (the book on landscape pages, its header row repeated) instead of
/// being cut.
/// </summary>
internal sealed class ProcessSlips(SlipFonts fonts, string centerName)
{
    /// <summary>The one-stop desk that issues the control sheet (as on forms 01–03).</summary>
    public const string DeskName = "Bộ phận tiếp nhận và trả kết quả";

    /// <summary>The official letter's number is given by the agency's document register and written by hand.</summary>
    private const string NumberBlank = "Số: ........../..........";

    /// <summary>Form 04: the head of the agency apologises for the delay and sets the new (single) due date.</summary>
    public byte[] Apology(ApologyLetter a, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.NewDueAt <= a.OriginalDueAt)
        {
            throw new ArgumentException($"The new due date ({At(a.NewDueAt)}) must be later than the original one ({At(a.OriginalDueAt)}).", nameof(a));
        }

        using var doc = new SlipDocument(fonts, landscape: false, flows: true, ct)
            .Header(a.AgencyName, NumberBlank)
            .Dateline(IssuedOn(a.Place, a.IssuedAt))
            .Title("Văn bản xin lỗi và hẹn lại ngày trả kết quả", $"Mã hồ sơ: {a.DossierCode}")
            .Line("Kính gửi", $"Ông/Bà/Tổ chức {a.ApplicantName}")
            .Line("Địa chỉ", a.ApplicantAddress)
            .Paragraph($"{a.AgencyName} đã tiếp nhận hồ sơ của ông/bà đề nghị giải quyết thủ tục hành chính:")
            .Line("Thủ tục", a.ProcedureName)
            .Line("Mã hồ sơ", a.DossierCode)
            .Line("Thời gian tiếp nhận hồ sơ", At(a.ReceivedAt))
            .Line("Thời gian hẹn trả kết quả", At(a.OriginalDueAt))
            .Paragraph($"Tuy nhiên đến nay, {a.AgencyName} chưa trả được kết quả giải quyết hồ sơ cho ông/bà đúng thời hạn ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.")
            .Paragraph("Lý do chậm trễ:", isBold: true)
            .Paragraph(a.Reason);
        if (!string.IsNullOrWhiteSpace(a.LegalBasis))
        {
            doc.Line("Căn cứ pháp lý", a.LegalBasis);
        }

        doc.Paragraph($"Sự chậm trễ này đã gây phiền hà, tốn kém thời gian và chi phí của ông/bà. {a.AgencyName} thành thật xin lỗi ông/bà vì sự chậm trễ này và hẹn trả kết quả giải quyết hồ sơ vào {At(a.NewDueAt)}.")
            .Line("Thời gian hẹn trả kết quả mới", At(a.NewDueAt))
            .Paragraph("Xin trân trọng cảm ơn!")
            .Signature(a.SignerTitle, a.SignerName, "(Ký tên, đóng dấu)")
            .Qr(a.TrackingUrl, Caption(a.DossierCode, a.TrackingUrl));
        return doc.ToPdf();
    }

    /// <summary>Form 05: the agency stops processing the dossier, with the reason and the legal basis.</summary>
    public byte[] Stop(StopNotice n, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(n);
        using var doc = new SlipDocument(fonts, landscape: false, flows: true, ct)
            .Header(n.AgencyName, NumberBlank)
            .Dateline(IssuedOn(n.Place, n.IssuedAt))
            .Title("Thông báo dừng giải quyết hồ sơ", $"Mã hồ sơ: {n.DossierCode}")
            .Line("Kính gửi", $"Ông/Bà/Tổ chức {n.ApplicantName}")
            .Paragraph($"{n.AgencyName} đã tiếp nhận hồ sơ của ông/bà đề nghị giải quyết thủ tục hành chính:")
            .Line("Thủ tục", n.ProcedureName)
            .Line("Mã hồ sơ", n.DossierCode)
            .Line("Thời gian tiếp nhận hồ sơ", At(n.ReceivedAt))
            .Paragraph($"{n.AgencyName} thông báo dừng giải quyết hồ sơ nêu trên với lý do:", isBold: true)
            .Paragraph(n.Reason)
            .Line("Căn cứ pháp lý", string.IsNullOrWhiteSpace(n.LegalBasis) ? "Theo quy định của thủ tục hành chính" : n.LegalBasis)
            .Paragraph("Xin trân trọng thông báo!")
            .Signature(n.SignerTitle, n.SignerName, "(Ký tên, đóng dấu)")
            .Qr(n.TrackingUrl, Caption(n.DossierCode, n.TrackingUrl));
        return doc.ToPdf();
    }

    /// <summary>
    /// Form 06: travels with the dossier; one row per hand-over (giver, receiver, time, the step's due time,
    /// early / on time / late, note) and a last row for the return of the result, blank until it happens.
    /// </summary>
    public byte[] Control(ControlSheet s, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(s);
        var rows = s.Rows
            .Select((r, i) => new[]
            {
                Number(i + 1), $"{r.FromUnit}\n{r.FromPerson}", $"{r.ToUnit}\n{r.ToPerson}",
                At(r.HandedOverAt), r.StepDueAt is { } due ? At(due) : "", r.Verdict, r.Note,
            })
            .ToList();
        rows.Add(
        [
            Number(rows.Count + 1), "Trả kết quả cho tổ chức, cá nhân", s.ReturnedTo ?? "",
            s.ReturnedAt is { } returned ? At(returned) : "", s.DueAt is { } due ? At(due) : "", "", "",
        ]);

        using var doc = new SlipDocument(fonts, landscape: false, flows: true, ct)
            .Header(centerName, DeskName)
            .Title("Phiếu kiểm soát quá trình giải quyết hồ sơ", $"Mã hồ sơ: {s.DossierCode}")
            .Line("Mã hồ sơ", s.DossierCode)
            .Line("Thủ tục", s.ProcedureName)
            .Line("Tổ chức, cá nhân", s.ApplicantName)
            .Line("Thời gian nhận hồ sơ", At(s.ReceivedAt))
            .Line("Thời gian hẹn trả kết quả", s.DueAt is { } dueAt ? At(dueAt) : "—")
            .Line("Cơ quan chủ trì giải quyết", s.LeadAgency)
            .Line("Cơ quan phối hợp giải quyết", s.CoordinatingAgencies.Count > 0 ? string.Join("; ", s.CoordinatingAgencies) : "Không có")
            .Table(
                ["TT", "Bên giao (đơn vị, người giao)", "Bên nhận (đơn vị, người nhận)", "Thời gian giao, nhận hồ sơ", "Hạn xử lý", "Kết quả (trước hạn / đúng hạn / quá hạn)", "Ghi chú"],
                rows,
                [0.5, 2.3, 2.3, 1.85, 1.85, 1.45, 1.45])
            .Paragraph("Bên giao và bên nhận ký xác nhận vào phiếu tại mỗi lần giao, nhận hồ sơ.")
            .Qr(s.TrackingUrl, Caption(s.DossierCode, s.TrackingUrl));
        return doc.ToPdf();
    }

    /// <summary>Form 07: the tracking book of one unit for a period, on landscape pages, as many as needed.</summary>
    public byte[] Book(BookExtract b, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (b.To < b.From)
        {
            throw new ArgumentException($"The period ends ({b.To:dd/MM/yyyy}) before it starts ({b.From:dd/MM/yyyy}).", nameof(b));
        }

        var rows = b.Rows
            .Select(r => new[]
            {
                r.Number is { } entry ? Number(entry) : "", r.DossierCode, r.ProcedureName, SlipNumbers.Sets(r.Quantity), r.ApplicantName, r.AddressAndPhone,
                r.LeadAgency, At(r.ReceivedAt), At(r.DueAt), At(r.SentToAgencyAt), At(r.ResultBackAt), At(r.ReturnedAt), "", r.Note,
            })
            .ToList();

        using var doc = new SlipDocument(fonts, landscape: true, flows: true, ct)
            .Header(b.UnitName, null)
            .Title("Sổ theo dõi hồ sơ", b.Year is { } year ? $"Quyển số {year} — từ ngày {Day(b.From)} đến ngày {Day(b.To)}" : $"Từ ngày {Day(b.From)} đến ngày {Day(b.To)}")
            .Table(
                ["Số TT", "Mã hồ sơ", "Tên thủ tục hành chính", "Số bộ", "Tên tổ chức, cá nhân", "Địa chỉ, số điện thoại", "Cơ quan chủ trì giải quyết", "Nhận hồ sơ", "Hẹn trả kết quả", "Chuyển đến cơ quan giải quyết", "Nhận kết quả từ cơ quan giải quyết", "Trả kết quả", "Ký nhận", "Ghi chú"],
                rows,
                [0.75, 3.2, 2.6, 1.0, 1.7, 1.6, 1.7, 1.45, 1.45, 1.45, 1.45, 1.45, 0.9, 1.3],
                size: 7.5);
        doc.Paragraph(rows.Count == 0 ? "Không có hồ sơ nào trong kỳ." : $"Tổng số: {rows.Count} hồ sơ.");
        return doc.ToPdf();
    }

    private static string At(DateTimeOffset? instant) => instant is { } i ? VietnamTime.FormatDateTime(i) : "";

    private static string At(DateTimeOffset instant) => VietnamTime.FormatDateTime(instant);

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The dateline: "Hà Nội, ngày 07 tháng 12 năm 2026" (the place from <see cref="SlipContacts.PlaceAsync"/>).</summary>
    private static string IssuedOn(string place, DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        return string.IsNullOrWhiteSpace(place)
            ? string.Create(CultureInfo.InvariantCulture, $"Ngày {local:dd} tháng {local:MM} năm {local:yyyy}")
            : string.Create(CultureInfo.InvariantCulture, $"{place.Trim()}, ngày {local:dd} tháng {local:MM} năm {local:yyyy}");
    }

    private static string Caption(string code, string url) => $"Quét mã để tra cứu hồ sơ {code} hoặc truy cập {url}";
}
