using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Portal;

/// <summary>
/// One filing path: POST /api/v1/me/applications runs the page's use case with the page's rules — the e-form validator
/// with the same messages, the signed-in citizen as the applicant (or, for someone else, only with an uploaded
/// authorisation), a file only the citizen's own upload or a document of their store, and "reused from dossier X" only
/// when X is theirs and holds that file. Every refusal stores nothing.
/// </summary>
public abstract class OneFilingPathTests(MotCuaApp app)
{
    private const string Citizen = "001090000001";
    private const string Other = "001085000002";

    [Fact]
    public async Task A_citizen_files_as_JSON_with_their_own_upload_under_the_pages_rules()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, Citizen);
        var files = await OwnFilesAsync(citizen.Http);

        var filed = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", await Application.ForAsync(citizen.Http, Citizen, files));
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var code = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        using var officer = await app.SignedInAsync("tiepnhan");
        var dossier = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        dossier.GetProperty("status").GetString().ShouldBe("registered-online");
        dossier.GetProperty("applicant").GetProperty("idNumber").GetString().ShouldBe(Citizen);
        dossier.GetProperty("attachments").GetArrayLength().ShouldBe(files.Count);
        (await citizen.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/me/dossiers"))!.ShouldContain(d => d.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task Another_citizens_upload_cannot_be_attached_by_its_hash()
    {
        using var other = await CitizenFlow.SignedInAsync(app, Other);
        var theirs = await Reception.UploadAsync(other.Http, Reception.PdfWith($"rieng tu {Guid.NewGuid()}"), "giay-to-rieng.pdf");
        using var officer = await app.SignedInAsync("tiepnhan");
        var staffs = await Reception.UploadAsync(officer, Reception.PdfWith($"can bo {Guid.NewGuid()}"), "quet.pdf");

        using var citizen = await CitizenFlow.SignedInAsync(app, Citizen);
        var files = await OwnFilesAsync(citizen.Http);
        foreach (var foreign in new[] { theirs, staffs, new string('a', 64) })
        {
            var key = files.First().Key;
            files[key] = new JsonObject { ["sha256"] = foreign, ["fileName"] = "cua-toi.pdf" };
            var before = await Counts.DossiersAsync(app);

            var refused = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", await Application.ForAsync(citizen.Http, Citizen, files));

            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("không phải tệp bạn đã tải lên");
            (await Counts.DossiersAsync(app)).ShouldBe(before, "nothing filed");
        }

        // The same for a supplement sent as JSON: only the citizen's own file.
        (await app.AuditAsync($"file:{theirs}")).ShouldNotContain(a => a.Action == "dossier.document-reused");
    }

    [Fact]
    public async Task A_forged_reused_from_is_refused_and_a_true_one_is_recorded()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var (othersDossier, othersSha) = await ReceiveAsync(officer, Other);
        var (ownDossier, ownSha) = await ReceiveAsync(officer, Citizen);

        using var citizen = await CitizenFlow.SignedInAsync(app, Citizen);
        var files = await OwnFilesAsync(citizen.Http);
        var key = files.First().Key;
        var mine = files[key]!["sha256"]!.GetValue<string>();

        // Claimed from another citizen's dossier (with its real file, or with the citizen's own upload), or from the
        // citizen's own dossier that does not hold that file: refused, nothing filed, nothing in the timeline or audit.
        (string Sha, string From)[] forged = [(othersSha, othersDossier), (mine, othersDossier), (mine, ownDossier), (ownSha, "000.00.01.H26-010101-9999")];
        foreach (var (sha, from) in forged)
        {
            files[key] = new JsonObject { ["sha256"] = sha, ["fileName"] = "dung-lai.pdf", ["reusedFrom"] = from };
            var before = await Counts.DossiersAsync(app);
            var refused = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", await Application.ForAsync(citizen.Http, Citizen, files));
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{sha[..8]} from {from}");
            (await refused.Content.ReadAsStringAsync()).ShouldContain("không phải hồ sơ của bạn hoặc không có tệp này");
            (await Counts.DossiersAsync(app)).ShouldBe(before, "nothing filed");
        }

        (await Counts.AuditAsync(app, "dossier.document-reused", othersDossier)).ShouldBe(0);

        // Really from the citizen's own dossier: accepted, and the reuse is in the timeline and the audit trail.
        files[key] = new JsonObject { ["sha256"] = ownSha, ["reusedFrom"] = ownDossier };
        var filed = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", await Application.ForAsync(citizen.Http, Citizen, files));
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var code = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        (await app.AuditAsync($"dossier:{code}")).ShouldContain(a => a.Action == "dossier.document-reused" && a.Details!.Contains(ownDossier));
    }

    [Fact]
    public async Task A_free_text_authorisation_does_not_file_into_another_citizens_account()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, Citizen);
        using var other = await CitizenFlow.SignedInAsync(app, Other);
        var files = await OwnFilesAsync(citizen.Http);
        var theirsBefore = (await other.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/me/dossiers"))!.Length;
        var before = await Counts.DossiersAsync(app);

        // For "self" with another person's ID: the page's refusal.
        var asSelf = await Application.ForAsync(citizen.Http, Other, files);
        var self = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", asSelf);
        self.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await self.Content.ReadAsStringAsync()).ShouldContain("Bạn chọn nộp cho bản thân nhưng số định danh khai trong hồ sơ không phải của bạn");

        // For another person with a typed authorisation only (no authorisation document, as the page requires).
        var forOther = await Application.ForAsync(citizen.Http, Other, files);
        forOther["filedFor"] = "person";
        forOther["authorisation"] = "Giấy ủy quyền ngày 01/12/2026";
        var typed = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", forOther);
        typed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await typed.Content.ReadAsStringAsync()).ShouldContain("Vui lòng tải lên văn bản ủy quyền khi nộp thay người khác.");

        // The old body's submitter block is no way around it.
        forOther["submitter"] = new JsonObject { ["name"] = "Người khác", ["idNumber"] = "001099999999", ["authorisation"] = "Giấy ủy quyền ngày 01/12/2026" };
        forOther["filedFor"] = null;
        (await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", forOther)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await Counts.DossiersAsync(app)).ShouldBe(before, "nothing filed");
        (await other.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/me/dossiers"))!.Length.ShouldBe(theirsBefore, "nothing in the other citizen's account");

        // With the authorisation document the citizen uploaded, as on the page: filed, the citizen is the submitter.
        forOther.Remove("submitter");
        forOther["filedFor"] = "person";
        forOther["authorisationFile"] = new JsonObject
        {
            ["sha256"] = await Reception.UploadAsync(citizen.Http, Reception.PdfWith($"uy quyen {Guid.NewGuid()}"), "uy-quyen.pdf"),
            ["fileName"] = "uy-quyen.pdf",
        };
        var filed = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", forOther);
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var code = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        using var officer = await app.SignedInAsync("tiepnhan");
        var dossier = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        dossier.GetProperty("submitter").GetProperty("idNumber").GetString().ShouldBe(Citizen, "the filer is the e-ID's person");
        dossier.GetProperty("attachments").EnumerateArray().ShouldContain(a => a.GetProperty("documentNumber").GetInt32() == -1);
    }

    [Fact]
    public async Task Invalid_e_form_data_is_refused_by_the_API_with_the_pages_message()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, Citizen);
        var files = await OwnFilesAsync(citizen.Http);
        var application = await Application.ForAsync(citizen.Http, Citizen, files);
        application["formData"]!["applicant.phone"] = "12345";
        application["formData"]!["applicant.dateOfBirth"] = "2999-01-01";
        var before = await Counts.DossiersAsync(app);

        var refused = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", application);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var phone = errors.GetProperty("formData.applicant.phone")[0].GetString()!;
        var born = errors.GetProperty("formData.applicant.dateOfBirth")[0].GetString()!;
        (await Counts.DossiersAsync(app)).ShouldBe(before, "nothing filed");

        // The page, with the same values, says exactly the same.
        const string page = "/portal/nop/" + Reception.BirthRegistration;
        var html = await citizen.Http.GetStringAsync(page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(CitizenFlow.AntiforgeryToken(html)), "__RequestVerificationToken" },
            { new StringContent("apply"), "_handler" },
            { new StringContent("review"), "Step" },
            { new StringContent("Online"), "Delivery" },
        };
        foreach (var (name, value) in application["formData"]!.AsObject())
        {
            form.Add(new StringContent(value!.GetValue<string>()), name);
        }

        var onPage = WebUtility.HtmlDecode(await (await citizen.Http.PostAsync(page, form)).Content.ReadAsStringAsync());
        onPage.ShouldContain(phone);
        onPage.ShouldContain(born);
    }

    /// <summary>The citizen's own uploads for every required, not waived upload of the form.</summary>
    private static async Task<JsonObject> OwnFilesAsync(HttpClient citizen)
    {
        var files = new JsonObject();
        foreach (var key in await Application.RequiredUploadsAsync(citizen))
        {
            var sha = await Reception.UploadAsync(citizen, Reception.PdfWith($"{key} {Guid.NewGuid()}"), $"{key}.pdf");
            files[key] = new JsonObject { ["sha256"] = sha, ["fileName"] = $"{key}.pdf" };
        }

        if (files.Count == 0)
        {
            throw new InvalidOperationException("The birth registration form asks for no upload: these tests need one.");
        }

        return files;
    }

    private static async Task<(string Code, string Sha)> ReceiveAsync(HttpClient officer, string idNumber)
    {
        var sha = await Reception.UploadAsync(officer, Reception.PdfWith($"{Guid.NewGuid()}"), "to-khai-cu.pdf");
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha, idNumber: idNumber, firstProvision: "Uploaded"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!, sha);
    }
}

/// <summary>Applications as the JSON API takes them (the portal form's values, files and choices).</summary>
public static class Application
{
    /// <summary>The keys of the birth registration form's uploads that are required and not waived by the population registry.</summary>
    public static async Task<List<string>> RequiredUploadsAsync(HttpClient client)
    {
        var form = await client.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{Reception.BirthRegistration}");
        var keys = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "file"
                    && e.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True
                    && !(e.TryGetProperty("waivedByRegistry", out var waived) && waived.ValueKind == JsonValueKind.True))
                {
                    keys.Add(e.GetProperty("key").GetString()!);
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
        return keys.Distinct().ToList();
    }

    /// <summary>Birth registration filed for the person with <paramref name="applicantId"/> (for "self": the citizen's own ID).</summary>
    public static Task<JsonObject> ForAsync(HttpClient client, string applicantId, JsonObject files) => Task.FromResult(new JsonObject
    {
        ["procedureCode"] = Reception.BirthRegistration,
        ["formData"] = new JsonObject
        {
            ["applicant.name"] = "Nguyễn Thị Hường",
            ["applicant.dateOfBirth"] = "1990-03-14",
            ["applicant.idNumber"] = applicantId,
            ["applicant.phone"] = "0912000001",
            ["applicant.email"] = "",
            ["applicant.address.province"] = "01",
            ["applicant.address.ward"] = "00004",
            ["applicant.address.street"] = "12 Phố Quán Thánh",
        }.With(BirthDeclaration.Values),
        ["files"] = files.DeepClone(),
        ["delivery"] = "Online",
    });
}

/// <summary>Row counts, to show that a refusal changed nothing.</summary>
public static class Counts
{
    public static async Task<int> DossiersAsync(MotCuaApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCua.Platform.Data.MotCuaDb>().Set<MotCua.Dossiers.Dossier>().CountAsync();
    }

    public static async Task<int> UploadsAsync(MotCuaApp app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCua.Platform.Data.MotCuaDb>().Set<MotCua.Dossiers.Attachments.StoredUpload>().CountAsync();
    }

    public static async Task<int> AuditAsync(MotCuaApp app, string action, string mentioning)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCua.Platform.Data.MotCuaDb>().AuditEntries
            .CountAsync(a => a.Action == action && a.Details!.Contains(mentioning));
    }
}

[Collection("sqlite")]
public sealed class OneFilingPathOnSqlite(SqliteApp fixture) : OneFilingPathTests(fixture.App);

[Collection("postgres")]
public sealed class OneFilingPathOnPostgres(PostgresApp fixture) : OneFilingPathTests(fixture.App);
