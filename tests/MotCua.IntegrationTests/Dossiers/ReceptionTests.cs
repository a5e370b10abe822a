using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers;
using MotCua.Dossiers.Codes;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Dossiers;

public abstract partial class ReceptionTests(MotCuaApp app)
{
    [Fact]
    public async Task An_officer_receives_a_complete_dossier_and_its_clock_starts()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "Tờ khai khai sinh.pdf");

        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = result.GetProperty("code").GetString()!;
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).ToString("yyMMdd", CultureInfo.InvariantCulture);
        code.ShouldMatch($@"^000\.\d\d\.\d\d\.H26-{today}-\d{{4,}}$");

        var dossier = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        dossier.GetProperty("status").GetString().ShouldBe("received");
        dossier.GetProperty("nationalStatus").GetInt32().ShouldBe(2);
        dossier.GetProperty("agency").GetString().ShouldBe("Ủy ban nhân dân Phường Ba Đình");
        dossier.GetProperty("receivingUnit").GetString()!.ShouldStartWith("Chi nhánh số 1");
        // The eight papers of the case: five sent, the three conditional ones not sent are recorded as not applicable.
        dossier.GetProperty("documents").GetArrayLength().ShouldBe(8);
        dossier.GetProperty("documents").EnumerateArray().Count(d => d.GetProperty("provision").GetString() == "NotApplicable").ShouldBe(3);
        var attachment = dossier.GetProperty("attachments")[0];
        attachment.GetProperty("contentType").GetString().ShouldBe("application/pdf");
        attachment.GetProperty("fileName").GetString().ShouldBe("to-khai.pdf");
        var received = dossier.GetProperty("receivedAt").GetDateTimeOffset();
        var due = dossier.GetProperty("dueAt").GetDateTimeOffset();
        using var scope = app.Services.CreateScope();
        var dueDates = scope.ServiceProvider.GetRequiredService<MotCua.Dossiers.Reception.DueDates>();
        var clock = await dueDates.ClockAsync(CancellationToken.None);
        due.ShouldBe(clock.DueAt(received, MotCua.Calendar.Clock.ClockBudget.SameDay(), new MotCua.Calendar.Clock.ClockRules(new TimeOnly(15, 0))),
            "birth registration is same-day with a 15:00 cut-off (Luật Hộ tịch Art. 16, read from the catalog's text)");
        due.ShouldBeGreaterThan(received);

        (await app.AuditAsync($"dossier:{code}")).Select(e => e.Action).ShouldBe(["dossier.received", "dossier.read"]);
    }

    [Fact]
    public async Task A_missing_document_is_refused_and_consumes_no_code()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "a.pdf");
        var first = await ReceiveAsync(officer, sha);
        var before = await CountAsync();

        // Only the birth certificate: the identity paper to be shown (not conditional) is missing.
        var incomplete = Reception.Request(sha: sha, documents: 1);
        var refused = await officer.PostAsJsonAsync("/api/v1/dossiers", incomplete);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Thiếu giấy tờ");
        (await CountAsync()).ShouldBe(before);
        var next = await ReceiveAsync(officer, sha);
        Sequence(next).ShouldBe(Sequence(first) + 1);
    }

    [Fact]
    public async Task A_scan_is_required_for_a_document_digitized_at_the_counter()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("cần đính kèm bản số hóa");
    }

    [Fact]
    public async Task An_incomplete_dossier_gets_a_supplement_slip_without_a_clock()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var request = Reception.Request("RequestSupplement", documents: 0);
        request["missing"] = new JsonArray(new JsonObject { ["document"] = "Giấy chứng sinh", ["reason"] = "Chưa có bản chính" });

        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();

        var dossier = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        dossier.GetProperty("status").GetString().ShouldBe("supplement-requested");
        dossier.GetProperty("receivedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        dossier.GetProperty("dueAt").ValueKind.ShouldBe(JsonValueKind.Null);
        dossier.GetProperty("missing")[0].GetProperty("reason").GetString().ShouldBe("Chưa có bản chính");
    }

    [Fact]
    public async Task A_refusal_needs_a_reason()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var without = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request("Refuse", documents: 0));
        without.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await without.Content.ReadAsStringAsync()).ShouldContain("lý do từ chối");

        var request = Reception.Request("Refuse", documents: 0);
        request["reason"] = "Thủ tục không thuộc thẩm quyền giải quyết";
        var refused = await officer.PostAsJsonAsync("/api/v1/dossiers", request);
        refused.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Refused");
    }

    [Theory]
    [InlineData("procedureCode", "9.999999", "Không có thủ tục mã 9.999999")]
    [InlineData("procedureCode", "1.003197", "không tiếp nhận hồ sơ trực tiếp tại quầy")]
    [InlineData("idNumber", "12345", "phải gồm đúng 12 chữ số")]
    [InlineData("wardCode", "99999", "Không có phường/xã mã 99999")]
    public async Task Bad_input_is_refused_in_Vietnamese_and_saves_nothing(string field, string value, string message)
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var request = Reception.Request("Refuse", documents: 0);
        request["reason"] = "x";
        if (field == "procedureCode")
        {
            request["procedureCode"] = value;
        }
        else
        {
            request["applicant"]![field] = value;
        }

        var before = await CountAsync();
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Only_reception_staff_may_receive()
    {
        using var anonymous = app.Client();
        (await anonymous.PostAsJsonAsync("/api/v1/dossiers", Reception.Request())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var specialist = await app.SignedInAsync("chuyenvien");
        (await specialist.PostAsJsonAsync("/api/v1/dossiers", Reception.Request())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Attachments_are_judged_by_their_content_and_size()
    {
        using var client = await app.SignedInAsync("tiepnhan");
        var fake = await Reception.UploadResponseAsync(client, "not a pdf at all"u8.ToArray(), "scan.pdf");
        fake.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await fake.Content.ReadAsStringAsync()).ShouldContain("Chỉ nhận tệp PDF, JPG hoặc PNG");

        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var renamed = await Reception.UploadResponseAsync(client, png, "scan.pdf");
        renamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var big = new byte[(10 * 1024 * 1024) + 10];
        Reception.Pdf.CopyTo(big, 0);
        (await Reception.UploadResponseAsync(client, big, "big.pdf")).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        var ok = await Reception.UploadResponseAsync(client, Reception.Pdf, "../../etc/Giấy tờ <1>.pdf");
        ok.StatusCode.ShouldBe(HttpStatusCode.Created);
        var stored = await ok.Content.ReadFromJsonAsync<JsonElement>();
        stored.GetProperty("fileName").GetString().ShouldBe("Giấy tờ 1.pdf");
        stored.GetProperty("sha256").GetString()!.Length.ShouldBe(64);
    }

    [Fact]
    public async Task An_online_dossier_waits_with_its_code_and_is_received_once()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, "001085000002");
        var portal = citizen.Http;
        var submitted = await portal.PostAsJsonAsync("/api/v1/me/applications", await ApplicationAsync(portal, "001085000002"));
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        using var officer = await app.SignedInAsync("tiepnhan");
        var waiting = await officer.GetFromJsonAsync<JsonElement[]>("/api/v1/dossiers/waiting?take=500");
        var entry = waiting!.Single(w => w.GetProperty("code").GetString() == code);
        var version = entry.GetProperty("version").GetInt32();

        var stale = await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/receptions", new { action = "Receive", expectedVersion = version + 1 });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var received = await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/receptions", new { action = "Receive", expectedVersion = version });
        received.StatusCode.ShouldBe(HttpStatusCode.OK, await received.Content.ReadAsStringAsync());

        var again = await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/receptions", new { action = "Refuse", reason = "x", expectedVersion = version + 1 });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("Đã tiếp nhận");

        var dossier = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        dossier.GetProperty("submittedAt").GetDateTimeOffset().ShouldBeLessThanOrEqualTo(dossier.GetProperty("receivedAt").GetDateTimeOffset());
        dossier.GetProperty("channel").GetString().ShouldBe("Online");
    }

    [Fact]
    public async Task Anyone_with_the_code_follows_the_dossier_without_seeing_personal_data()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "a.pdf");
        var code = await ReceiveAsync(officer, sha);

        using var anyone = app.Client();
        var response = await anyone.GetAsync($"/api/v1/tracking/{code}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("Đã tiếp nhận");
        text.ShouldContain("Thủ tục đăng ký khai sinh");
        text.ShouldNotContain("Nguyễn Thị Hường");
        text.ShouldNotContain("001090000001");
        text.ShouldNotContain("Phạm Thị Lan");

        var page = await anyone.GetAsync($"/tra-cuu?code={Uri.EscapeDataString(code)}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Đã tiếp nhận");
        var missingPage = await anyone.GetAsync("/tra-cuu?code=000.00.01.H26-010101-9999");
        var missingHtml = await missingPage.Content.ReadAsStringAsync();
        missingHtml.ShouldContain("Không tìm thấy hồ sơ");
        missingHtml.ShouldContain("Mã hồ sơ");

        var unknown = await anyone.GetAsync("/api/v1/tracking/000.00.01.H26-010101-9999");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("Không tìm thấy hồ sơ");
    }

    [Fact]
    public async Task Codes_stay_unique_and_gapless_under_parallel_reception()
    {
        var count = app.Provider == DatabaseProvider.Postgres ? 500 : 100;
        using var officer = await app.SignedInAsync("tiepnhan");
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "a.pdf");
        var request = Reception.Request(sha: sha, idNumber: "001095000004");
        request["applicant"]!["wardCode"] = "00229";

        var codes = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (_, ct) =>
        {
            var response = await officer.PostAsJsonAsync("/api/v1/dossiers", request, ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
            codes.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString()!);
        });

        codes.Distinct().Count().ShouldBe(count);
        var byPrefix = codes.GroupBy(c => c[..c.LastIndexOf('-')]).ShouldHaveSingleItem();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var all = await db.Set<Dossier>().Where(d => d.Code.StartsWith(byPrefix.Key)).Select(d => d.Sequence).ToListAsync();
        all.Order().ShouldBe(Enumerable.Range(1, all.Count), "the sequence of the day has no gap");
    }

    [Fact]
    public async Task A_repeated_submission_with_the_same_key_gives_the_same_dossier_once()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, "001078000003");
        var portal = citizen.Http;
        var request = await ApplicationAsync(portal, "001078000003");
        request["formData"]!["applicant.address.ward"] = "00256";
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync();

        var codes = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 8), async (_, ct) =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/applications") { Content = JsonContent.Create(request) };
            message.Headers.Add("Idempotency-Key", key);
            using var response = await portal.SendAsync(message, ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
            codes.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString()!);
        });

        codes.Distinct().ShouldHaveSingleItem();
        (await CountAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Online_filing_needs_the_e_ID()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, "001085000002");
        var application = await ApplicationAsync(citizen.Http, "001085000002");
        using var anonymous = app.Client();
        var before = await CountAsync();
        (await anonymous.PostAsJsonAsync("/api/v1/me/applications", application))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Found);
        (await anonymous.PostAsJsonAsync("/api/v1/dossiers/online", application))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
        (await CountAsync()).ShouldBe(before, "nothing filed");
    }

    /// <summary>A birth registration as the JSON API takes it, with the citizen's own uploads for the form's required uploads.</summary>
    internal static async Task<JsonObject> ApplicationAsync(HttpClient citizen, string idNumber)
    {
        var files = new JsonObject();
        foreach (var key in await Application.RequiredUploadsAsync(citizen))
        {
            var sha = await Reception.UploadAsync(citizen, Reception.PdfWith($"{key} {Guid.NewGuid()}"), $"{key}.pdf");
            files[key] = new JsonObject { ["sha256"] = sha, ["fileName"] = $"{key}.pdf" };
        }

        return await Application.ForAsync(citizen, idNumber, files);
    }

    private async Task<string> ReceiveAsync(HttpClient officer, string sha)
    {
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static int Sequence(string code) => int.Parse(code[(code.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);

    private async Task<int> CountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<Dossier>().CountAsync();
    }
}

[Collection("sqlite")]
public sealed class ReceptionOnSqlite(SqliteApp fixture) : ReceptionTests(fixture.App);

[Collection("postgres")]
public sealed class ReceptionOnPostgres(PostgresApp fixture) : ReceptionTests(fixture.App);
