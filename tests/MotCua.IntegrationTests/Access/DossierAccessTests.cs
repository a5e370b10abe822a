using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Access;

/// <summary>
/// The holes the security review found, one by one: a fee receipt, a supplement, a withdrawal or a return by
/// post recorded by someone with no business with the dossier, and personal data read by walking the codes.
/// </summary>
public abstract class DossierAccessTests(MotCuaApp app)
{
    [Theory]
    [InlineData("thanhtra")]
    [InlineData("congan")]
    [InlineData("tiepnhan2")]
    [InlineData("quanly2")]
    [InlineData("admin")]
    public async Task Nobody_outside_the_receiving_desk_records_a_payment_a_supplement_a_withdrawal_or_a_return(string user)
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        using var stranger = await app.SignedInAsync(user);
        var code = await ReceiveAsync(officer);
        (await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/financial-obligations", new { amount = 8000, description = "Lệ phí" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "bo-sung.pdf");

        var payment = await stranger.PostAsJsonAsync($"/api/v1/dossiers/{code}/payments", new { receipt = "BL-0001" });
        payment.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await payment.Content.ReadAsStringAsync()).ShouldContain("không");
        (await stranger.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { attachments = new[] { new { sha256 = sha, fileName = "a.pdf" } } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await stranger.PostAsJsonAsync($"/api/v1/dossiers/{code}/withdrawals", new { reason = "Người nộp xin rút" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await stranger.PostAsJsonAsync($"/api/v1/dossiers/{code}/returns", new { channel = "Post", to = "Owner", recipientName = "X", postAddress = "Số 1 phố Y" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var after = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        after.GetProperty("version").GetInt32().ShouldBe(before.GetProperty("version").GetInt32(), "nothing changed");
        after.GetProperty("status").GetString().ShouldBe("financial-obligation-requested");

        // The receiving desk does it.
        (await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/payments", new { receipt = "BL-0001" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("tiepnhan2")]
    [InlineData("chuyenvien2")]
    [InlineData("congan")]
    [InlineData("admin")]
    public async Task Staff_of_another_unit_cannot_read_the_dossier_by_its_code(string user)
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        using var stranger = await app.SignedInAsync(user);
        var code = await ReceiveAsync(officer);

        foreach (var path in new[] { $"/api/v1/dossiers/{code}", $"/api/v1/dossiers/{code}/slip", $"/api/v1/dossiers/{code}/clock", $"/api/v1/dossiers/{code}/control-sheet" })
        {
            var answer = await stranger.GetAsync(path);
            answer.StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            (await answer.Content.ReadAsStringAsync()).ShouldNotContain("Nguyễn Thị Hường");
        }

        var page = await stranger.GetAsync($"/dossiers/{code}");
        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Không có quyền xem hồ sơ");
        html.ShouldNotContain("Nguyễn Thị Hường");
        (await app.AuditAsync($"dossier:{code}")).ShouldNotContain(a => a.ActorName == user && a.Kind == MotCua.Platform.Audit.AuditKind.Read);
    }

    [Fact]
    public async Task The_auditor_reads_any_dossier_only_with_a_reason_that_the_audit_trail_keeps()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        using var auditor = await app.SignedInAsync("thanhtra");
        var code = await ReceiveAsync(officer);

        var noReason = await auditor.GetAsync($"/api/v1/dossiers/{code}");
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("lý do");
        var page = await auditor.GetStringAsync($"/dossiers/{code}");
        page.ShouldContain("Lý do xem hồ sơ");
        page.ShouldNotContain("Nguyễn Thị Hường");

        var reason = "Thanh tra theo Quyết định 15/QĐ-TTr ngày 01/12/2026";
        var read = await auditor.GetAsync($"/api/v1/dossiers/{code}?reason={Uri.EscapeDataString(reason)}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.GetStringAsync($"/dossiers/{code}?reason={Uri.EscapeDataString(reason)}")).ShouldContain("Nguyễn Thị Hường");
        var lines = await app.AuditAsync($"dossier:{code}");
        lines.Count(a => a.ActorName == "thanhtra" && a.Kind == MotCua.Platform.Audit.AuditKind.Read && a.Details == $"Lý do: {reason}").ShouldBe(2);

        // Reading is all an auditor does.
        (await auditor.PostAsJsonAsync($"/api/v1/dossiers/{code}/withdrawals", new { reason = "Thử" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<string> ReceiveAsync(HttpClient officer)
    {
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "to-khai.pdf");
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }
}

[Collection("sqlite")]
public sealed class DossierAccessOnSqlite(SqliteApp fixture) : DossierAccessTests(fixture.App);

[Collection("postgres")]
public sealed class DossierAccessOnPostgres(PostgresApp fixture) : DossierAccessTests(fixture.App);
