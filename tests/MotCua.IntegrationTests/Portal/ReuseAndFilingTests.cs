using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Dossiers.Applicants;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Portal;

/// <summary>
/// The citizen's document store (files of earlier dossiers and issued results, reused instead of uploaded again,
/// nobody else's) and filing for someone else: another person with an authorisation document, or an organisation
/// through its representative — and who then sees the dossier.
/// </summary>
public abstract partial class ReuseAndFilingTests(MotCuaApp app)
{
    private const string Page = "/portal/nop/" + Reception.BirthRegistration;
    private const string Owner = "001078000003";
    private const string Stranger = "001095000004";
    private const string Filer = "001049000005";
    private const string Represented = "001001000006";

    [Fact]
    public async Task A_citizen_reuses_an_earlier_upload_and_an_issued_result_and_the_reuse_is_recorded()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var (earlier, uploaded) = await ReceiveAsync(officer, Owner, "Uploaded");
        var (resolved, _) = await ReceiveAsync(officer, Owner, "Uploaded");
        await Life.ResolveAsync(app, officer, resolved);
        var resultSha = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{resolved}")).GetProperty("attachments").EnumerateArray()
            .Single(a => a.GetProperty("documentNumber").GetInt32() == 0).GetProperty("sha256").GetString()!;

        using var owner = await CitizenFlow.SignedInAsync(app, Owner);
        using var stranger = await CitizenFlow.SignedInAsync(app, Stranger);

        // The store: the earlier upload and the issued result, each with an id; the stranger's store has neither.
        var store = (await owner.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/me/documents"))!;
        var upload = store.Single(d => d.GetProperty("sha256").GetString() == uploaded);
        upload.GetProperty("kind").GetString().ShouldBe("upload");
        var result = store.Single(d => d.GetProperty("sha256").GetString() == resultSha);
        result.GetProperty("kind").GetString().ShouldBe("result");
        var uploadId = upload.GetProperty("id").GetString()!;
        var resultId = result.GetProperty("id").GetString()!;
        (await stranger.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/me/documents"))!.ShouldNotContain(d => d.GetProperty("sha256").GetString() == uploaded);

        // "Giấy tờ của tôi" lists them with download links; a download is the owner's only.
        var mine = await owner.Http.GetStringAsync("/portal/giay-to");
        mine.ShouldContain("Giấy tờ của tôi");
        mine.ShouldContain($"/portal/giay-to/{uploadId}");
        mine.ShouldContain($"/portal/giay-to/{resultId}");
        (await owner.Http.GetAsync($"/portal/giay-to/{uploadId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stranger.Http.GetAsync($"/portal/giay-to/{uploadId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Http.GetAsync($"/portal/giay-to/{Guid.CreateVersion7()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync("/api/v1/me/documents")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);

        // The apply page offers them beside each upload (a plain radio list).
        var html = await owner.Http.GetStringAsync(Page);
        html.ShouldContain("Dùng lại giấy tờ đã có");
        var uploads = FileFields().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        uploads.Count.ShouldBeGreaterThanOrEqualTo(2);
        html.ShouldContain($"name=\"Reuse.{uploads[0]}\" value=\"{uploadId}\"");
        html.ShouldContain($"id=\"f-{uploads[0].Replace('.', '-')}-reuse-none\"");
        var required = RequiredFiles().Matches(html).Select(m => m.Groups[1].Value).Distinct().Except(uploads.Take(2)).ToList();

        // The choice is kept in a draft.
        var reuse = new Dictionary<string, string>(Values(Owner, "Lê Thị Thu", "1978-06-21")) { [$"Reuse.{uploads[0]}"] = uploadId, [$"Reuse.{uploads[1]}"] = resultId };
        var saved = await PostAsync(owner.Http, html, "save", reuse);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var draftUrl = saved.Headers.Location!.OriginalString;
        var draftId = Regex.Match(draftUrl, "draft=([0-9a-f-]+)").Groups[1].Value;
        var resumed = await owner.Http.GetStringAsync(draftUrl);
        resumed.ShouldMatch($"value=\"{uploadId}\" checked");
        resumed.ShouldMatch($"value=\"{resultId}\" checked");

        var values = Values(Owner, "Lê Thị Thu", "1978-06-21");
        values["DraftId"] = draftId;
        values[$"Reuse.{uploads[0]}"] = uploadId;
        values[$"Reuse.{uploads[1]}"] = resultId;
        var review = await PostAsync(owner.Http, resumed, "review", values, required.ToDictionary(r => r, _ => Reception.Pdf));
        review.StatusCode.ShouldBe(HttpStatusCode.OK, await review.Content.ReadAsStringAsync());
        var reviewHtml = await review.Content.ReadAsStringAsync();
        reviewHtml.ShouldContain($"(hồ sơ {earlier})");
        var code = await SubmitAsync(owner.Http, reviewHtml, draftId);

        // The dossier's documents are marked reused and point at the same stored files; the reuse is on the timeline.
        var staff = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        var attachments = staff.GetProperty("attachments").EnumerateArray().ToList();
        attachments.ShouldContain(a => a.GetProperty("sha256").GetString() == uploaded && a.GetProperty("provision").GetString() == "Reused");
        attachments.ShouldContain(a => a.GetProperty("sha256").GetString() == resultSha && a.GetProperty("provision").GetString() == "Reused");
        staff.GetProperty("documents").EnumerateArray().Count(d => d.GetProperty("provision").GetString() == "Reused").ShouldBe(2);
        var reused = staff.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "document-reused").ToList();
        reused.Count.ShouldBe(2);
        reused.ShouldContain(e => e.GetProperty("note").GetString()!.Contains($"từ hồ sơ {earlier}") && e.GetProperty("text").GetString()!.StartsWith("Tái sử dụng"));
        reused.ShouldContain(e => e.GetProperty("note").GetString()!.Contains($"từ hồ sơ {resolved}"));
        var tracked = await app.Client().GetStringAsync($"/api/v1/tracking/{code}");
        tracked.ShouldNotContain(earlier, customMessage: "public tracking does not link the citizen's other dossiers");
    }

    [Fact]
    public async Task Another_citizens_document_or_a_made_up_id_is_refused_and_nothing_changes()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var (_, uploaded) = await ReceiveAsync(officer, Owner, "Uploaded");
        using var owner = await CitizenFlow.SignedInAsync(app, Owner);
        var ownerStore = (await owner.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/me/documents"))!;
        var foreignId = ownerStore.Single(d => d.GetProperty("sha256").GetString() == uploaded).GetProperty("id").GetString()!;

        using var stranger = await CitizenFlow.SignedInAsync(app, Stranger);
        var html = await stranger.Http.GetStringAsync(Page);
        html.ShouldNotContain(foreignId);
        var field = FileFields().Matches(html).Select(m => m.Groups[1].Value).First();
        var saved = await PostAsync(stranger.Http, html, "save", Values(Stranger, "Phạm Quốc Bảo", "1995-01-30"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var draftUrl = saved.Headers.Location!.OriginalString;
        var draftId = Regex.Match(draftUrl, "draft=([0-9a-f-]+)").Groups[1].Value;
        var before = await stranger.Http.GetStringAsync(draftUrl);

        foreach (var guess in new[] { foreignId, Guid.CreateVersion7().ToString(), "not-an-id" })
        {
            var values = Values(Stranger, "Phạm Quốc Bảo", "1995-01-30");
            values["DraftId"] = draftId;
            values["applicant.phone"] = "0977000111";
            values[$"Reuse.{field}"] = guess;
            var refused = await PostAsync(stranger.Http, before, "save", values);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, guess);
            var body = await refused.Content.ReadAsStringAsync();
            body.ShouldContain("không tìm thấy giấy tờ đã chọn trong kho dữ liệu của bạn");
            body.ShouldNotContain(foreignId);
        }

        // Nothing was kept: the draft is as it was (no new phone, no foreign file chosen), and the store is still the owner's only.
        var after = await stranger.Http.GetStringAsync(draftUrl);
        after.ShouldNotContain("0977000111");
        after.ShouldNotContain(foreignId);
        after.ShouldNotContain("không tìm thấy giấy tờ");
        (await stranger.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/me/documents"))!.ShouldNotContain(d => d.GetProperty("sha256").GetString() == uploaded);
    }

    [Fact]
    public async Task An_organisation_files_through_its_representative_with_a_checked_enterprise_code()
    {
        using var representative = await CitizenFlow.SignedInAsync(app, Owner);
        using var stranger = await CitizenFlow.SignedInAsync(app, Stranger);
        var client = representative.Http;
        var html = await client.GetStringAsync(Page);
        html.ShouldContain("Nộp hồ sơ cho");

        // Choosing "organisation" shows its inputs first, with no errors about them yet.
        var chosen = await PostAsync(client, html, "for", new() { ["FiledFor"] = "organisation", ["FiledForShown"] = "self" });
        chosen.StatusCode.ShouldBe(HttpStatusCode.OK, await chosen.Content.ReadAsStringAsync());
        var form = await chosen.Content.ReadAsStringAsync();
        form.ShouldContain("Tên tổ chức, doanh nghiệp");
        form.ShouldContain("value=\"Lê Thị Thu\"", customMessage: "the representative's own block stays prefilled");
        var draftId = Regex.Match(form, "name=\"DraftId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var required = RequiredFiles().Matches(form).Select(m => m.Groups[1].Value).Distinct().ToList();

        var values = Organisation(draftId, "12345");
        var bad = await PostAsync(client, form, "review", values, required.ToDictionary(r => r, _ => Reception.Pdf));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var badHtml = await bad.Content.ReadAsStringAsync();
        badHtml.ShouldContain(EnterpriseCode.Message);
        badHtml.ShouldMatch("href=\"/portal/nop/[^\"#]*#org-code\"", "the summary links to the field on this page");
        badHtml.ShouldContain("id=\"org-code-error\"");
        badHtml.ShouldContain("value=\"Công ty TNHH Hoa Sen\"", customMessage: "nothing typed is lost");

        var review = await PostAsync(client, badHtml, "review", Organisation(draftId, "0101234567001"));
        review.StatusCode.ShouldBe(HttpStatusCode.OK, await review.Content.ReadAsStringAsync());
        var code = await SubmitAsync(client, await review.Content.ReadAsStringAsync(), draftId);

        using var officer = await app.SignedInAsync("tiepnhan");
        var staff = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        var applicant = staff.GetProperty("applicant");
        applicant.GetProperty("kind").GetString().ShouldBe("Organisation");
        applicant.GetProperty("name").GetString().ShouldBe("Công ty TNHH Hoa Sen");
        applicant.GetProperty("idNumber").GetString().ShouldBe("0101234567-001");
        applicant.GetProperty("address").GetString().ShouldBe("5 Phố Tràng Tiền, Hà Nội");
        var submitter = staff.GetProperty("submitter");
        submitter.GetProperty("idNumber").GetString().ShouldBe(Owner);
        submitter.GetProperty("name").GetString().ShouldBe("Lê Thị Thu");
        submitter.GetProperty("position").GetString().ShouldBe("Giám đốc");
        submitter.GetProperty("authorisation").GetString()!.ShouldNotBeEmpty();

        // The representative follows it; nobody else does.
        (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/me/dossiers"))!.ShouldContain(d => d.GetProperty("code").GetString() == code);
        (await stranger.Http.GetAsync($"/api/v1/me/dossiers/{code}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Filing_for_another_person_needs_the_authorisation_document_and_both_people_see_the_dossier()
    {
        using var filer = await CitizenFlow.SignedInAsync(app, Filer);
        using var represented = await CitizenFlow.SignedInAsync(app, Represented);
        using var stranger = await CitizenFlow.SignedInAsync(app, Stranger);
        var client = filer.Http;
        var html = await client.GetStringAsync(Page);
        html.ShouldContain("value=\"Hoàng Văn Thọ\"");

        // Choosing "another person" empties what was prefilled with the filer's own data.
        var chosen = await PostAsync(client, html, "for", new(Values(Filer, "Hoàng Văn Thọ", "1949-09-09")) { ["FiledFor"] = "person", ["FiledForShown"] = "self" });
        chosen.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = await chosen.Content.ReadAsStringAsync();
        form.ShouldNotContain("value=\"Hoàng Văn Thọ\"");
        form.ShouldContain("Văn bản ủy quyền");
        var draftId = Regex.Match(form, "name=\"DraftId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var required = RequiredFiles().Matches(form).Select(m => m.Groups[1].Value).Distinct().ToDictionary(r => r, _ => Reception.Pdf);

        // Without the authorisation document: refused, nothing filed.
        var person = new Dictionary<string, string>(Values(Represented, "Vũ Ngọc Anh", "2001-12-05")) { ["DraftId"] = draftId, ["FiledFor"] = "person", ["FiledForShown"] = "person" };
        var missing = await PostAsync(client, form, "review", person, required);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var missingHtml = await missing.Content.ReadAsStringAsync();
        missingHtml.ShouldContain("Vui lòng tải lên văn bản ủy quyền");
        missingHtml.ShouldMatch("href=\"/portal/nop/[^\"#]*#authorisation-file\"", "the summary links to the field on this page");

        // The filer's own ID number is not another person's.
        var own = await PostAsync(client, missingHtml, "review", new Dictionary<string, string>(person) { ["applicant.idNumber"] = Filer });
        own.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await own.Content.ReadAsStringAsync()).ShouldContain("số định danh không được là của bạn");

        var authorisation = Reception.PdfWith($"uy quyen {Guid.NewGuid()}");
        var review = await PostAsync(client, missingHtml, "review", new Dictionary<string, string>(person) { ["Authorisation"] = "Giấy ủy quyền số 12/2026, ngày 02/01/2026" },
            new Dictionary<string, byte[]> { ["AuthorisationFile"] = authorisation });
        review.StatusCode.ShouldBe(HttpStatusCode.OK, await review.Content.ReadAsStringAsync());
        var code = await SubmitAsync(client, await review.Content.ReadAsStringAsync(), draftId);

        using var officer = await app.SignedInAsync("tiepnhan");
        var staff = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        staff.GetProperty("applicant").GetProperty("kind").GetString().ShouldBe("Citizen");
        staff.GetProperty("applicant").GetProperty("idNumber").GetString().ShouldBe(Represented);
        staff.GetProperty("submitter").GetProperty("idNumber").GetString().ShouldBe(Filer);
        staff.GetProperty("submitter").GetProperty("authorisation").GetString().ShouldBe("Giấy ủy quyền số 12/2026, ngày 02/01/2026");
        staff.GetProperty("attachments").EnumerateArray().ShouldContain(a => a.GetProperty("documentNumber").GetInt32() == -1);

        // Visible to the filer and to the person it is for; not to anyone else.
        (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/me/dossiers"))!.ShouldContain(d => d.GetProperty("code").GetString() == code);
        (await represented.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/me/dossiers"))!.ShouldContain(d => d.GetProperty("code").GetString() == code);
        (await represented.Http.GetAsync($"/portal/ho-so/{code}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stranger.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/me/dossiers"))!.ShouldNotContain(d => d.GetProperty("code").GetString() == code);
        (await stranger.Http.GetAsync($"/portal/ho-so/{code}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The authorisation is in the filer's store (they uploaded it), to reuse next time.
        (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/me/documents"))!.ShouldContain(d => d.GetProperty("name").GetString() == "Văn bản ủy quyền");
    }

    /// <summary>A dossier received at the counter for <paramref name="idNumber"/>, its first document a file nobody else has.</summary>
    private static async Task<(string Code, string Sha)> ReceiveAsync(HttpClient officer, string idNumber, string provision)
    {
        var sha = await Reception.UploadAsync(officer, Reception.PdfWith($"{Guid.NewGuid()}"), "to-khai-cu.pdf");
        var request = Reception.Request(sha: sha, idNumber: idNumber, firstProvision: provision);
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!, sha);
    }

    private static Dictionary<string, string> Values(string idNumber, string name, string born) => new Dictionary<string, string>()
    {
        ["applicant.name"] = name,
        ["applicant.dateOfBirth"] = born,
        ["applicant.idNumber"] = idNumber,
        ["applicant.phone"] = "0912000009",
        ["applicant.email"] = "",
        ["applicant.address.province"] = "01",
        ["applicant.address.ward"] = "00004",
        ["applicant.address.street"] = "12 Phố Quán Thánh",
        ["Delivery"] = "Online",
    }.With(BirthDeclaration.Values);

    private static Dictionary<string, string> Organisation(string draftId, string enterpriseCode) => new(Values(Owner, "Lê Thị Thu", "1978-06-21"))
    {
        ["DraftId"] = draftId,
        ["FiledFor"] = "organisation",
        ["FiledForShown"] = "organisation",
        ["Org.Name"] = "Công ty TNHH Hoa Sen",
        ["Org.Code"] = enterpriseCode,
        ["Org.Address"] = "5 Phố Tràng Tiền, Hà Nội",
        ["Org.Position"] = "Giám đốc",
    };

    private static async Task<string> SubmitAsync(HttpClient client, string reviewHtml, string draftId)
    {
        reviewHtml.ShouldContain("Kiểm tra lại trước khi nộp");
        var submitted = await PostAsync(client, reviewHtml, "submit", new() { ["DraftId"] = draftId, ["Declaration"] = "true" });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
        return Uri.UnescapeDataString(Regex.Match(submitted.Headers.Location!.OriginalString, "/portal/ho-so/([^?]+)").Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string html, string step, Dictionary<string, string> values, IReadOnlyDictionary<string, byte[]>? files = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(CitizenFlow.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent("apply"), "_handler" },
            { new StringContent(step), "Step" },
        };
        values = new Dictionary<string, string>(values);

        // As a browser does: the names of the files already uploaded come back in their hidden inputs.
        foreach (Match hidden in UploadedFiles().Matches(html))
        {
            values.TryAdd(hidden.Groups[1].Value, WebUtility.HtmlDecode(hidden.Groups[2].Value));
        }

        foreach (var (name, value) in values)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (name, content) in files ?? new Dictionary<string, byte[]>())
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, name, $"{name}.pdf");
        }

        return await client.PostAsync(Page, form);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(docs\\.d\\d+)\" value=\"([^\"]*)\"")]
    private static partial Regex UploadedFiles();

    [GeneratedRegex("name=\"(docs\\.d\\d+)\" type=\"file\"")]
    private static partial Regex FileFields();

    [GeneratedRegex("name=\"(docs\\.d\\d+)\" type=\"file\"[^>]*aria-required=\"true\"")]
    private static partial Regex RequiredFiles();
}

[Collection("sqlite")]
public sealed class ReuseAndFilingOnSqlite(SqliteApp fixture) : ReuseAndFilingTests(fixture.App);

[Collection("postgres")]
public sealed class ReuseAndFilingOnPostgres(PostgresApp fixture) : ReuseAndFilingTests(fixture.App);
