using System.Text;
using MotCua.Dossiers.Slips;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MotCua.Tests.Dossiers.Slips;

/// <summary>The one-page A4 slip writer, read back with PdfPig: Vietnamese text, wrapping, bounds, the QR.</summary>
public sealed class SlipDocumentTests
{
    private const string Url = "https://motcua.example/tra-cuu?code=000.00.01.H26-251124-0001";

    private const string LongProcedure =
        "Thủ tục liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi "
        + "kèm theo xác nhận thông tin cư trú và cập nhật cơ sở dữ liệu quốc gia về dân cư trên địa bàn phường";

    private static readonly SlipFonts Fonts = new();

    [Fact]
    public void A_receipt_slip_is_one_A4_page_with_the_Vietnamese_text_exactly()
    {
        using var pdf = PdfDocument.Open(Receipt(documents: 6));

        pdf.NumberOfPages.ShouldBe(1);
        var page = pdf.GetPage(1);
        page.Width.ShouldBe(595, tolerance: 1);
        page.Height.ShouldBe(842, tolerance: 1);
        var text = TextOf(page);
        text.ShouldContain("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", Case.Sensitive);
        text.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Case.Sensitive);
        text.ShouldContain("Độc lập - Tự do - Hạnh phúc", Case.Sensitive);
        text.ShouldContain("Nguyễn Thị Hường", Case.Sensitive);
        text.ShouldContain("Phường Ba Đình", Case.Sensitive);
        text.ShouldContain("000.00.01.H26-251124-0001", Case.Sensitive);
        text.ShouldContain("Tờ khai đăng ký khai sinh số 6", Case.Sensitive);
    }

    [Fact]
    public void Text_given_decomposed_is_written_composed()
    {
        var decomposed = "Nguyễn Thị Hường".Normalize(NormalizationForm.FormD);

        using var doc = new SlipDocument(Fonts).Title("Giấy tiếp nhận").Line("Ông/Bà", decomposed);
        using var pdf = PdfDocument.Open(doc.ToPdf());

        // Raw page text, not normalized by the test: the writer itself must have composed it.
        pdf.GetPage(1).Text.ShouldContain("Nguyễn Thị Hường".Normalize(NormalizationForm.FormC), Case.Sensitive);
    }

    [Fact]
    public void A_long_procedure_name_wraps_onto_several_lines_and_loses_no_word()
    {
        using var pdf = PdfDocument.Open(Receipt(documents: 3));
        var page = pdf.GetPage(1);
        var text = TextOf(page);

        foreach (var word in LongProcedure.Split(' '))
        {
            text.ShouldContain(word.Normalize(NormalizationForm.FormC), Case.Sensitive);
        }

        // The name's first and last words sit on different baselines: it was wrapped, not drawn on one line.
        var words = page.GetWords().ToList();
        var first = words.Single(w => w.Text.Normalize(NormalizationForm.FormC) == "liên");
        var last = words.Single(w => w.Text.Normalize(NormalizationForm.FormC) == "bàn");
        last.BoundingBox.Bottom.ShouldBeLessThan(first.BoundingBox.Bottom - 20);
    }

    [Fact]
    public void No_letter_lies_outside_the_page()
    {
        using var pdf = PdfDocument.Open(Receipt(documents: 6));
        var page = pdf.GetPage(1);

        page.Letters.Count.ShouldBeGreaterThan(500);
        page.Letters.ShouldAllBe(l =>
            l.BoundingBox.Left >= 0 && l.BoundingBox.Right <= page.Width
            && l.BoundingBox.Bottom >= 0 && l.BoundingBox.Top <= page.Height
            && l.EndBaseLine.X <= page.Width);
    }

    [Fact]
    public void Table_cells_wrap_inside_their_column()
    {
        var longName = "Bản sao có chứng thực giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất";
        using var doc = new SlipDocument(Fonts)
            .Table(["TT", "Tên giấy tờ", "Số lượng"], [["1", longName, "01"]], [1, 6, 2]);
        using var pdf = PdfDocument.Open(doc.ToPdf());
        var page = pdf.GetPage(1);

        TextOf(page).ShouldContain("quyền sử dụng đất", Case.Sensitive);
        // The name's column is the second ninth..seventh ninth of the 495-point text width after a 50-point margin.
        var columnRight = 50 + (495.0 * 7 / 9);
        var nameLetters = page.Letters.Where(l => l.StartBaseLine.X > 50 + 55 && l.StartBaseLine.X < columnRight).ToList();
        nameLetters.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count().ShouldBeGreaterThan(1);
        page.Letters.Where(l => l.Value is "0" or "1" && l.StartBaseLine.X >= columnRight).Count().ShouldBe(2);
        nameLetters.ShouldAllBe(l => l.EndBaseLine.X <= columnRight);
    }

    [Fact]
    public void The_tracking_QR_is_drawn_as_filled_squares_beside_its_caption()
    {
        using var pdf = PdfDocument.Open(Receipt(documents: 2));
        var page = pdf.GetPage(1);

        TextOf(page).ShouldContain("Quét mã để tra cứu hồ sơ", Case.Sensitive);
        var squares = page.Paths.Count(p => p.IsFilled);
        squares.ShouldBeGreaterThan(300); // a version-4+ QR for this URL has several hundred dark modules

        using var withoutQr = new SlipDocument(Fonts).Title("Giấy tiếp nhận");
        using var plain = PdfDocument.Open(withoutQr.ToPdf());
        plain.GetPage(1).Paths.Count(p => p.IsFilled).ShouldBe(0);
    }

    [Fact]
    public void A_typical_slip_stays_small()
    {
        Receipt(documents: 6).Length.ShouldBeLessThan(200_000);
    }

    [Fact]
    public void Content_that_would_run_past_one_page_continues_on_a_numbered_second_page_instead_of_failing()
    {
        var rows = Enumerable.Range(1, 80).Select(i => new[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Giấy tờ số {i}", "1" }).ToList();
        using var doc = new SlipDocument(Fonts).Title("Giấy tiếp nhận hồ sơ và hẹn trả kết quả")
            .Table(["TT", "Tên giấy tờ", "Số lượng"], rows, [1, 6, 2])
            .Signatures("Người nộp hồ sơ", "Người tiếp nhận hồ sơ", "Trần Văn Đức");
        using var pdf = PdfDocument.Open(doc.ToPdf());

        var pages = pdf.NumberOfPages;
        pages.ShouldBeGreaterThan(1);
        var last = TextOf(pdf.GetPage(pages));
        last.ShouldContain("Tên giấy tờ", Case.Sensitive); // the header row again
        last.ShouldContain("Giấy tờ số 80", Case.Sensitive);
        last.ShouldContain($"Trang {pages}/{pages}", Case.Sensitive);
        TextOf(pdf.GetPage(1)).ShouldContain($"Trang 1/{pages}", Case.Sensitive);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(4_000)]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public async Task One_unbroken_word_of_any_length_is_broken_by_characters_and_shortened_on_a_one_page_slip(int length)
    {
        await Task.Yield();
        var word = new string('Đ', length);

        using var doc = new SlipDocument(Fonts)
            .Header(word, word)
            .Title(word, word)
            .Line("Địa chỉ", word)
            .Paragraph(word)
            .Table(["TT", "Tên giấy tờ"], [["1", word]], [1, 6])
            .Signatures("Người nộp hồ sơ", "Người tiếp nhận hồ sơ", word)
            .Qr(Url, word);
        using var pdf = PdfDocument.Open(doc.ToPdf());

        pdf.NumberOfPages.ShouldBeLessThanOrEqualTo(2);
        var page = pdf.GetPage(1);
        page.Letters.ShouldAllBe(l => l.EndBaseLine.X <= page.Width - 40 && l.StartBaseLine.Y >= 40);
        TextOf(page).ShouldContain("Đ…", Case.Sensitive);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_flowing_document_lets_a_long_value_run_over_pages_and_still_ends()
    {
        await Task.Yield();
        var word = string.Concat(Enumerable.Repeat("Nguyễn ", 20_000));

        using var doc = new SlipDocument(Fonts, landscape: false, flows: true).Paragraph(word).Line("Căn cứ pháp lý", new string('x', 100_000));
        using var pdf = PdfDocument.Open(doc.ToPdf());

        pdf.NumberOfPages.ShouldBeGreaterThan(1);
        TextOf(pdf.GetPage(pdf.NumberOfPages)).ShouldContain("x…", Case.Sensitive);
    }

    [Fact]
    public void A_wrapped_word_is_cut_where_the_column_ends_not_before()
    {
        var word = new string('m', 300);
        using var doc = new SlipDocument(Fonts).Paragraph(word);
        using var pdf = PdfDocument.Open(doc.ToPdf());
        var page = pdf.GetPage(1);

        var lines = page.Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y)).ToList();
        lines.Count.ShouldBeGreaterThan(1);
        var first = lines.OrderByDescending(g => g.Key).First();
        first.Max(l => l.EndBaseLine.X).ShouldBeLessThanOrEqualTo(50 + 495 + 0.5);
        first.Max(l => l.EndBaseLine.X).ShouldBeGreaterThan(50 + 495 - 20); // one more "m" would not fit
        string.Concat(page.Letters.Select(l => l.Value)).Count(c => c == 'm').ShouldBe(300);
    }

    [Fact]
    public void Rendering_stops_when_its_token_is_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() =>
        {
            using var doc = new SlipDocument(Fonts, cancelled.Token);
            doc.Paragraph(new string('a', 10_000));
        });
    }

    [Fact]
    public void Control_characters_and_broken_surrogates_do_not_fail_a_slip()
    {
        using var doc = new SlipDocument(Fonts).Line("Địa chỉ", "Số 1\u0000\u0007 phố \ud800Huế\r\n\tHà Nội");
        using var pdf = PdfDocument.Open(doc.ToPdf());

        TextOf(pdf.GetPage(1)).ShouldContain("Hà Nội", Case.Sensitive);
    }

    [Fact]
    public void A_long_label_wraps_instead_of_running_off_the_page()
    {
        using var doc = new SlipDocument(Fonts).Line(string.Join(' ', Enumerable.Repeat("Nhãn rất dài", 20)), "giá trị");
        using var pdf = PdfDocument.Open(doc.ToPdf());
        var page = pdf.GetPage(1);

        page.Letters.ShouldAllBe(l => l.EndBaseLine.X <= page.Width - 40);
        TextOf(page).ShouldContain("giá trị", Case.Sensitive);
    }

    [Fact]
    public void What_follows_a_QR_with_a_long_caption_is_drawn_below_the_caption()
    {
        using var doc = new SlipDocument(Fonts)
            .Qr(Url, string.Join(' ', Enumerable.Repeat("Chú thích dài cho mã QR", 30)))
            .Paragraph("ĐOẠN SAU");
        using var pdf = PdfDocument.Open(doc.ToPdf());
        var page = pdf.GetPage(1);

        var after = page.Letters.Where(l => l.Value == "Đ").Max(l => l.StartBaseLine.Y);
        var caption = page.Letters.Where(l => l.Value == "C").Min(l => l.StartBaseLine.Y);
        after.ShouldBeLessThan(caption);
    }

    [Fact]
    public void Signatures_are_written_composed_and_missing_glyphs_become_question_marks()
    {
        using var doc = new SlipDocument(Fonts).Signatures("Người nộp".Normalize(NormalizationForm.FormD), "Người nhận", "Phạm Thị Lan 漢 😀".Normalize(NormalizationForm.FormD));
        using var pdf = PdfDocument.Open(doc.ToPdf());
        var text = pdf.GetPage(1).Text;

        text.ShouldContain("NGƯỜI NỘP", Case.Sensitive);
        text.ShouldContain("Phạm Thị Lan ? ?", Case.Sensitive);
    }

    [Fact]
    public void A_table_row_with_too_many_cells_is_refused_clearly()
    {
        using var doc = new SlipDocument(Fonts);

        Should.Throw<ArgumentException>(() => doc.Table(["A", "B"], [["1", "2", "3"]], [1, 1])).Message.ShouldContain("exactly 2 cells");
    }

    private static byte[] Receipt(int documents)
    {
        var rows = Enumerable.Range(1, documents)
            .Select(i => new[] { i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Tờ khai đăng ký khai sinh số {i} theo mẫu ban hành kèm theo thông tư", "1", "0", "Bản chính" })
            .ToList();
        using var doc = new SlipDocument(Fonts)
            .Header("Trung tâm Phục vụ hành chính công thành phố Hà Nội", "Chi nhánh số 1 - Phường Ba Đình")
            .Title("Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "Mã hồ sơ: 000.00.01.H26-251124-0001")
            .Paragraph("Chi nhánh số 1 tiếp nhận hồ sơ của:")
            .Line("Ông/Bà/Tổ chức", "Nguyễn Thị Hường")
            .Line("Địa chỉ", "Số 12 ngõ 34 phố Đội Cấn, Phường Ba Đình, thành phố Hà Nội")
            .Line("Nội dung yêu cầu giải quyết", LongProcedure)
            .Paragraph("Thành phần hồ sơ nộp gồm:", isBold: true)
            .Table(["TT", "Tên giấy tờ", "Bản chính", "Bản sao", "Hình thức"], rows, [0.6, 6, 1.1, 1, 2.6])
            .Line("Thời gian trả kết quả giải quyết hồ sơ", "16 giờ 30 phút, ngày 28/11/2025")
            .Signatures("Người nộp hồ sơ", "Người tiếp nhận hồ sơ", "Trần Văn Đức")
            .Qr(Url, $"Quét mã để tra cứu hồ sơ hoặc truy cập {Url}");
        return doc.ToPdf();
    }

    private static string TextOf(Page page) => ContentOrderTextExtractor.GetText(page).Normalize(NormalizationForm.FormC);
}
