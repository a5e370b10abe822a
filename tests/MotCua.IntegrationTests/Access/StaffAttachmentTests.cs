using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.HostileInput;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;

namespace MotCua.IntegrationTests.Access;

/// <summary>
/// An officer attaches only what they scanned or uploaded themself: a citizen's private upload or another officer's
/// file, known by its SHA-256, is refused at the counter and at the desk (403, nothing stored) — the same wall the
/// citizens' filing has.
/// </summary>
public abstract class StaffAttachmentTests(MotCuaApp app)
{
    [Fact]
    public async Task A_citizens_private_upload_or_another_officers_scan_cannot_be_received_by_its_hash()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        using var otherOfficer = await app.SignedInAsync("tiepnhan2");
        using var citizen = await CitizenFlow.SignedInAsync(app, "001090000001");
        var citizens = await Reception.UploadAsync(citizen.Http, Reception.PdfWith("giay-to-rieng-" + Guid.NewGuid()), "cccd.pdf");
        var others = await Reception.UploadAsync(otherOfficer, Reception.PdfWith("quet-" + Guid.NewGuid()), "to-khai.pdf");

        foreach (var sha in new[] { citizens, others })
        {
            var before = await DatabaseSnapshot.TakeAsync(app);
            var refused = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha));
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, await refused.Content.ReadAsStringAsync());
            (await refused.Content.ReadAsStringAsync()).ShouldContain("không phải tệp bạn đã quét hoặc tải lên");
            (await DatabaseSnapshot.TakeAsync(app)).ShouldBe(before);
        }

        // Their own scan goes through; the same file can then be given again at the desk for this dossier.
        var own = await Reception.UploadAsync(officer, Reception.PdfWith("cua-toi-" + Guid.NewGuid()), "to-khai.pdf");
        var received = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: own));
        received.StatusCode.ShouldBe(HttpStatusCode.Created, await received.Content.ReadAsStringAsync());
        var code = (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var detail = await officer.GetFromJsonAsync<JsonObject>($"/api/v1/dossiers/{code}");
        detail!.ToJsonString().ShouldContain(own);
        detail.ToJsonString().ShouldNotContain(citizens);
    }
}

[Collection("sqlite")]
public sealed class StaffAttachmentOnSqlite(SqliteApp fixture) : StaffAttachmentTests(fixture.App);

[Collection("postgres")]
public sealed class StaffAttachmentOnPostgres(PostgresApp fixture) : StaffAttachmentTests(fixture.App);
