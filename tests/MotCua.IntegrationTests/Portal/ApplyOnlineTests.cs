using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Portal;

/// <summary>
/// Filing online through the portal's plain HTML form (no JavaScript), as a signed-in citizen: prefill,
/// draft, resume, validation, review, declaration, submission — and nobody else's draft or dossier.
/// </summary>
public abstract partial class ApplyOnlineTests(MotCuaApp app)
{
    private const string Page = "/portal/nop/" + Reception.BirthRegistration;

    [Fact]
    public async Task A_citizen_saves_a_draft_resumes_it_and_submits_a_prefilled_form_and_gets_the_code()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app);
        using var stranger = await CitizenFlow.SignedInAsync(app, "001085000002");
        var client = citizen.Http;

        var html = await client.GetStringAsync(Page);
        html.ShouldContain("value=\"Nguyễn Thị Hường\"", customMessage: "the name comes from the e-ID");
        var required = RequiredFiles().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();

        // Save a draft with a changed phone number.
        var saved = await PostAsync(client, Page, html, "save", Values("0988111222"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var draftUrl = saved.Headers.Location!.OriginalString;
        draftUrl.ShouldContain("draft=");
        var resumed = await client.GetStringAsync(draftUrl);
        resumed.ShouldContain("value=\"0988111222\"");
        resumed.ShouldContain("Đã lưu bản nháp");

        // Somebody else's draft id gives nothing of it.
        var foreign = await stranger.Http.GetStringAsync(draftUrl);
        foreign.ShouldNotContain("0988111222");
        foreign.ShouldContain("Bản nháp không còn");

        // Review without the required uploads: refused beside the fields, what was typed is kept.
        var draftId = Regex.Match(draftUrl, "draft=([0-9a-f-]+)").Groups[1].Value;
        var missing = await PostAsync(client, Page, resumed, "review", Values("0988111222", draftId));
        if (required.Count > 0)
        {
            missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var body = await missing.Content.ReadAsStringAsync();
            body.ShouldContain("Vui lòng tải lên");
            body.ShouldContain("value=\"0988111222\"");
        }

        var review = await PostAsync(client, Page, resumed, "review", Values("0988111222", draftId), required);
        review.StatusCode.ShouldBe(HttpStatusCode.OK, await review.Content.ReadAsStringAsync());
        var reviewHtml = await review.Content.ReadAsStringAsync();
        reviewHtml.ShouldContain("Kiểm tra lại trước khi nộp");

        var undeclared = await PostAsync(client, Page, reviewHtml, "submit", new() { ["DraftId"] = draftId });
        undeclared.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await undeclared.Content.ReadAsStringAsync()).ShouldContain("lời cam đoan");

        var submitted = await PostAsync(client, Page, reviewHtml, "submit", new() { ["DraftId"] = draftId, ["Declaration"] = "true" });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
        var location = submitted.Headers.Location!.OriginalString;
        var code = Uri.UnescapeDataString(Regex.Match(location, "/portal/ho-so/([^?]+)").Groups[1].Value);
        code.ShouldContain(".H26-");
        (await client.GetStringAsync(location)).ShouldContain($"Mã hồ sơ của bạn: {code}");

        // The dossier waits for reception with the applicant's data, the uploads and the sign-in's assurance level.
        using var officer = await app.SignedInAsync("tiepnhan");
        var staff = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        staff.GetProperty("status").GetString().ShouldBe("registered-online");
        staff.GetProperty("applicant").GetProperty("phone").GetString().ShouldBe("0988111222");
        staff.GetProperty("identityAssurance").GetString()!.ShouldNotBeEmpty();
        staff.GetProperty("attachments").GetArrayLength().ShouldBe(required.Count);

        // The draft is gone; the dossier is the citizen's and nobody else's.
        (await client.GetStringAsync(draftUrl)).ShouldContain("Bản nháp không còn");
        (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/me/dossiers"))!.ShouldContain(d => d.GetProperty("code").GetString() == code);
        (await stranger.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/me/dossiers"))!.ShouldNotContain(d => d.GetProperty("code").GetString() == code);
        (await stranger.Http.GetAsync($"/api/v1/me/dossiers/{code}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Http.GetAsync($"/portal/ho-so/{code}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Http.PostAsJsonAsync($"/api/v1/me/dossiers/{code}/withdrawals", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync("/api/v1/me/dossiers")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);

        // The draft's life is in the audit trail: created, saved again at review, deleted when it became the dossier.
        var draftAudit = await app.AuditAsync($"draft:{draftId}");
        draftAudit.Count(a => a.Action == "draft.created").ShouldBe(1);
        draftAudit.ShouldContain(a => a.Action == "draft.saved");
        draftAudit.Single(a => a.Action == "draft.deleted").Details!.ShouldContain($"đã nộp thành hồ sơ {code}");
    }

    private static Dictionary<string, string> Values(string phone, string? draftId = null)
    {
        var values = new Dictionary<string, string>
        {
            ["applicant.name"] = "Nguyễn Thị Hường",
            ["applicant.dateOfBirth"] = "1990-03-14",
            ["applicant.idNumber"] = "001090000001",
            ["applicant.phone"] = phone,
            ["applicant.email"] = "",
            ["applicant.address.province"] = "01",
            ["applicant.address.ward"] = "00004",
            ["applicant.address.street"] = "12 Phố Quán Thánh",
            ["Delivery"] = "Online",
        };
        if (draftId is not null)
        {
            values["DraftId"] = draftId;
        }

        return values.With(BirthDeclaration.Values);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string html, string step, Dictionary<string, string> values, IReadOnlyList<string>? files = null)
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
            var file = new ByteArrayContent(Reception.Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, name, $"{name}.pdf");
        }

        return await client.PostAsync(url, form);
    }

    [GeneratedRegex("name=\"(docs\\.d\\d+)\" type=\"file\"[^>]*aria-required=\"true\"")]
    private static partial Regex RequiredFiles();
}

[Collection("sqlite")]
public sealed class ApplyOnlineOnSqlite(SqliteApp fixture) : ApplyOnlineTests(fixture.App);

[Collection("postgres")]
public sealed class ApplyOnlineOnPostgres(PostgresApp fixture) : ApplyOnlineTests(fixture.App);
