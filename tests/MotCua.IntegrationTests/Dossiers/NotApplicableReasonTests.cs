using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>
/// The desk records why a conditional paper does not apply (issue 17): the reception page's checklist is a list of paper
/// cards with labelled radios (no table), each conditional paper's reason prefilled from its condition; the reason is
/// kept on the dossier's paper, listed by the staff API and shown on the dossier page, while slip 01 lists only the
/// papers received. A reason too long is refused and nothing is kept.
/// </summary>
public abstract partial class NotApplicableReasonTests(MotCuaApp app)
{
    private const string Typed = "Mẹ trực tiếp đi đăng ký, không ủy quyền";

    [Fact]
    public async Task The_desk_page_lists_papers_as_cards_and_keeps_the_officers_reason()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var url = $"/reception?procedure={Reception.BirthRegistration}";
        var html = await officer.GetStringAsync(url);

        // Cards, not a table: each paper with its condition in words and its provision as labelled radios.
        var cards = html.Split("<li class=\"paper\"").Skip(1).Select(c => c[..c.IndexOf("</li>", StringComparison.Ordinal)]).ToList();
        cards.Count.ShouldBe(8);
        html.ShouldNotContain("<table");
        var authorisation = cards.FindIndex(c => c.Contains("Chỉ khi: Khi người khác nộp thay (ủy quyền)", StringComparison.Ordinal));
        var abandoned = cards.FindIndex(c => c.Contains("Chỉ khi: Khi trẻ em bị bỏ rơi", StringComparison.Ordinal));
        var certificate = cards.FindIndex(c => c.Contains("Giấy chứng sinh;", StringComparison.Ordinal));
        authorisation.ShouldBeGreaterThanOrEqualTo(0);
        abandoned.ShouldBeGreaterThanOrEqualTo(0);
        certificate.ShouldBeGreaterThanOrEqualTo(0);
        cards[authorisation].ShouldContain($"<input type=\"radio\" id=\"prov-{authorisation}-NotApplicable\" name=\"Input.Docs[{authorisation}].Provision\" value=\"NotApplicable\" checked");
        cards[authorisation].ShouldContain($"<label for=\"prov-{authorisation}-NotApplicable\">Không áp dụng (không thuộc trường hợp)</label>");
        cards[authorisation].ShouldContain("value=\"Người yêu cầu tự nộp, không ủy quyền\"", customMessage: "the reason starts as the condition's own words");
        cards[certificate].ShouldNotContain("NotApplicable", customMessage: "a paper always required has no \"not applicable\"");
        var declaration = cards.FindIndex(c => c.Contains("Chỉ khi: Khi nộp trực tiếp hoặc qua bưu chính", StringComparison.Ordinal));
        declaration.ShouldBeGreaterThanOrEqualTo(0);
        cards[declaration].ShouldContain("value=\"Missing\" checked", customMessage: "the paper declaration applies at a counter: it starts as not provided, not as not applicable");
        cards[certificate].ShouldContain($"<label for=\"prov-{certificate}-DigitizedAtCounter\">Bản giấy, số hóa tại quầy</label>");

        // The officer receives: the certificate scanned, the other required papers held by the registry, the conditional
        // ones not applicable — one reason changed, one left as prefilled, one emptied (the condition's words are kept).
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "reception",
            ["__RequestVerificationToken"] = CitizenFlow.AntiforgeryToken(html),
            ["Input.CaseIndex"] = "0",
            ["Input.SubmissionKey"] = Guid.NewGuid().ToString("N"),
            ["Input.Kind"] = "Citizen",
            ["Input.Name"] = "Nguyễn Thị Hường",
            ["Input.IdNumber"] = "001090000001",
            ["Input.DateOfBirth"] = "14/03/1990",
            ["Input.Phone"] = "0912000001",
            ["Input.Address"] = "12 Phố Quán Thánh, Phường Ba Đình, Hà Nội",
            ["Input.WardCode"] = "00004",
            ["Input.Action"] = "Receive",
            ["Input.Delivery"] = "AtCounter",
            ["Input.Sets"] = "1",
        };
        for (var i = 0; i < cards.Count; i++)
        {
            var conditional = cards[i].Contains("Chỉ khi:", StringComparison.Ordinal);
            fields[$"Input.Docs[{i}].Provision"] = i == certificate ? "DigitizedAtCounter" : conditional ? "NotApplicable" : "WaivedRegistry";
            if (conditional)
            {
                fields[$"Input.Docs[{i}].NotApplicableReason"] = i == authorisation ? Typed : i == abandoned ? "" : ReasonIn(cards[i]);
            }
        }

        var received = await PostPageAsync(officer, url, fields, certificate + 1);
        received.StatusCode.ShouldBe(HttpStatusCode.Redirect, await received.Content.ReadAsStringAsync());
        var code = Uri.UnescapeDataString(received.Headers.Location!.OriginalString.Split("/dossiers/")[1]);

        var papers = await PapersAsync(officer, code);
        papers[authorisation].GetProperty("provision").GetString().ShouldBe("NotApplicable");
        papers[authorisation].GetProperty("notApplicableReason").GetString().ShouldBe(Typed);
        papers[abandoned].GetProperty("notApplicableReason").GetString().ShouldBe("Không phải trẻ em bị bỏ rơi", "an emptied reason keeps the condition's words");
        papers[certificate].GetProperty("notApplicableReason").ValueKind.ShouldBe(JsonValueKind.Null);

        var page = await officer.GetStringAsync($"/dossiers/{Uri.EscapeDataString(code)}");
        page.ShouldContain($"Không áp dụng: {Typed}");
        page.ShouldContain("Không áp dụng: Không phải trẻ em bị bỏ rơi");

        // Slip 01 lists what was received; the papers that do not apply, and their reasons, are not on it.
        var slip = await SlipTextAsync(officer, code);
        slip.ShouldContain("Giấy chứng sinh");
        slip.ShouldNotContain("Văn bản ủy quyền");
        slip.ShouldNotContain("không ủy quyền");
        slip.ShouldNotContain("bị bỏ rơi");
    }

    [Fact]
    public async Task The_desk_api_keeps_a_reason_per_paper_and_refuses_one_too_long()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var procedure = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/procedures/{Reception.BirthRegistration}");
        var papers = procedure.GetProperty("content").GetProperty("documentGroups")[0].GetProperty("documents").EnumerateArray().ToList();
        var surrogacy = papers.FindIndex(d => d.GetProperty("name").GetString()!.Contains("mang thai hộ", StringComparison.Ordinal)) + 1;
        var certificate = papers.FindIndex(d => d.GetProperty("name").GetString()!.StartsWith("Giấy chứng sinh", StringComparison.Ordinal)) + 1;
        surrogacy.ShouldBeGreaterThan(0);
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "giay-chung-sinh.pdf");

        JsonObject Request(string reason)
        {
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

                if (n == surrogacy)
                {
                    line["notApplicableReason"] = reason;
                }

                checklist.Add(line);
            }

            request["documents"] = checklist;
            return request;
        }

        var before = await Counts.DossiersAsync(app);
        var refused = await officer.PostAsJsonAsync("/api/v1/dossiers", Request(new string('x', 201)));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadAsStringAsync();
        problem.ShouldContain("dài quá 200 ký tự");
        problem.ShouldContain($"documents[{surrogacy}].notApplicableReason");
        (await Counts.DossiersAsync(app)).ShouldBe(before, "nothing kept");

        var created = await officer.PostAsJsonAsync("/api/v1/dossiers", Request("  Sinh thường\ntại bệnh viện "));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var kept = await PapersAsync(officer, code);
        kept[surrogacy - 1].GetProperty("notApplicableReason").GetString().ShouldBe("Sinh thường tại bệnh viện", "kept on one line, trimmed");
        kept.Where(p => p.GetProperty("provision").GetString() == "NotApplicable").ShouldAllBe(p => p.GetProperty("notApplicableReason").GetString()!.Length > 0);
        kept.Where(p => p.GetProperty("provision").GetString() != "NotApplicable").ShouldAllBe(p => p.GetProperty("notApplicableReason").ValueKind == JsonValueKind.Null);
    }

    private static string ReasonIn(string card) => NotApplicableReason().Match(card) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";

    private static async Task<List<JsonElement>> PapersAsync(HttpClient officer, string code)
        => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}")).GetProperty("documents").EnumerateArray().ToList();

    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, string url, Dictionary<string, string> fields, int scanned)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(Reception.PdfWith($"quầy {Guid.NewGuid()}"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, $"file-{scanned}", "giay-chung-sinh.pdf");
        return await client.PostAsync(url, form);
    }

    private static async Task<string> SlipTextAsync(HttpClient officer, string code)
    {
        var response = await officer.GetAsync($"/api/v1/dossiers/{code}/slip");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return ContentOrderTextExtractor.GetText(pdf.GetPage(1)).Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex("name=\"Input\\.Docs\\[\\d+\\]\\.NotApplicableReason\" value=\"([^\"]*)\"")]
    private static partial Regex NotApplicableReason();
}

[Collection("sqlite")]
public sealed class NotApplicableReasonOnSqlite(SqliteApp fixture) : NotApplicableReasonTests(fixture.App);

[Collection("postgres")]
public sealed class NotApplicableReasonOnPostgres(PostgresApp fixture) : NotApplicableReasonTests(fixture.App);
