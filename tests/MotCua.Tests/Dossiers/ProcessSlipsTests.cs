using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MotCua.Dossiers.Slips;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MotCua.Tests.Dossiers;

/// <summary>Forms 04–07 rendered and read back with PdfPig: Vietnamese text, Vietnam time, wrapping, pages.</summary>
public sealed class ProcessSlipsTests
{
    private const string Code = "000.00.01.H26-260202-0007";
    private const string Url = "https://motcua.example/tra-cuu?code=000.00.01.H26-260202-0007";
    private const string Agency = "Ủy ban nhân dân phường Ba Đình";

    private static readonly SlipFonts Fonts = new();
    private static readonly ProcessSlips Slips = new(Fonts, "Trung tâm Phục vụ hành chính công thành phố Hà Nội");

    // Instants in UTC: the documents must show them in Vietnam time (UTC+7).
    private static readonly DateTimeOffset Received = new(2026, 2, 2, 1, 15, 0, TimeSpan.Zero);      // 08:15 02/02/2026
    private static readonly DateTimeOffset OriginalDue = new(2026, 2, 13, 9, 30, 0, TimeSpan.Zero);  // 16:30 13/02/2026
    private static readonly DateTimeOffset NewDue = new(2026, 2, 27, 3, 0, 0, TimeSpan.Zero);        // 10:00 27/02/2026
    private static readonly DateTimeOffset Issued = new(2026, 2, 11, 18, 0, 0, TimeSpan.Zero);       // 01:00 12/02/2026

    [Fact]
    public void The_apology_letter_names_the_applicant_the_dates_in_Vietnam_time_the_reason_and_the_signer()
    {
        using var pdf = PdfDocument.Open(Slips.Apology(Apology("Cần lấy ý kiến của Sở Xây dựng về hiện trạng công trình.")));

        pdf.NumberOfPages.ShouldBe(1);
        var page = pdf.GetPage(1);
        page.Width.ShouldBe(595, tolerance: 1);
        var text = TextOf(page);
        text.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Case.Sensitive);
        text.ShouldContain("Độc lập - Tự do - Hạnh phúc", Case.Sensitive);
        text.ShouldContain("ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH", Case.Sensitive);
        text.ShouldContain("VĂN BẢN XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", Case.Sensitive);
        text.ShouldContain("Ngày 12 tháng 02 năm 2026", Case.Sensitive);
        text.ShouldContain("Kính gửi: Ông/Bà/Tổ chức Nguyễn Thị Hường", Case.Sensitive);
        text.ShouldContain("Số 12 ngõ 34 phố Đội Cấn", Case.Sensitive);
        text.ShouldContain("Thủ tục: Cấp giấy phép xây dựng nhà ở riêng lẻ", Case.Sensitive);
        text.ShouldContain($"Mã hồ sơ: {Code}", Case.Sensitive);
        text.ShouldContain("Thời gian tiếp nhận hồ sơ: 08:15 02/02/2026", Case.Sensitive);
        text.ShouldContain("Thời gian hẹn trả kết quả: 16:30 13/02/2026", Case.Sensitive);
        text.ShouldContain("Lý do chậm trễ: Cần lấy ý kiến của Sở Xây dựng về hiện trạng công trình.", Case.Sensitive);
        text.ShouldContain("Căn cứ pháp lý: Điều 22 Nghị định 118/2025/NĐ-CP", Case.Sensitive);
        text.ShouldContain("xin lỗi ông/bà vì sự chậm trễ", Case.Sensitive);
        text.ShouldContain("Thời gian hẹn trả kết quả mới: 10:00 27/02/2026", Case.Sensitive);
        text.ShouldContain("CHỦ TỊCH", Case.Sensitive);
        text.ShouldContain("Trần Văn Đức", Case.Sensitive);
        text.ShouldContain(Url, Case.Sensitive);
        page.Paths.Count(p => p.IsFilled).ShouldBeGreaterThan(300); // the QR's dark modules
    }

    [Fact]
    public void An_apology_without_legal_basis_leaves_the_line_out()
    {
        var text = TextOf(PdfDocument.Open(Slips.Apology(Apology("Chậm trễ") with { LegalBasis = null })).GetPage(1));

        text.ShouldNotContain("Căn cứ pháp lý");
        text.ShouldContain("10:00 27/02/2026");
    }

    [Fact]
    public void An_apology_whose_new_date_is_not_later_than_the_original_is_refused()
    {
        Should.Throw<ArgumentException>(() => Slips.Apology(Apology("Chậm trễ") with { NewDueAt = OriginalDue }))
            .Message.ShouldContain("16:30 13/02/2026");
    }

    [Fact]
    public void A_very_long_reason_wraps_inside_the_margins_and_loses_no_word()
    {
        var reason = string.Join(' ', Enumerable.Range(1, 160).Select(i => $"lý-do-thứ-{i} cần xác minh thêm"));
        using var pdf = PdfDocument.Open(Slips.Apology(Apology(reason)));

        pdf.NumberOfPages.ShouldBeGreaterThan(1);
        var text = string.Join(' ', pdf.GetPages().Select(TextOf));
        foreach (var i in Enumerable.Range(1, 160))
        {
            text.ShouldContain($"lý-do-thứ-{i} ", Case.Sensitive);
        }

        // The sentences after the reason and the signature block follow it on the next page.
        text.ShouldContain("xin lỗi ông/bà vì sự chậm trễ", Case.Sensitive);
        text.ShouldContain("Trần Văn Đức", Case.Sensitive);
        text.ShouldContain($"Trang 1/{pdf.NumberOfPages}", Case.Sensitive);
        // The reason starts on the first page, fills it and goes on: no half-empty first page.
        var firstPage = pdf.GetPage(1);
        TextOf(firstPage).ShouldContain("lý-do-thứ-1 ", Case.Sensitive);
        TextOf(pdf.GetPage(2)).ShouldContain("lý-do-thứ-160 ", Case.Sensitive);
        firstPage.Letters.Min(l => l.BoundingBox.Bottom).ShouldBeLessThan(80);
        firstPage.GetWords().Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count().ShouldBeGreaterThan(40);
        foreach (var page in pdf.GetPages())
        {
            AllInsideMargins(page);
        }
    }

    [Fact]
    public void Text_given_decomposed_is_written_composed()
    {
        var letter = Apology("Hồ sơ cần thẩm định thực địa".Normalize(NormalizationForm.FormD)) with
        {
            ApplicantName = "Nguyễn Thị Hường".Normalize(NormalizationForm.FormD),
        };

        // Raw page text, not normalized by the test.
        var raw = PdfDocument.Open(Slips.Apology(letter)).GetPage(1).Text;

        raw.ShouldContain("Nguyễn Thị Hường".Normalize(NormalizationForm.FormC), Case.Sensitive);
        raw.ShouldContain("thẩm định thực địa".Normalize(NormalizationForm.FormC), Case.Sensitive);
    }

    [Fact]
    public void The_stop_notice_gives_the_code_the_reason_the_legal_basis_and_the_signer()
    {
        var notice = new StopNotice(
            Code, Agency, "Công ty TNHH Xây dựng Hồng Hà", "Cấp giấy phép xây dựng nhà ở riêng lẻ", Received,
            "Tổ chức, cá nhân có văn bản đề nghị dừng giải quyết hồ sơ.", "Khoản 2 Điều 23 Nghị định 118/2025/NĐ-CP",
            "Lê Thị Mai", "Phó Chủ tịch", Issued, Url);

        using var pdf = PdfDocument.Open(Slips.Stop(notice));

        pdf.NumberOfPages.ShouldBe(1);
        var page = pdf.GetPage(1);
        var text = TextOf(page);
        text.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Case.Sensitive);
        text.ShouldContain("THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", Case.Sensitive);
        text.ShouldContain($"Mã hồ sơ: {Code}", Case.Sensitive);
        text.ShouldContain("Kính gửi: Ông/Bà/Tổ chức Công ty TNHH Xây dựng Hồng Hà", Case.Sensitive);
        text.ShouldContain("Thời gian tiếp nhận hồ sơ: 08:15 02/02/2026", Case.Sensitive);
        text.ShouldContain("thông báo dừng giải quyết hồ sơ nêu trên với lý do: Tổ chức, cá nhân có văn bản đề nghị dừng giải quyết hồ sơ.", Case.Sensitive);
        text.ShouldContain("Căn cứ pháp lý: Khoản 2 Điều 23 Nghị định 118/2025/NĐ-CP", Case.Sensitive);
        text.ShouldContain("PHÓ CHỦ TỊCH", Case.Sensitive);
        text.ShouldContain("Lê Thị Mai", Case.Sensitive);
        text.ShouldContain(Url, Case.Sensitive);
        AllInsideMargins(page);
    }

    [Fact]
    public void The_control_sheet_has_one_row_per_hand_over_then_the_return_to_the_applicant()
    {
        using var pdf = PdfDocument.Open(Slips.Control(Control(returned: true)));

        pdf.NumberOfPages.ShouldBe(1);
        var page = pdf.GetPage(1);
        var text = TextOf(page);
        text.ShouldContain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", Case.Sensitive);
        text.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Case.Sensitive);
        text.ShouldContain($"Mã hồ sơ: {Code}", Case.Sensitive);
        text.ShouldContain("Cơ quan chủ trì giải quyết: Phòng Kinh tế, Hạ tầng và Đô thị", Case.Sensitive);
        text.ShouldContain("Cơ quan phối hợp giải quyết: Sở Xây dựng; Công an phường Ba Đình", Case.Sensitive);
        text.ShouldContain("Thời gian nhận hồ sơ: 08:15 02/02/2026", Case.Sensitive);
        foreach (var expected in new[] { "Phạm Văn Nam", "Đỗ Thị Thu", "Hoàng Minh Tuấn", "Trước hạn", "Đúng hạn", "Quá hạn", "Chờ ý kiến Sở Xây dựng", "16:30 13/02/2026", "08:45 02/02/2026" })
        {
            text.ShouldContain(expected, Case.Sensitive);
        }

        text.ShouldContain("Trả kết quả cho tổ chức, cá nhân", Case.Sensitive);
        text.ShouldContain("Nguyễn Thị Hường", Case.Sensitive);
        text.ShouldContain("09:20 27/02/2026", Case.Sensitive);
        text.ShouldContain(Url, Case.Sensitive);

        // Rows top to bottom: hand-overs in order, the return last.
        var words = page.GetWords().ToList();
        double Baseline(string word) => words.First(w => w.Text.Normalize(NormalizationForm.FormC) == word).BoundingBox.Bottom;
        Baseline("Trước").ShouldBeGreaterThan(Baseline("Đúng"));
        Baseline("Đúng").ShouldBeGreaterThan(Baseline("Quá"));
        Baseline("Quá").ShouldBeGreaterThan(words.Where(w => w.Text == "Trả").Min(w => w.BoundingBox.Bottom) + 1);
        AllInsideMargins(page);
    }

    [Fact]
    public void A_control_sheet_not_yet_returned_keeps_an_empty_return_row()
    {
        var text = TextOf(PdfDocument.Open(Slips.Control(Control(returned: false) with { CoordinatingAgencies = [] })).GetPage(1));

        text.ShouldContain("Trả kết quả cho tổ chức, cá nhân", Case.Sensitive);
        text.ShouldNotContain("09:20 27/02/2026");
        text.ShouldContain("Cơ quan phối hợp giải quyết: Không có", Case.Sensitive);
    }

    [Fact]
    public void A_book_of_120_rows_runs_over_landscape_pages_with_every_code_and_the_header_repeated()
    {
        var rows = Enumerable.Range(1, 120).Select(BookRow).ToList();
        using var pdf = PdfDocument.Open(Slips.Book(new BookExtract("Chi nhánh số 1 - Phường Ba Đình", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), rows)));

        pdf.NumberOfPages.ShouldBeGreaterThan(1);
        var pages = pdf.GetPages().ToList();
        var texts = pages.Select(TextOf).ToList();
        texts[0].ShouldContain("SỔ THEO DÕI HỒ SƠ", Case.Sensitive);
        texts[0].ShouldContain("CHI NHÁNH SỐ 1 - PHƯỜNG BA ĐÌNH", Case.Sensitive);
        texts[0].ShouldContain("Từ ngày 01/02/2026 đến ngày 28/02/2026", Case.Sensitive);
        texts[^1].ShouldContain("Tổng số: 120 hồ sơ.", Case.Sensitive);
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].Width.ShouldBe(842, tolerance: 1);
            pages[i].Height.ShouldBe(595, tolerance: 1);
            texts[i].ShouldContain("Mã hồ sơ", Case.Sensitive);
            texts[i].ShouldContain("Nhận kết quả từ cơ quan giải quyết", Case.Sensitive);
            texts[i].ShouldContain($"Trang {i + 1}/{pages.Count}", Case.Sensitive);
            AllInsideMargins(pages[i]);
        }

        var all = string.Join(' ', texts);
        foreach (var row in rows)
        {
            Regex.Count(all, Regex.Escape(row.DossierCode)).ShouldBe(1, row.DossierCode);
        }

        all.ShouldContain("Nguyễn Văn Khải 120", Case.Sensitive);
        all.ShouldContain("Đăng ký thường trú", Case.Sensitive);
        all.ShouldContain("08:15", Case.Sensitive);
        all.ShouldContain("02/02/2026", Case.Sensitive);
    }

    [Fact]
    public void A_book_row_taller_than_a_page_is_split_over_pages_without_losing_words()
    {
        var note = string.Join(' ', Enumerable.Range(1, 400).Select(i => $"ghi{i}"));
        var rows = new[] { BookRow(1), BookRow(2) with { Note = note }, BookRow(3) };
        using var pdf = PdfDocument.Open(Slips.Book(new BookExtract("Chi nhánh số 1", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28), rows)));

        pdf.NumberOfPages.ShouldBeGreaterThan(2);
        var all = string.Join(' ', pdf.GetPages().Select(TextOf));
        foreach (var i in Enumerable.Range(1, 400))
        {
            all.ShouldContain($"ghi{i} ", Case.Sensitive);
        }

        all.ShouldContain(rows[2].DossierCode, Case.Sensitive);
        foreach (var page in pdf.GetPages())
        {
            AllInsideMargins(page);
        }
    }

    [Fact]
    public void An_empty_book_says_so()
    {
        using var pdf = PdfDocument.Open(Slips.Book(new BookExtract("Chi nhánh số 1", new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 1), [])));

        pdf.NumberOfPages.ShouldBe(1);
        TextOf(pdf.GetPage(1)).ShouldContain("Không có hồ sơ nào trong kỳ.", Case.Sensitive);
    }

    [Fact]
    public void A_book_whose_period_ends_before_it_starts_is_refused()
    {
        Should.Throw<ArgumentException>(() => Slips.Book(new BookExtract("Chi nhánh số 1", new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 1), [])));
    }

    private static ApologyLetter Apology(string reason) => new(
        Code, Agency, "Nguyễn Thị Hường", "Số 12 ngõ 34 phố Đội Cấn, phường Ba Đình, thành phố Hà Nội",
        "Cấp giấy phép xây dựng nhà ở riêng lẻ", Received, OriginalDue, NewDue,
        reason, "Điều 22 Nghị định 118/2025/NĐ-CP", "Trần Văn Đức", "Chủ tịch", Issued, Url);

    private static ControlSheet Control(bool returned) => new(
        Code, "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Nguyễn Thị Hường", Received, NewDue,
        "Phòng Kinh tế, Hạ tầng và Đô thị", ["Sở Xây dựng", "Công an phường Ba Đình"],
        [
            new("Bộ phận tiếp nhận và trả kết quả", "Phạm Văn Nam", "Phòng Kinh tế, Hạ tầng và Đô thị", "Đỗ Thị Thu", Received.AddMinutes(30), Received.AddHours(4), "Trước hạn", ""),
            new("Phòng Kinh tế, Hạ tầng và Đô thị", "Đỗ Thị Thu", "Sở Xây dựng", "Hoàng Minh Tuấn", Received.AddDays(3), OriginalDue, "Đúng hạn", "Chờ ý kiến Sở Xây dựng"),
            new("Sở Xây dựng", "Hoàng Minh Tuấn", "Bộ phận tiếp nhận và trả kết quả", "Phạm Văn Nam", OriginalDue.AddDays(10), OriginalDue, "Quá hạn", "Đã gửi văn bản xin lỗi"),
        ],
        returned ? new DateTimeOffset(2026, 2, 27, 2, 20, 0, TimeSpan.Zero) : null,
        returned ? "Nguyễn Thị Hường" : null,
        Url);

    private static BookRow BookRow(int i) => new(
        i, string.Create(CultureInfo.InvariantCulture, $"000.00.01.H26-2602{1 + (i % 28):00}-{i:0000}"),
        i % 2 == 0 ? "Đăng ký thường trú" : "Cấp giấy phép xây dựng nhà ở riêng lẻ trong khu vực đô thị có quy hoạch chi tiết",
        1, $"Nguyễn Văn Khải {i}", $"Số {i} phố Hàng Bông, phường Hoàn Kiếm - 0912 345 {i:000}", "Phòng Kinh tế, Hạ tầng và Đô thị",
        Received, OriginalDue, Received.AddHours(1), i % 3 == 0 ? null : OriginalDue.AddDays(-1), i % 3 == 0 ? null : OriginalDue, i % 5 == 0 ? "Quá hạn" : "");

    /// <summary>Every letter lies inside the page, and left and right within the 50-point margins.</summary>
    private static void AllInsideMargins(Page page)
    {
        page.Letters.Count.ShouldBeGreaterThan(0);
        page.Letters.ShouldAllBe(l =>
            l.BoundingBox.Left >= 50 - 1 && l.EndBaseLine.X <= page.Width - 50 + 1 && l.BoundingBox.Right <= page.Width - 50 + 1
            && l.BoundingBox.Bottom >= 15 && l.BoundingBox.Top <= page.Height - 40);
    }

    private static string TextOf(Page page)
        => Regex.Replace(ContentOrderTextExtractor.GetText(page).Normalize(NormalizationForm.FormC), @"\s+", " ");
}
