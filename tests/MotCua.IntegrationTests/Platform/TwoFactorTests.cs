using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Staff;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;
using OtpNet;

namespace MotCua.IntegrationTests.Platform;

/// <summary>The app as outside Development: two-step verification required of administrators and leaders.</summary>
public sealed class TwoFactorRequiredApp : IAsyncLifetime
{
    public MotCuaApp App { get; } = new(DatabaseProvider.Sqlite, new Dictionary<string, string> { [TwoFactorPolicy.Setting] = "required" });

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>
/// Administrators and leaders confirm their sign-in with a code from an authenticator app (TOTP, computed here with
/// Otp.NET from the secret the page shows): enrolment at the first sign-in, one use per code, recovery by another administrator.
/// </summary>
public sealed partial class TwoFactorTests(TwoFactorRequiredApp fixture) : IClassFixture<TwoFactorRequiredApp>
{
    private MotCuaApp App => fixture.App;

    [Fact]
    public async Task A_new_leader_enrols_at_the_first_sign_in_then_confirms_every_sign_in_with_a_fresh_code()
    {
        var leader = await AddStaffAsync(StaffRoles.UnitLeader);
        using var client = App.Client();
        var signIn = await MotCuaApp.SignInAsync(client, leader, DemoStaff.Password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldContain("/account/2fa?");
        (await client.GetAsync("/api/v1/book")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a password alone does not sign a leader in");

        var page = await client.GetStringAsync(signIn.Headers.Location);
        var secret = Secret(page);
        page.ShouldContain("otpauth://totp/");
        page.ShouldContain($"secret={secret}");
        page.ShouldContain("<svg", Case.Sensitive, "a QR code to scan");

        var wrong = await PostCodeAsync(client, page, Code(secret, DateTime.UtcNow.AddMinutes(-10)));
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("Mã xác thực không đúng hoặc đã được dùng.");

        var code = Code(secret, DateTime.UtcNow);
        var done = await PostCodeAsync(client, page, code);
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.AbsolutePath.ShouldBe("/");
        (await client.GetAsync("/api/v1/book")).StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);
        (await App.AuditAsync($"staff:{leader}")).ShouldContain(e => e.Action == "staff.2fa-enrolled");

        // The next sign-in asks for a code, shows no secret, and refuses the code already used.
        using var again = App.Client();
        var second = await MotCuaApp.SignInAsync(again, leader, DemoStaff.Password);
        second.Headers.Location!.OriginalString.ShouldContain("/account/2fa?");
        var codePage = await again.GetStringAsync(second.Headers.Location);
        codePage.ShouldNotContain(secret);
        (await PostCodeAsync(again, codePage, code)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a code is used once");
        (await PostCodeAsync(again, codePage, Code(secret, DateTime.UtcNow.AddSeconds(30)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await again.GetAsync("/api/v1/book")).StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_demo_administrator_must_enrol_where_it_is_required_and_an_officer_signs_in_with_a_password()
    {
        using var admin = App.Client();
        (await MotCuaApp.SignInAsync(admin, "admin", DemoStaff.Password)).Headers.Location!.OriginalString.ShouldContain("/account/2fa?");
        using var officer = App.Client();
        (await MotCuaApp.SignInAsync(officer, "tiepnhan", DemoStaff.Password)).Headers.Location!.AbsolutePath.ShouldBe("/");

        // Without a correct password first, the code page sends back to the sign-in.
        var anonymous = await App.Client().GetAsync("/account/2fa");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.OriginalString.ShouldContain("/account/login");
    }

    [Fact]
    public async Task After_an_administrator_resets_a_lost_authenticator_the_old_one_is_useless_and_the_leader_enrols_again()
    {
        var leader = await AddStaffAsync(StaffRoles.CenterDirector);
        var (leaderClient, oldSecret) = await EnrolAsync(leader);
        var (admin, _) = await EnrolAsync(await AddStaffAsync(StaffRoles.Administrator));

        (await admin.PostAsJsonAsync($"/api/v1/staff/{leader}/two-factor/reset", new { reason = "Mất điện thoại" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await leaderClient.GetAsync("/api/v1/book")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the leader's session ended");

        using var client = App.Client();
        var signIn = await MotCuaApp.SignInAsync(client, leader, DemoStaff.Password);
        var page = await client.GetStringAsync(signIn.Headers.Location);
        var newSecret = Secret(page);
        newSecret.ShouldNotBe(oldSecret);
        (await PostCodeAsync(client, page, Code(oldSecret, DateTime.UtcNow.AddSeconds(30)))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostCodeAsync(client, page, Code(newSecret, DateTime.UtcNow))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    /// <summary>Signs in and enrols: the signed-in client and the secret.</summary>
    private async Task<(HttpClient Client, string Secret)> EnrolAsync(string userName)
    {
        var client = App.Client();
        var signIn = await MotCuaApp.SignInAsync(client, userName, DemoStaff.Password);
        var page = await client.GetStringAsync(signIn.Headers.Location);
        var secret = Secret(page);
        (await PostCodeAsync(client, page, Code(secret, DateTime.UtcNow))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (client, secret);
    }

    /// <summary>A new account through `motcua staff add`'s use case, in the center, with the demo password.</summary>
    private async Task<string> AddStaffAsync(string role)
    {
        var userName = $"ld{Guid.NewGuid():N}"[..14];
        await using var scope = App.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<AddStaff>()
            .RunAsync(new NewStaff(userName, "Lãnh đạo thử nghiệm", role, DemoStaff.CenterCode, DemoStaff.Password), CancellationToken.None);
        added.Succeeded.ShouldBeTrue();
        return userName;
    }

    /// <summary>The authenticator app's code at <paramref name="at"/>.</summary>
    private static string Code(string secret, DateTime at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at);

    private static string Secret(string page)
    {
        var match = SecretPattern().Match(page);
        match.Success.ShouldBeTrue("the enrolment page shows the secret");
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string page, string code)
        => client.PostAsync("/account/2fa?returnUrl=%2F", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CitizenFlow.AntiforgeryToken(page),
            ["_handler"] = "two-factor",
            ["Input.Code"] = code,
        }));

    [GeneratedRegex("<code id=\"totp-secret\">([A-Z2-7 ]+)</code>")]
    private static partial Regex SecretPattern();
}
