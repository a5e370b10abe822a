using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Identity;

namespace MotCua.IntegrationTests.Platform;

/// <summary>
/// Sign-out ends the session on the server (a replayed copy of the cookie is refused afterwards), and the sign-in
/// lockout counts per user name AND address: a stranger cannot lock an officer out, and cannot tell which names exist.
/// </summary>
public abstract partial class SignInSecurityTests(MotCuaApp app)
{
    [Fact]
    public async Task A_staff_cookie_replayed_after_sign_out_is_refused()
    {
        var (client, cookies) = Browser();
        (await MotCuaApp.SignInAsync(client, "tiepnhan", DemoStaff.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stolen = cookies.GetCookieHeader(app.BaseAddress);
        stolen.ShouldContain("motcua.staff=");

        using var replay = Replay(stolen);
        (await replay.GetAsync("/api/v1/book")).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session is open");

        var home = await client.GetStringAsync("/staff");
        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CitizenFlow.AntiforgeryToken(home),
            ["returnUrl"] = "/",
        }));
        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await replay.GetAsync("/api/v1/book")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "signed out on the server: the copy is dead");
        var page = await replay.GetAsync("/dossiers/book");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.OriginalString.ShouldContain("/account/login");
    }

    [Fact]
    public async Task A_citizen_cookie_replayed_after_sign_out_is_refused_and_the_provider_forgot_the_citizen()
    {
        using var browser = await CitizenFlow.SignedInAsync(app, "001085000002");
        var client = browser.Http;
        var stolen = browser.Cookies.GetCookieHeader(app.BaseAddress);
        var stolenProvider = browser.Cookies.GetCookies(new Uri(app.BaseAddress, "/connect/authorize")).Single(c => c.Name == "motcua.vneid");
        using var replay = Replay(stolen);
        (await replay.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var home = await client.GetStringAsync("/");
        var logout = await client.PostAsync("/portal/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CitizenFlow.AntiforgeryToken(home),
            ["returnUrl"] = "/",
        }));
        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync(logout.Headers.Location!)).StatusCode.ShouldBe(HttpStatusCode.Redirect); // the provider's end-session

        (await replay.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "signed out on the server: the copy is dead");

        // The provider's own session cookie, replayed, no longer gets a code without the password.
        var (thief, jar) = Browser();
        jar.Add(new Cookie(stolenProvider.Name, stolenProvider.Value, stolenProvider.Path, stolenProvider.Domain));
        await CitizenFlow.StartAsync(thief);
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_address_block_that_name_there_only_and_say_nothing_about_which_names_exist()
    {
        var officer = await NewStaffAsync(StaffRoles.ReceptionOfficer);
        var stranger = app.Client();
        var unknown = $"khongco{Guid.NewGuid():N}"[..16];

        // The refusals are the same for a real name with a wrong password and a name that does not exist.
        for (var i = 1; i <= StaffSignIn.MaxFailures; i++)
        {
            var (realStatus, realMessage) = await AttemptAsync(stranger, officer, "sai-mat-khau");
            var (ghostStatus, ghostMessage) = await AttemptAsync(stranger, unknown, "sai-mat-khau");
            realStatus.ShouldBe(ghostStatus, $"attempt {i}");
            realMessage.ShouldBe(ghostMessage, $"attempt {i}");
            if (i < StaffSignIn.MaxFailures)
            {
                realStatus.ShouldBe(HttpStatusCode.BadRequest);
                realMessage.ShouldBe("Tên đăng nhập hoặc mật khẩu không đúng.");
            }
            else
            {
                realStatus.ShouldBe(HttpStatusCode.TooManyRequests);
                realMessage.ShouldStartWith("Đã nhập sai nhiều lần");
            }
        }

        // From the stranger's address the name is blocked, even with the right password …
        (await AttemptAsync(stranger, officer, DemoStaff.Password)).Status.ShouldBe(HttpStatusCode.TooManyRequests);

        // … while the officer at the counter (another address) signs in as usual.
        var counter = app.ClientFrom("127.0.0.2");
        (await MotCuaApp.SignInAsync(counter, officer, DemoStaff.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await counter.GetAsync("/api/v1/book")).StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);

        var audit = await app.AuditAsync($"staff:{officer}");
        audit.Count(e => e.Action == "staff.sign-in-failed").ShouldBe(StaffSignIn.MaxFailures + 1);
        audit.ShouldContain(e => e.Action == "staff.signed-in" && e.RemoteAddress == "127.0.0.2");
    }

    [Fact]
    public async Task An_administrator_resets_another_officers_two_factor_and_ends_their_sessions()
    {
        var officer = await NewStaffAsync(StaffRoles.BranchManager);
        var (client, cookies) = Browser();
        (await MotCuaApp.SignInAsync(client, officer, DemoStaff.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var replay = Replay(cookies.GetCookieHeader(app.BaseAddress));
        (await replay.GetAsync("/api/v1/book")).StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized, "signed in");

        using var admin = await app.SignedInAsync("admin");
        using var clerk = await app.SignedInAsync("tiepnhan");
        var url = $"/api/v1/staff/{officer}/two-factor/reset";
        (await clerk.PostAsJsonAsync(url, new { reason = "Mất điện thoại" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noReason = await admin.PostAsJsonAsync(url, new { reason = " " });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("lý do");
        (await admin.PostAsJsonAsync("/api/v1/staff/admin/two-factor/reset", new { reason = "Tự đặt lại" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync("/api/v1/staff/khong-co-ai/two-factor/reset", new { reason = "Mất điện thoại" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await admin.PostAsJsonAsync(url, new { reason = "Mất điện thoại, theo phiếu yêu cầu 15/2026" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await replay.GetAsync("/api/v1/book")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the account's sessions ended");
        var line = (await app.AuditAsync($"staff:{officer}")).Single(e => e.Action == "staff.2fa-reset");
        line.ActorName.ShouldBe("admin");
        line.Details.ShouldNotBeNull().ShouldContain("Mất điện thoại, theo phiếu yêu cầu 15/2026");
    }

    private async Task<(HttpStatusCode Status, string Message)> AttemptAsync(HttpClient client, string userName, string password)
    {
        var response = await MotCuaApp.SignInAsync(client, userName, password);
        var html = await response.Content.ReadAsStringAsync();
        var message = ErrorSummary().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";
        return (response.StatusCode, message);
    }

    /// <summary>A new staff account (the demo accounts are shared by the whole suite) with the demo password.</summary>
    private async Task<string> NewStaffAsync(string role)
    {
        var userName = $"cb{Guid.NewGuid():N}"[..14];
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = userName, FullName = "Cán bộ thử nghiệm" };
        (await users.CreateAsync(user, DemoStaff.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return userName;
    }

    private (HttpClient Client, CookieContainer Cookies) Browser()
    {
        var cookies = new CookieContainer();
        return (new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress }, cookies);
    }

    /// <summary>Another machine sending a copy of the cookies.</summary>
    private HttpClient Replay(string cookieHeader)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", cookieHeader);
        return client;
    }

    [GeneratedRegex("<div class=\"error-summary\" role=\"alert\">([^<]*)</div>")]
    private static partial Regex ErrorSummary();
}

[Collection("sqlite")]
public sealed class SignInSecurityOnSqlite(SqliteApp fixture) : SignInSecurityTests(fixture.App);

[Collection("postgres")]
public sealed class SignInSecurityOnPostgres(PostgresApp fixture) : SignInSecurityTests(fixture.App);
