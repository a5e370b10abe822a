using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.IntegrationTests.Hosting;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MotCua.IntegrationTests.Dossiers;

public abstract class SlipTests(MotCuaApp app)
{
    [Fact]
    public async Task The_receipt_slip_is_one_A4_page_with_the_code_the_applicant_and_the_appointment()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "a.pdf");
        var code = await CreateAsync(officer, Reception.Request(sha: sha));
        var dossier = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        var due = TimeZoneInfo.ConvertTime(dossier.GetProperty("dueAt").GetDateTimeOffset(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));

        var text = await SlipTextAsync(officer, code);

        text.ShouldContain("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
        text.ShouldContain(code);
        text.ShouldContain("Nguyễn Thị Hường");
        text.ShouldContain("Thủ tục đăng ký khai sinh");
        text.ShouldContain($"ngày {due:dd/MM/yyyy}");
        text.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        text.ShouldContain($"/tra-cuu?code={code}");
    }

    [Fact]
    public async Task The_supplement_slip_lists_each_missing_item_with_its_reason()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var request = Reception.Request("RequestSupplement", documents: 0);
        request["missing"] = new JsonArray(
            new JsonObject { ["document"] = "Giấy chứng sinh", ["reason"] = "Chưa có bản chính" },
            new JsonObject { ["document"] = "Tờ khai đăng ký khai sinh", ["reason"] = "Thiếu chữ ký người đi khai" });
        var code = await CreateAsync(officer, request);

        var text = await SlipTextAsync(officer, code);

        text.ShouldContain("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
        text.ShouldContain("Chưa có bản chính");
        text.ShouldContain("Thiếu chữ ký người đi khai");
    }

    [Fact]
    public async Task The_refusal_slip_gives_the_reason()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var request = Reception.Request("Refuse", documents: 0);
        request["reason"] = "Yêu cầu không thuộc phạm vi giải quyết của thủ tục";
        var code = await CreateAsync(officer, request);

        var text = await SlipTextAsync(officer, code);

        text.ShouldContain("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
        text.ShouldContain("Yêu cầu không thuộc phạm vi giải quyết của thủ tục");
    }

    [Fact]
    public async Task A_conditional_paper_marked_not_applicable_is_recorded_so_and_the_slip_lists_only_what_was_received()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var procedure = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/procedures/{Reception.BirthRegistration}");
        var papers = procedure.GetProperty("content").GetProperty("documentGroups")[0].GetProperty("documents").EnumerateArray().ToList();
        var abandoned = papers.FindIndex(d => d.GetProperty("name").GetString()!.Contains("bị bỏ rơi", StringComparison.Ordinal)) + 1;
        var certificate = papers.FindIndex(d => d.GetProperty("name").GetString()!.StartsWith("Giấy chứng sinh", StringComparison.Ordinal)) + 1;
        abandoned.ShouldBeGreaterThan(0);
        papers[abandoned - 1].GetProperty("when").ValueKind.ShouldBe(JsonValueKind.Object);
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "giay-chung-sinh.pdf");
        var request = Reception.Request(documents: 0);
        var checklist = new JsonArray();
        for (var n = 1; n <= papers.Count; n++)
        {
            var conditional = papers[n - 1].TryGetProperty("when", out var when) && when.ValueKind == JsonValueKind.Object;
            var line = new JsonObject { ["number"] = n, ["provision"] = n == certificate ? "DigitizedAtCounter" : conditional ? "NotApplicable" : "WaivedRegistry" };
            if (n == certificate)
            {
                line["attachments"] = new JsonArray(new JsonObject { ["sha256"] = sha, ["fileName"] = "giay-chung-sinh.pdf" });
            }

            checklist.Add(line);
        }

        request["documents"] = checklist;
        var code = await CreateAsync(officer, request);

        var text = await SlipTextAsync(officer, code);
        text.ShouldContain("Giấy chứng sinh");
        text.ShouldNotContain("bị bỏ rơi");
        text.ShouldNotContain("mang thai hộ");
        text.ShouldNotContain("Văn bản ủy quyền");

        // A paper that is always required cannot be waved through as not applicable.
        var wrong = Reception.Request(documents: 0);
        wrong["documents"] = new JsonArray(new JsonObject { ["number"] = certificate, ["provision"] = "NotApplicable" });
        var refused = await officer.PostAsJsonAsync("/api/v1/dossiers", wrong);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("không thể đánh dấu không áp dụng");
    }

    private static async Task<string> CreateAsync(HttpClient officer, JsonObject request)
    {
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static async Task<string> SlipTextAsync(HttpClient officer, string code)
    {
        var response = await officer.GetAsync($"/api/v1/dossiers/{code}/slip");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        pdf.NumberOfPages.ShouldBe(1);
        var page = pdf.GetPage(1);
        page.Width.ShouldBe(595, tolerance: 1);
        page.Height.ShouldBe(842, tolerance: 1);
        page.Letters.ShouldAllBe(l => l.StartBaseLine.X >= 0 && l.EndBaseLine.X <= page.Width && l.StartBaseLine.Y >= 0 && l.StartBaseLine.Y <= page.Height);
        return ContentOrderTextExtractor.GetText(page).Normalize(NormalizationForm.FormC);
    }
}

[Collection("sqlite")]
public sealed class SlipsOnSqlite(SqliteApp fixture) : SlipTests(fixture.App);

[Collection("postgres")]
public sealed class SlipsOnPostgres(PostgresApp fixture) : SlipTests(fixture.App);
