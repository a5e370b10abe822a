using System.Text;
using MotCua.Catalog.Contracts;
using MotCua.Dossiers;
using MotCua.Dossiers.Slips;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MotCua.Tests.Dossiers.Slips;

/// <summary>Forms 01–03 never fail on long input: long values are broken, shortened with "…", and the receipt stays printable.</summary>
public sealed class DossierSlipsTests
{
    private const string Url = "https://motcua.example/tra-cuu?code=000.00.01.H26-260310-0001";
    private static readonly SlipFonts Fonts = new();
    private static readonly DossierSlips Slips = new(Fonts, "Trung tâm Phục vụ hành chính công thành phố Hà Nội");
    private static readonly DateTimeOffset Tuesday = new(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_receipt_with_a_300_character_address_is_one_page_with_the_whole_address()
    {
        var address = Address(300);

        var text = Pages(Receipt(address, documents: 6, byPost: false), 1);

        Normalize(text).ShouldContain(Normalize(address[..60]), Case.Sensitive);
        Normalize(text).ShouldContain(address[^20..].Trim(), Case.Sensitive);
        text.ShouldNotContain("…");
    }

    [Theory(Timeout = 60_000)]
    [InlineData(4_000)]
    [InlineData(100_000)]
    public async Task A_receipt_with_one_unbroken_word_as_address_name_and_e_mail_is_still_printable(int length)
    {
        await Task.Yield();
        var word = new string('A', length);

        var text = Pages(Receipt(word, documents: 6, name: word, email: word), 2);

        text.ShouldContain("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
        text.ShouldContain("A…");
        text.ShouldContain("NGƯỜI TIẾP NHẬN HỒ SƠ");
    }

    [Fact]
    public void A_receipt_with_a_long_checklist_and_long_addresses_continues_on_a_second_numbered_page()
    {
        var text = Pages(Receipt(Address(500), documents: 12), 2);

        text.ShouldContain("Trang 2/2");
        text.ShouldContain("NGƯỜI TIẾP NHẬN HỒ SƠ");
        text.ShouldContain("Quét mã để tra cứu hồ sơ");
    }

    /// <summary>The slip read back: at most <paramref name="maxPages"/> A4 pages, every letter inside the margins; the text of all pages.</summary>
    private static string Pages(Dossier dossier, int maxPages)
    {
        var (pdf, errors) = Slips.Render(dossier, Url);
        errors.ShouldBeEmpty();
        using var doc = PdfDocument.Open(pdf!);
        doc.NumberOfPages.ShouldBeLessThanOrEqualTo(maxPages);
        foreach (var page in doc.GetPages())
        {
            page.Letters.ShouldAllBe(l => l.EndBaseLine.X <= page.Width - 40 && l.StartBaseLine.Y >= 20);
        }

        return string.Join('\n', doc.GetPages().Select(p => ContentOrderTextExtractor.GetText(p).Normalize(NormalizationForm.FormC)));
    }

    private static Dossier Receipt(string address, int documents, string name = "Nguyễn Thị Hường", string email = "huong@example.vn", bool byPost = true)
    {
        var applicant = new Applicant { Name = name, IdNumber = "001090000001", Phone = "0912345678", Email = email, Address = address, WardCode = "00004" };
        var docs = Enumerable.Range(1, documents)
            .Select(i => new DossierDocument { Number = i, Name = $"Tờ khai đăng ký khai sinh số {i} theo mẫu ban hành kèm theo thông tư", Originals = 1, Provision = Provision.DigitizedAtCounter })
            .ToList();
        return Dossier.ReceiveAtCounter(
            new Dossier.NewDossier("000.00.01.H26-260310-0001", 1,
                new Dossier.ProcedureSnapshot(Guid.NewGuid(), "1.001193", 1, "Thủ tục đăng ký khai sinh", Guid.NewGuid(), "UBND phường Ba Đình", 2, TimeUnit.WorkingDays),
                "", Channel.Counter, applicant, null, docs, [], "{}", byPost ? $"Qua dịch vụ bưu chính công ích: {address}" : "Trực tiếp tại Chi nhánh số 1"),
            new Dossier.Actor(Guid.NewGuid(), "Phạm Thị Lan", Guid.NewGuid(), "Chi nhánh số 1"), Tuesday, Tuesday.AddDays(2));
    }

    /// <summary>A plausible address of about <paramref name="length"/> characters (words, commas, numbers).</summary>
    private static string Address(int length)
    {
        var sb = new StringBuilder();
        var i = 1;
        while (sb.Length < length)
        {
            sb.Append($"Số {i} ngách {i + 10} ngõ {i + 20} phố Đội Cấn, ");
            i++;
        }

        return sb.ToString()[..length].TrimEnd(' ', ',');
    }

    private static string Normalize(string s) => string.Join(' ', s.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
