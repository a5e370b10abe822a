using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Portal;

/// <summary>
/// "Tôi nộp giấy tờ này" / "Không áp dụng với tôi" on the portal (issue 17): a conditional paper of the birth registration
/// (the authorisation, an abandoned child) answered "not applicable" with the condition's own reason or the citizen's
/// words; the reason is kept on the dossier's paper and shown to staff and to the citizen. A paper that is always
/// required cannot be answered so — on the page or in the JSON API: 400 in Vietnamese, nothing kept.
/// </summary>
public abstract partial class PaperChoiceTests(MotCuaApp app)
{
    private const string Page = "/portal/nop/" + Reception.BirthRegistration;
    private const string Citizen = "001090000001";
    private const string OwnWords = "Con tôi sinh tại bệnh viện, có giấy chứng sinh";

    [Fact]
    public async Task A_citizen_marks_conditional_papers_not_applicable_with_reasons_that_the_dossier_keeps_and_shows()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, Citizen);
        var client = citizen.Http;
        var html = await client.GetStringAsync(Page);

        // Each conditional paper asks, with labelled radios and a reason from its condition; a required paper does not.
        var authorisation = PaperKey(html, "Tôi tự nộp, không ủy quyền");
        var abandoned = PaperKey(html, "Trẻ không bị bỏ rơi");
        var required = RequiredFiles().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        required.ShouldNotBeEmpty();
        html.ShouldContain($"<label for=\"{Id(authorisation)}-paper-na\">Không áp dụng với tôi</label>");
        html.ShouldContain($"<label for=\"{Id(authorisation)}-paper-submit\">Tôi nộp giấy tờ này</label>");
        html.ShouldNotContain($"name=\"_paper.{required[0]}\"");

        var answers = new Dictionary<string, string>
        {
            [$"_paper.{authorisation}"] = "na",
            [$"_paperReason.{authorisation}"] = "condition",
            [$"_paper.{abandoned}"] = "na",
            [$"_paperReason.{abandoned}"] = "other",
            [$"_paperText.{abandoned}"] = "",
        };

        // "Another reason" chosen and nothing typed, or too long: refused beside the input, what was chosen kept.
        var untyped = await PostAsync(client, html, "review", Values().With(answers), required);
        untyped.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var untypedHtml = await untyped.Content.ReadAsStringAsync();
        untypedHtml.ShouldContain("Vui lòng ghi lý do không áp dụng giấy tờ");
        untypedHtml.ShouldContain($"id=\"{Id(abandoned)}-na-text-error\"");

        answers[$"_paperText.{abandoned}"] = new string('x', 201);
        var tooLong = await PostAsync(client, untypedHtml, "review", Values(Draft(untypedHtml)).With(answers), required);
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var tooLongHtml = await tooLong.Content.ReadAsStringAsync();
        tooLongHtml.ShouldContain("dài quá 200 ký tự");

        // The review says which papers do not apply and why.
        answers[$"_paperText.{abandoned}"] = $"  {OwnWords} ";
        var review = await PostAsync(client, tooLongHtml, "review", Values(Draft(tooLongHtml)).With(answers), required);
        review.StatusCode.ShouldBe(HttpStatusCode.OK, await review.Content.ReadAsStringAsync());
        var reviewHtml = await review.Content.ReadAsStringAsync();
        reviewHtml.ShouldContain("Kiểm tra lại trước khi nộp");
        reviewHtml.ShouldContain("Không áp dụng: Tôi tự nộp, không ủy quyền");
        reviewHtml.ShouldContain($"Không áp dụng: {OwnWords}");

        var submitted = await PostAsync(client, reviewHtml, "submit", new() { ["DraftId"] = Draft(reviewHtml), ["Declaration"] = "true" });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
        var code = Uri.UnescapeDataString(Regex.Match(submitted.Headers.Location!.OriginalString, "/portal/ho-so/([^?]+)").Groups[1].Value);

        // Staff: the API lists each paper with its reason, the dossier page shows it.
        using var officer = await app.SignedInAsync("tiepnhan");
        var papers = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}")).GetProperty("documents").EnumerateArray().ToList();
        var authorisationLine = papers.Single(p => p.GetProperty("name").GetString()!.Contains("Văn bản ủy quyền", StringComparison.Ordinal));
        authorisationLine.GetProperty("provision").GetString().ShouldBe("NotApplicable");
        authorisationLine.GetProperty("notApplicableReason").GetString().ShouldBe("Tôi tự nộp, không ủy quyền");
        var abandonedLine = papers.Single(p => p.GetProperty("name").GetString()!.Contains("bị bỏ rơi", StringComparison.Ordinal));
        abandonedLine.GetProperty("provision").GetString().ShouldBe("NotApplicable");
        abandonedLine.GetProperty("notApplicableReason").GetString().ShouldBe(OwnWords, "kept as typed, trimmed");
        papers.Where(p => p.GetProperty("provision").GetString() != "NotApplicable").ShouldAllBe(p => p.GetProperty("notApplicableReason").ValueKind == JsonValueKind.Null);
        var staffPage = await officer.GetStringAsync($"/dossiers/{Uri.EscapeDataString(code)}");
        staffPage.ShouldContain("Không áp dụng: Tôi tự nộp, không ủy quyền");
        staffPage.ShouldContain($"Không áp dụng: {OwnWords}");

        // The citizen: the dossier page and the API list the papers, with the reasons.
        var mine = await client.GetStringAsync($"/portal/ho-so/{Uri.EscapeDataString(code)}");
        mine.ShouldContain("Thành phần hồ sơ");
        mine.ShouldContain("Không áp dụng: Tôi tự nộp, không ủy quyền");
        mine.ShouldContain($"Không áp dụng: {OwnWords}");
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/me/dossiers/{code}");
        api.GetProperty("papers").EnumerateArray().ShouldContain(p => p.GetProperty("notApplicableReason").GetString() == OwnWords && p.GetProperty("provision").GetString() == "NotApplicable");
    }

    [Fact]
    public async Task A_required_paper_cannot_be_marked_not_applicable_on_the_page_and_nothing_is_kept()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, Citizen);
        var html = await citizen.Http.GetStringAsync(Page);
        var required = RequiredFiles().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        required.ShouldNotBeEmpty();
        var drafts = await DraftsAsync();

        var posted = Values().With(new Dictionary<string, string> { [$"_paper.{required[0]}"] = "na", [$"_paperReason.{required[0]}"] = "condition" });
        var refused = await PostAsync(citizen.Http, html, "save", posted, []);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("là giấy tờ bắt buộc, không thể đánh dấu không áp dụng");
        (await DraftsAsync()).ShouldBe(drafts, "no draft saved");
    }

    [Fact]
    public async Task The_JSON_application_takes_not_applicable_papers_with_reasons_and_refuses_a_required_one()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, Citizen);
        var form = await citizen.Http.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{Reception.BirthRegistration}");
        var uploads = Uploads(form);
        var authorisation = uploads.Single(u => u.Document.Contains("Văn bản ủy quyền", StringComparison.Ordinal)).Key;
        var surrogacy = uploads.Single(u => u.Document.Contains("mang thai hộ", StringComparison.Ordinal)).Key;
        var files = new JsonObject();
        foreach (var key in await Application.RequiredUploadsAsync(citizen.Http))
        {
            var sha = await Reception.UploadAsync(citizen.Http, Reception.PdfWith($"{key} {Guid.NewGuid()}"), $"{key}.pdf");
            files[key] = new JsonObject { ["sha256"] = sha, ["fileName"] = $"{key}.pdf" };
        }

        // A required paper "not applicable": refused in Vietnamese, nothing filed.
        var before = await Counts.DossiersAsync(app);
        var wrong = await Application.ForAsync(citizen.Http, Citizen, files);
        var requiredKey = files.First().Key;
        wrong["files"]!.AsObject().Remove(requiredKey);
        wrong["notApplicable"] = new JsonObject { [requiredKey] = "Không có" };
        var refused = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", wrong);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("là giấy tờ bắt buộc, không thể đánh dấu không áp dụng");
        (await Counts.DossiersAsync(app)).ShouldBe(before, "nothing filed");

        // A reason longer than 200 characters: refused too.
        var tooLong = await Application.ForAsync(citizen.Http, Citizen, files);
        tooLong["notApplicable"] = new JsonObject { [authorisation] = new string('x', 201) };
        var refusedLong = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", tooLong);
        refusedLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refusedLong.Content.ReadAsStringAsync()).ShouldContain("dài quá 200 ký tự");
        (await Counts.DossiersAsync(app)).ShouldBe(before, "nothing filed");

        // Conditional papers: the reason given, or "" for the condition's own words.
        var good = await Application.ForAsync(citizen.Http, Citizen, files);
        good["notApplicable"] = new JsonObject { [authorisation] = "", [surrogacy] = "Sinh thường, không mang thai hộ" };
        var filed = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", good);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var code = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var papers = (await citizen.Http.GetFromJsonAsync<JsonElement>($"/api/v1/me/dossiers/{code}")).GetProperty("papers").EnumerateArray().ToList();
        papers.Single(p => p.GetProperty("name").GetString()!.Contains("Văn bản ủy quyền", StringComparison.Ordinal)).GetProperty("notApplicableReason").GetString().ShouldBe("Tôi tự nộp, không ủy quyền");
        papers.Single(p => p.GetProperty("name").GetString()!.Contains("mang thai hộ", StringComparison.Ordinal)).GetProperty("notApplicableReason").GetString().ShouldBe("Sinh thường, không mang thai hộ");
    }

    /// <summary>The upload key of the conditional paper whose choice offers <paramref name="reason"/>.</summary>
    private static string PaperKey(string html, string reason)
    {
        var block = html.Split("class=\"paper-choice\"").Skip(1).SingleOrDefault(b => b[..b.IndexOf("</fieldset>", StringComparison.Ordinal)].Contains(reason, StringComparison.Ordinal));
        block.ShouldNotBeNull($"a paper offers \"{reason}\"");
        return Regex.Match(block, "name=\"_paper\\.([^\"]+)\"").Groups[1].Value;
    }

    private static List<(string Key, string Document)> Uploads(JsonElement form)
    {
        var found = new List<(string, string)>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "file"
                    && e.TryGetProperty("document", out var document) && document.ValueKind == JsonValueKind.String)
                {
                    found.Add((e.GetProperty("key").GetString()!, document.GetString()!));
                }

                foreach (var p in e.EnumerateObject())
                {
                    Walk(p.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }

        Walk(form);
        return found.Distinct().ToList();
    }

    private async Task<int> DraftsAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCua.Platform.Data.MotCuaDb>().Set<MotCua.Dossiers.Apply.FormDraft>().CountAsync();
    }

    private static string Id(string key) => "f-" + key.Replace('.', '-');

    private static string Draft(string html) => DraftId().Match(html) is { Success: true } m ? m.Groups[1].Value : "";

    private static Dictionary<string, string> Values(string draftId = "")
    {
        var values = new Dictionary<string, string>
        {
            ["applicant.name"] = "Nguyễn Thị Hường",
            ["applicant.dateOfBirth"] = "1990-03-14",
            ["applicant.idNumber"] = Citizen,
            ["applicant.phone"] = "0912000001",
            ["applicant.email"] = "",
            ["applicant.address.province"] = "01",
            ["applicant.address.ward"] = "00004",
            ["applicant.address.street"] = "12 Phố Quán Thánh",
            ["Delivery"] = "Online",
            ["DraftId"] = draftId,
        };
        return values.With(BirthDeclaration.Values);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string html, string step, Dictionary<string, string> values, IReadOnlyList<string>? files = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(CitizenFlow.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent("apply"), "_handler" },
            { new StringContent(step), "Step" },
        };
        foreach (var (name, value) in values)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var name in files ?? [])
        {
            var file = new ByteArrayContent(Reception.PdfWith($"{name} {Guid.NewGuid()}"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, name, $"{name}.pdf");
        }

        return await client.PostAsync(Page, form);
    }

    [GeneratedRegex("name=\"(docs\\.d\\d+)\" type=\"file\"[^>]*aria-required=\"true\"")]
    private static partial Regex RequiredFiles();

    [GeneratedRegex("name=\"DraftId\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex DraftId();
}

[Collection("sqlite")]
public sealed class PaperChoiceOnSqlite(SqliteApp fixture) : PaperChoiceTests(fixture.App);

[Collection("postgres")]
public sealed class PaperChoiceOnPostgres(PostgresApp fixture) : PaperChoiceTests(fixture.App);
