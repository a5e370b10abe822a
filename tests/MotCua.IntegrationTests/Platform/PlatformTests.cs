using System.Net;
using System.Text.Json;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Platform;

public abstract class PlatformTests(MotCuaApp app)
{
    [Fact]
    public async Task Health_endpoints_answer_once_the_database_is_migrated_and_seeded()
    {
        using var client = app.Client();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_v1_resources()
    {
        using var client = app.Client();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        paths.ShouldContain("/api/v1/procedures");
        paths.ShouldContain("/api/v1/procedures/{code}");
        paths.ShouldContain("/api/v1/units");
        paths.ShouldContain("/api/v1/branches");
        var docs = await client.GetAsync("/api-docs/");
        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await docs.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_Vietnamese_message_and_audited()
    {
        using var client = app.Client();
        var response = await MotCuaApp.SignInAsync(client, "giamdoc", "sai-mat-khau");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Tên đăng nhập hoặc mật khẩu không đúng.");
        (await app.AuditAsync("staff:giamdoc")).ShouldContain(e => e.Action == "staff.sign-in-failed");
    }

    [Fact]
    public async Task Signing_in_is_audited_and_shows_the_staff_name()
    {
        using var client = await app.SignedInAsync("thanhtra");
        var home = await client.GetStringAsync("/");

        home.ShouldContain("Đặng Văn Tâm");
        (await app.AuditAsync("staff:thanhtra")).ShouldContain(e => e.Action == "staff.signed-in");
    }

    [Fact]
    public async Task An_unknown_page_gets_a_friendly_Vietnamese_404_without_a_stack_trace()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/khong-co-trang-nay");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Không tìm thấy trang");
        html.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task An_admin_page_sends_anonymous_users_to_sign_in_and_refuses_other_roles()
    {
        using var anonymous = app.Client();
        var response = await anonymous.GetAsync("/admin/procedures/1.001193");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");

        using var officer = await app.SignedInAsync("tiepnhan");
        var denied = await officer.GetAsync("/admin/procedures/1.001193");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }

    [Fact]
    public async Task The_interface_switches_to_English_and_back()
    {
        using var client = app.Client();
        (await client.GetAsync("/culture?lang=en&returnUrl=/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync("/")).ShouldContain("Find an administrative procedure");

        var procedure = await client.GetStringAsync("/procedures/1.001193");
        procedure.ShouldContain("Required documents");
        procedure.ShouldContain("Channels, processing time and fees");
        (await client.GetStringAsync("/tra-cuu")).ShouldContain("Track a dossier");

        await client.GetAsync("/culture?lang=vi&returnUrl=/");
        (await client.GetStringAsync("/procedures/1.001193")).ShouldContain("Thành phần hồ sơ");
        (await client.GetStringAsync("/")).ShouldContain("Tìm thủ tục hành chính");
    }
}

[Collection("sqlite")]
public sealed class PlatformOnSqlite(SqliteApp fixture) : PlatformTests(fixture.App);

[Collection("postgres")]
public sealed class PlatformOnPostgres(PostgresApp fixture) : PlatformTests(fixture.App);
