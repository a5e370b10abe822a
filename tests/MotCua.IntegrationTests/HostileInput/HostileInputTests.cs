using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.HostileInput;

/// <summary>
/// What a hostile or broken client sends, against the real HTTP host: each is refused with a 4xx whose problem details
/// carry a Vietnamese message (and the field, where there is one), and the database is byte-for-byte what it was (row
/// counts and checksums of every table, <see cref="DatabaseSnapshot"/>). Text that is merely unusual — markup, SQL
/// metacharacters, decomposed Vietnamese — is legitimate in a name or an address: it is accepted, stored as text in
/// one normal form and shown escaped.
/// </summary>
public abstract partial class HostileInputTests(MotCuaApp app)
{
    public static TheoryData<string> ReceptionCases => new(Reception_cases.Keys);

    /// <summary>A counter reception request, spoiled one way each: the raw body sent and the field the refusal must name (null: the body as a whole).</summary>
    private static readonly Dictionary<string, (Func<string> Body, string? Field)> Reception_cases = new()
    {
        ["name of 5,000 characters"] = (() => With(r => r["applicant"]!["name"] = new string('A', 5000)), "applicant.name"),
        ["address of 100,000 characters"] = (() => With(r => r["applicant"]!["address"] = string.Concat(Enumerable.Repeat("Số 1 phố Hàng Bạc ", 6000))), "applicant.address"),
        ["NUL in the name"] = (() => With(r => r["applicant"]!["name"] = "Nguyễn\0Văn A"), "applicant.name"),
        ["lone surrogate in the name"] = (() => Replace("Nguyễn Thị Hường", "\\ud800"), "applicant.name"),
        ["null element in the document list"] = (() => With(r => ((JsonArray)r["documents"]!)[1] = null), "documents[1]"),
        ["null attachment"] = (() => With(r => r["documents"]![0]!["attachments"] = new JsonArray((JsonNode?)null)), "documents[0].attachments[0]"),
        ["null applicant"] = (() => With(r => r["applicant"] = null), "applicant.name"),
        ["duplicate key"] = (() => Replace("\"procedureCode\":", "\"procedureCode\":\"1.000000\",\"procedureCode\":"), "procedureCode"),
        ["case index beyond Int32"] = (() => Replace("\"caseIndex\":0", "\"caseIndex\":99999999999"), "caseIndex"),
        ["case index 1e400"] = (() => Replace("\"caseIndex\":0", "\"caseIndex\":1e400"), "caseIndex"),
        ["negative case index"] = (() => With(r => r["caseIndex"] = -1), "caseIndex"),
        ["case index as a string"] = (() => With(r => r["caseIndex"] = "0 OR 1=1"), "caseIndex"),
        ["unknown channel value"] = (() => With(r => r["delivery"] = "ByDrone"), "delivery"),
        ["truncated JSON"] = (() => Request().ToJsonString()[..120], null),
        ["not JSON"] = (() => "procedureCode=1.001193&caseIndex=0", null),
        ["SQL in the procedure code"] = (() => With(r => r["procedureCode"] = "1.001193'; DROP TABLE dossiers; --"), "procedureCode"),
        ["path traversal as the procedure code"] = (() => With(r => r["procedureCode"] = "../../../etc/passwd"), "procedureCode"),
        ["forged attachment hash"] = (() => With(r => r["documents"]![0]!["attachments"] = new JsonArray(new JsonObject { ["sha256"] = new string('0', 64), ["fileName"] = "gia.pdf" })), null),
        ["attachment hash that is a path"] = (() => With(r => r["documents"]![0]!["attachments"] = new JsonArray(new JsonObject { ["sha256"] = "../../motcua.db", ["fileName"] = "gia.pdf" })), null),
        ["birth date in year 1"] = (() => With(r => r["applicant"]!["dateOfBirth"] = "0001-01-01"), "applicant.dateOfBirth"),
        ["birth date in the future"] = (() => With(r => r["applicant"]!["dateOfBirth"] = "2999-01-01"), "applicant.dateOfBirth"),
        ["ID number with letters"] = (() => With(r => r["applicant"]!["idNumber"] = "00109000000A"), "applicant.idNumber"),
        ["forged ward code"] = (() => With(r => r["applicant"]!["wardCode"] = "99999"), "applicant.wardCode"),
        ["document number out of the checklist"] = (() => With(r => r["documents"]![1]!["number"] = 2147483647), null),
    };

    [Theory]
    [MemberData(nameof(ReceptionCases))]
    public async Task A_spoiled_reception_request_is_refused_and_changes_nothing(string name)
    {
        var (body, field) = Reception_cases[name];
        using var officer = await app.SignedInAsync("tiepnhan");
        await RefusedAsync(() => officer.PostAsync("/api/v1/dossiers", new StringContent(body(), Encoding.UTF8, "application/json")), field);
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF_8_are_refused()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var json = Encoding.UTF8.GetBytes(Request().ToJsonString(Relaxed));
        var at = IndexOf(json, Encoding.UTF8.GetBytes("Hường"));
        json[at] = 0xC3;
        json[at + 1] = 0x28; // an invalid two-byte sequence
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        await RefusedAsync(() => officer.PostAsync("/api/v1/dossiers", content), null);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_or_is_missing_is_refused()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        await RefusedAsync(() => officer.PostAsync("/api/v1/dossiers", new StringContent(Request().ToJsonString(), Encoding.UTF8, "text/plain")), null, HttpStatusCode.UnsupportedMediaType);
        await RefusedAsync(() => officer.PostAsync("/api/v1/dossiers", new StringContent("", Encoding.UTF8, "application/json")), null);
    }

    [Fact]
    public async Task Step_actions_refuse_hostile_values_on_a_real_dossier()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var code = await ReceiveAsync(officer, Request());
        await RefusedAsync(() => officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/financial-obligations", new { amount = -8000, description = "Lệ phí" }), "amount");
        await RefusedAsync(() => officer.PostAsync($"/api/v1/dossiers/{code}/financial-obligations", Json("""{"amount":1e30,"description":"Lệ phí"}""")), "amount");
        await RefusedAsync(() => officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/withdrawals", new { reason = new string('x', 100_000) }), "reason");
        await RefusedAsync(() => officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/withdrawals", new { reason = "Rút\0" }), "reason");
        await RefusedAsync(() => officer.PostAsync($"/api/v1/dossiers/{code}/supplements", Json("""{"attachments":[null]}""")), "attachments[0]");
        await RefusedAsync(() => officer.GetAsync($"/api/v1/dossiers/{code[..^1]}%00/slip"), null, HttpStatusCode.BadRequest, problem: false);
    }

    [Fact]
    public async Task Forged_or_walked_dossier_codes_find_nothing()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        foreach (var code in new[] { "../../etc/passwd", "000.00.00.H26-261207-0001' OR '1'='1", "%2e%2e%2fappsettings.json", new string('9', 300) })
        {
            await RefusedAsync(() => officer.GetAsync($"/api/v1/dossiers/{code}"), null, HttpStatusCode.NotFound, problem: null);
        }
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2026-02-30")]
    [InlineData("hôm nay")]
    public async Task Appointment_days_out_of_range_or_unreadable_are_refused(string day)
    {
        using var anonymous = app.Client();
        await RefusedAsync(() => anonymous.GetAsync($"/api/v1/appointments/slots?point=CN01&group=HT&day={Uri.EscapeDataString(day)}"), "day");
    }

    [Fact]
    public async Task Spoofed_polyglot_empty_and_oversized_uploads_are_refused_and_stored_nowhere()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE];
        var files = StoredFiles();

        await RefusedAsync(() => Reception.UploadResponseAsync(officer, png, "to-khai.pdf"), "file");
        await RefusedAsync(() => Reception.UploadResponseAsync(officer, [.. Reception.Pdf, .. png], "anh.png"), "file");
        await RefusedAsync(() => Reception.UploadResponseAsync(officer, [.. png, .. Reception.Pdf], "to-khai.png"), "file");
        await RefusedAsync(() => Reception.UploadResponseAsync(officer, "%PDF-1.4\n%%EOF"u8.ToArray(), "rong.pdf"), "file");
        await RefusedAsync(() => Reception.UploadResponseAsync(officer, [], "rong.pdf"), "file");
        await RefusedAsync(() => Reception.UploadResponseAsync(officer, [.. Reception.Pdf, .. new byte[11 * 1024 * 1024]], "lon.pdf"), null, HttpStatusCode.RequestEntityTooLarge);
        await RefusedAsync(() => Reception.UploadResponseAsync(officer, "MZ\x90\0 not a document"u8.ToArray(), "virus.exe"), "file");

        StoredFiles().ShouldBe(files, "nothing written to the file store (on PostgreSQL the store is a table, in the snapshot)");
    }

    [Fact]
    public async Task A_path_in_a_file_name_is_kept_as_a_name_only()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var response = await Reception.UploadResponseAsync(officer, Reception.PdfWith("duong-dan"), "../../../../etc/passwd.pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var name = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString()!;
        name.ShouldNotContain("/");
        name.ShouldNotContain("..");
        name.ShouldEndWith(".pdf");
        File.Exists(Path.Combine(app.DataDirectory, "..", "..", "..", "..", "etc", "passwd.pdf")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_antiforgery_token_from_another_session_is_refused()
    {
        using var victim = app.Client();
        var page = await victim.GetStringAsync("/account/login");
        var token = Token().Match(page).Groups[1].Value;
        token.ShouldNotBeEmpty();
        using var attacker = app.Client();
        var before = await DatabaseSnapshot.TakeAsync(app);

        var replayed = await attacker.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = "tiepnhan",
            ["Input.Password"] = MotCua.Organisation.Contracts.DemoStaff.Password,
        }));

        ((int)replayed.StatusCode).ShouldBe(400);
        replayed.Headers.Location.ShouldBeNull("not signed in");
        (await attacker.GetAsync("/reception")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await DatabaseSnapshot.TakeAsync(app)).ShouldBe(before);
    }

    [Fact]
    public async Task Markup_SQL_and_decomposed_Vietnamese_are_text_stored_in_one_form_and_shown_escaped()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        const string script = "<script>alert('xss')</script>";
        var decomposed = "Nguyễn Thị Hường".Normalize(NormalizationForm.FormD);
        decomposed.ShouldNotBe("Nguyễn Thị Hường");
        var request = Request();
        request["applicant"]!["name"] = $"{decomposed} {script}";
        request["applicant"]!["address"] = "Số 1'; DROP TABLE dossiers; -- \" <img src=x onerror=alert(1)>";
        var code = await ReceiveAsync(officer, request);

        var stored = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        stored.GetProperty("applicant").GetProperty("name").GetString().ShouldBe($"Nguyễn Thị Hường {script}", "stored in NFC, the markup as text");
        stored.GetProperty("applicant").GetProperty("address").GetString().ShouldStartWith("Số 1'; DROP TABLE dossiers;");

        var page = await officer.GetStringAsync($"/dossiers/{code}");
        page.ShouldContain("Nguyễn Thị Hường &lt;script&gt;");
        page.ShouldNotContain(script);
        page.ShouldNotContain("<img src=x");
        var slip = await officer.GetAsync($"/api/v1/dossiers/{code}/slip");
        slip.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await slip.Content.ReadAsByteArrayAsync()).AsSpan(0, 5).SequenceEqual("%PDF-"u8).ShouldBeTrue();

    }

    private async Task RefusedAsync(Func<Task<HttpResponseMessage>> send, string? field, HttpStatusCode status = HttpStatusCode.BadRequest, bool? problem = true)
    {
        var before = await DatabaseSnapshot.TakeAsync(app);
        using var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body.Length > 600 ? body[..600] : body);
        if (problem != false)
        {
            if (problem == true || response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
                var details = JsonDocument.Parse(body).RootElement;
                var message = details.GetProperty("detail").GetString()!;
                Vietnamese().IsMatch(message).ShouldBeTrue($"a Vietnamese message: {message}");
                details.TryGetProperty("code", out _).ShouldBeTrue("a stable error code");
                if (field is not null)
                {
                    details.TryGetProperty("errors", out var errors).ShouldBeTrue($"the field is named: {body}");
                    errors.EnumerateObject().Select(e => e.Name).ShouldContain(n => string.Equals(n, field, StringComparison.OrdinalIgnoreCase), body);
                }
            }
        }

        body.ShouldNotContain("   at ", customMessage: "no stack trace");
        (await DatabaseSnapshot.TakeAsync(app)).ShouldBe(before, "the database is unchanged");
    }

    private static async Task<string> ReceiveAsync(HttpClient officer, JsonObject request)
    {
        var sha = await Reception.UploadAsync(officer, Reception.PdfWith(Guid.NewGuid().ToString()), "to-khai.pdf");
        request["documents"]![0]!["attachments"] = new JsonArray(new JsonObject { ["sha256"] = sha, ["fileName"] = "to-khai.pdf" });
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static JsonObject Request()
    {
        var request = Reception.Request(firstProvision: "PaperOnly");
        request["documents"]![0]!["paperOnlyReason"] = "OversizeOrBound";
        return request;
    }

    private static string With(Action<JsonObject> spoil)
    {
        var request = Request();
        spoil(request);
        return request.ToJsonString();
    }

    private static string Replace(string what, string with)
    {
        var json = Request().ToJsonString(Relaxed);
        json.ShouldContain(what);
        return json.Replace(what, with, StringComparison.Ordinal);
    }

    private int StoredFiles() => Directory.Exists(app.DataDirectory) ? Directory.GetFiles(app.DataDirectory, "*", SearchOption.AllDirectories).Length : 0;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        throw new InvalidOperationException("not found");
    }

    [GeneratedRegex("[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", RegexOptions.IgnoreCase)]
    private static partial Regex Vietnamese();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

[Collection("sqlite")]
public sealed class HostileInputOnSqlite(SqliteApp fixture) : HostileInputTests(fixture.App);

[Collection("postgres")]
public sealed class HostileInputOnPostgres(PostgresApp fixture) : HostileInputTests(fixture.App);
