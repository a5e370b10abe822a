using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers.Apply;
using MotCua.Dossiers.Attachments;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;
using MotCua.Platform.Data;
using MotCua.Platform.Storage;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>
/// Uploads belong to somebody: a signed-in session, or the short-lived upload token of a form in progress; anything
/// else is refused with nothing stored. A stored file nothing refers to is deleted after a day, with an audit line.
/// </summary>
public abstract partial class UploadOwnershipTests(MotCuaApp app)
{
    [Fact]
    public async Task An_upload_without_a_session_or_an_upload_token_is_refused_and_nothing_is_stored()
    {
        using var anonymous = app.Client();
        var content = Reception.PdfWith($"vo danh {Guid.NewGuid()}");
        var before = await Counts.UploadsAsync(app);

        var refused = await Reception.UploadResponseAsync(anonymous, content, "giay-to.pdf");

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Vui lòng đăng nhập");
        (await Counts.UploadsAsync(app)).ShouldBe(before);
        (await ExistsAsync(Sha(content))).ShouldBeFalse("nothing stored");
    }

    [Fact]
    public async Task The_filing_forms_upload_token_lets_it_upload_for_its_citizen_until_it_expires()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, "001049000005");
        var html = await citizen.Http.GetStringAsync("/portal/nop/" + Reception.BirthRegistration);
        var token = UploadToken().Match(html).Groups[1].Value;
        token.ShouldNotBeEmpty("the form carries its upload token");

        // Without the session cookie, with the form's token: stored, and the citizen's to attach.
        using var anonymous = app.Client();
        var content = Reception.PdfWith($"ma tai len {Guid.NewGuid()}");
        var stored = await UploadAsync(anonymous, content, token);
        stored.StatusCode.ShouldBe(HttpStatusCode.Created, await stored.Content.ReadAsStringAsync());
        var sha = (await stored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString()!;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
            (await db.Set<StoredUpload>().SingleAsync(u => u.Sha256 == sha)).Uploader.ShouldStartWith("citizen:");
        }

        var files = new JsonObject();
        foreach (var key in await Application.RequiredUploadsAsync(citizen.Http))
        {
            files[key] = new JsonObject { ["sha256"] = files.Count == 0 ? sha : await Reception.UploadAsync(citizen.Http, Reception.PdfWith($"{key} {Guid.NewGuid()}"), "x.pdf"), ["fileName"] = "giay-to.pdf" };
        }

        var filed = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", await Application.ForAsync(citizen.Http, "001049000005", files));
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());

        // An expired token, an altered one, a made-up one: refused, nothing stored.
        var tokens = app.Services.GetRequiredService<UploadTokens>();
        var expired = tokens.Issue("khong-quan-trong", $"procedure:{Reception.BirthRegistration}", DateTimeOffset.UtcNow.AddMinutes(-1));
        var before = await Counts.UploadsAsync(app);
        var late = Reception.PdfWith($"qua han {Guid.NewGuid()}");
        var refused = await UploadAsync(anonymous, late, expired);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Mã tải lên đã hết hạn");
        foreach (var bad in new[] { token[..^4] + "AAAA", "khong-phai-ma" })
        {
            var forged = await UploadAsync(anonymous, late, bad);
            forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await forged.Content.ReadAsStringAsync()).ShouldContain("Mã tải lên không hợp lệ");
        }

        (await Counts.UploadsAsync(app)).ShouldBe(before);
        (await ExistsAsync(Sha(late))).ShouldBeFalse("nothing stored");
    }

    [Fact]
    public async Task Unreferenced_files_are_collected_after_a_day_and_the_collection_is_audited()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var orphan = await Reception.UploadAsync(officer, Reception.PdfWith($"bo quen {Guid.NewGuid()}"), "bo-quen.pdf");
        var attached = await Reception.UploadAsync(officer, Reception.PdfWith($"trong ho so {Guid.NewGuid()}"), "trong-ho-so.pdf");
        var drafted = await Reception.UploadAsync(officer, Reception.PdfWith($"trong ban nhap {Guid.NewGuid()}"), "ban-nhap.pdf");
        var fresh = await Reception.UploadAsync(officer, Reception.PdfWith($"moi tai {Guid.NewGuid()}"), "moi.pdf");
        var received = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: attached, idNumber: "001001000006"));
        received.StatusCode.ShouldBe(HttpStatusCode.Created, await received.Content.ReadAsStringAsync());

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
            var now = DateTimeOffset.UtcNow;
            db.Add(new FormDraft
            {
                OwnerSubject = "khong-ai",
                ProcedureCode = Reception.BirthRegistration,
                ProcedureVersion = 1,
                CreatedAt = now,
                UpdatedAt = now,
                ExpiresAt = now.AddDays(30),
                Files = new Dictionary<string, DraftFile> { ["docs.d1"] = new(drafted, "ban-nhap.pdf") },
            });
            await db.SaveChangesAsync();
            string[] old = [orphan, attached, drafted];
            var twoDaysAgo = now.AddDays(-2);
            await db.Set<StoredUpload>().Where(u => old.Contains(u.Sha256)).ExecuteUpdateAsync(u => u.SetProperty(x => x.UploadedAt, twoDaysAgo));
        }

        // Several nodes sweep at once (PostgreSQL: the database coordinates them); SQLite runs one node.
        var collected = app.Provider == DatabaseProvider.Postgres
            ? (await Task.WhenAll(CollectAsync(), CollectAsync(), CollectAsync())).Sum()
            : await CollectAsync();

        collected.ShouldBeGreaterThanOrEqualTo(1);
        (await app.AuditAsync($"file:{orphan}")).Count(a => a.Action == "attachment.collected").ShouldBe(1, "one node collects it, once");
        (await ExistsAsync(orphan)).ShouldBeFalse("an upload nothing refers to, older than a day, is deleted");
        (await ExistsAsync(attached)).ShouldBeTrue("a dossier's file is kept");
        (await ExistsAsync(drafted)).ShouldBeTrue("a draft's file is kept");
        (await ExistsAsync(fresh)).ShouldBeTrue("a file uploaded less than a day ago is kept");
        var line = (await app.AuditAsync($"file:{orphan}")).Where(a => a.Action == "attachment.collected").ShouldHaveSingleItem();
        line.ActorName.ShouldBe("system");
        (await app.AuditAsync($"file:{attached}")).ShouldNotContain(a => a.Action == "attachment.collected");

        // A second sweep (or another node's) finds nothing more to do with it.
        await CollectAsync();
        (await app.AuditAsync($"file:{orphan}")).Count(a => a.Action == "attachment.collected").ShouldBe(1);

        // And a file of nobody's cannot be attached any more.
        var gone = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: orphan, idNumber: "001001000006"));
        gone.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<int> CollectAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CollectUnreferencedFiles>().RunAsync(CancellationToken.None);
    }

    private async Task<bool> ExistsAsync(string sha) => await app.Services.GetRequiredService<IFileStore>().ExistsAsync(sha, CancellationToken.None);

    private static string Sha(byte[] content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string token)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "giay-to.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/attachments") { Content = form };
        request.Headers.Add("X-Upload-Token", token);
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"UploadToken\" value=\"([^\"]+)\"")]
    private static partial Regex UploadToken();
}

[Collection("sqlite")]
public sealed class UploadOwnershipOnSqlite(SqliteApp fixture) : UploadOwnershipTests(fixture.App);

[Collection("postgres")]
public sealed class UploadOwnershipOnPostgres(PostgresApp fixture) : UploadOwnershipTests(fixture.App);
