using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Integrations.EId;
using MotCua.Integrations.EId.Provider;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Identity;
using OpenIddict.Abstractions;

namespace MotCua.IntegrationTests.Portal;

/// <summary>
/// Citizens sign in with OpenID Connect through the identity provider the app bundles (no external provider is
/// configured in tests): real redirects, a real back-channel token request, their own cookie.
/// </summary>
public abstract class CitizenSignInTests(MotCuaApp app)
{
    private const string Huong = "001090000001";

    [Fact]
    public async Task The_discovery_document_lists_the_endpoints_of_the_code_flow_with_PKCE()
    {
        using var client = app.Client();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        var issuer = new Uri(discovery.GetProperty("issuer").GetString()!);
        issuer.Port.ShouldBe(app.BaseAddress.Port, "the issuer is the address the app listens on");
        Endpoint("authorization_endpoint").ShouldBe("/connect/authorize");
        Endpoint("token_endpoint").ShouldBe("/connect/token");
        Endpoint("userinfo_endpoint").ShouldBe("/connect/userinfo");
        Endpoint("end_session_endpoint").ShouldBe("/connect/endsession");
        Endpoint("jwks_uri").ShouldStartWith("/.well-known/jwks");
        Values("response_types_supported").ShouldContain("code");
        Values("grant_types_supported").ShouldContain("authorization_code");
        Values("code_challenge_methods_supported").ShouldBe(["S256"], "PKCE with S256 only");
        Values("scopes_supported").ShouldContain("vn_id");
        Values("claims_supported").ShouldContain("vn_id_number");
        Values("claims_supported").ShouldContain("acr");

        var keys = await client.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString());
        keys.GetProperty("keys").GetArrayLength().ShouldBeGreaterThan(0);

        string Endpoint(string name)
        {
            var uri = new Uri(discovery.GetProperty(name).GetString()!);
            uri.GetLeftPart(UriPartial.Authority).ShouldBe(issuer.GetLeftPart(UriPartial.Authority));
            return uri.AbsolutePath;
        }

        List<string?> Values(string name) => [.. discovery.GetProperty(name).EnumerateArray().Select(v => v.GetString())];
    }

    [Fact]
    public async Task A_citizen_signs_in_through_the_provider_and_comes_back_known()
    {
        using var browser = CitizenFlow.Browser(app);
        var client = browser.Http;
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The app sends the browser to the provider: code flow, PKCE, the app's callback on this very port.
        var login = await client.GetAsync("/portal/login?returnUrl=%2Ftra-cuu");
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = CitizenFlow.Query(login.Headers.Location!);
        request["client_id"].ShouldBe("motcua-portal");
        request["response_type"].ShouldBe("code");
        request["code_challenge_method"].ShouldBe("S256");
        request["scope"].Split(' ').ShouldContain("vn_id");
        request["redirect_uri"].ShouldBe(new Uri(app.BaseAddress, "/portal/signin-oidc").AbsoluteUri);
        request.ShouldContainKey("state");

        var page = (await client.GetAsync(login.Headers.Location)).Headers.Location!;
        page.AbsolutePath.ShouldBe("/connect/login");
        var callback = await CitizenFlow.CodeRedirectAsync(client, await CitizenFlow.SubmitAsync(client, page, Huong, CitizenFlow.Password));
        callback.AbsolutePath.ShouldBe("/portal/signin-oidc");
        var response = CitizenFlow.Query(callback);
        response["state"].ShouldBe(request["state"]);
        response["code"].ShouldNotBeNullOrEmpty();

        // The app redeems the code over HTTP, asks userinfo, and gives the citizen their cookie.
        var done = await client.GetAsync(callback);
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.OriginalString.ShouldBe("/tra-cuu");
        browser.HasCookie("motcua.citizen").ShouldBeTrue();

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("name").GetString().ShouldBe("Nguyễn Thị Hường");
        me.GetProperty("idNumber").GetString().ShouldBe("*********001");
        me.GetProperty("dateOfBirth").GetString().ShouldBe("1990-03-14");
        me.GetProperty("phone").GetString().ShouldBe("0912000001");
        me.GetProperty("address").GetString().ShouldBe("12 Phố Quán Thánh, Phường Ba Đình, Hà Nội");
        me.GetProperty("wardCode").GetString().ShouldBe("00004", "the population registry fills what the provider does not say");
        me.GetProperty("assuranceLevel").GetString().ShouldBe("vneid-level2");
        (await app.AuditAsync($"citizen:{Huong}")).ShouldContain(e => e.Action == "citizen.signed-in");

        // The layout greets the citizen by name.
        (await client.GetStringAsync("/")).ShouldContain("Nguyễn Thị Hường");
    }

    [Fact]
    public async Task The_provider_issues_tokens_with_the_citizen_claims_and_an_opaque_stable_subject()
    {
        using var browser = CitizenFlow.Browser(app);
        var client = browser.Http;
        var redirectUri = new Uri(app.BaseAddress, "/portal/signin-oidc").AbsoluteUri;

        Dictionary<string, string> lastRequest = [];
        var first = await TokensAsync(Huong, signIn: true);
        var firstRequest = lastRequest;
        var id = CitizenFlow.JwtPayload(first.GetProperty("id_token").GetString()!);
        var subject = id.GetProperty("sub").GetString()!;
        subject.ShouldNotContain(Huong);
        subject.Length.ShouldBeGreaterThanOrEqualTo(40);
        id.GetProperty("aud").ToString().ShouldContain("motcua-portal");
        id.GetProperty("name").GetString().ShouldBe("Nguyễn Thị Hường");
        id.GetProperty("birthdate").GetString().ShouldBe("1990-03-14");
        id.GetProperty("phone_number").GetString().ShouldBe("+84912000001");
        id.GetProperty("address").GetProperty("formatted").GetString().ShouldBe("12 Phố Quán Thánh, Phường Ba Đình, Hà Nội");
        id.GetProperty("vn_id_number").GetString().ShouldBe(Huong);
        id.GetProperty("acr").GetString().ShouldBe("vneid-level2");

        using var userInfo = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        userInfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", first.GetProperty("access_token").GetString());
        var info = await (await client.SendAsync(userInfo)).Content.ReadFromJsonAsync<JsonElement>();
        info.GetProperty("sub").GetString().ShouldBe(subject);
        info.GetProperty("name").GetString().ShouldBe("Nguyễn Thị Hường");
        info.GetProperty("vn_id_number").GetString().ShouldBe(Huong);
        info.GetProperty("phone_number").GetString().ShouldBe("+84912000001");
        info.GetProperty("address").GetProperty("formatted").GetString().ShouldStartWith("12 Phố Quán Thánh");
        (await client.GetAsync("/connect/userinfo")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "no access token, no answer");

        // A code is good once; redeemed again, it is refused and what it gave is revoked.
        var replay = await client.PostAsync("/connect/token", new FormUrlEncodedContent(firstRequest));
        replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().ShouldBe("invalid_grant");
        using var revoked = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        revoked.Headers.Authorization = new AuthenticationHeaderValue("Bearer", first.GetProperty("access_token").GetString());
        (await client.SendAsync(revoked)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // The provider remembers the citizen: the next authorization is immediate, with the same subject.
        var again = await TokensAsync(Huong, signIn: false);
        CitizenFlow.JwtPayload(again.GetProperty("id_token").GetString()!).GetProperty("sub").GetString().ShouldBe(subject);

        // Another citizen has another subject.
        using var other = CitizenFlow.Browser(app);
        client = other.Http;
        var tho = await TokensAsync("001049000005", signIn: true);
        var thoId = CitizenFlow.JwtPayload(tho.GetProperty("id_token").GetString()!);
        thoId.GetProperty("sub").GetString().ShouldNotBe(subject);
        thoId.GetProperty("name").GetString().ShouldBe("Hoàng Văn Thọ");

        async Task<JsonElement> TokensAsync(string idNumber, bool signIn)
        {
            var (verifier, challenge) = CitizenFlow.Pkce();
            var authorize = $"/connect/authorize?client_id=motcua-portal&response_type=code&scope=openid%20profile%20phone%20address%20vn_id"
                + $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&state=s{Guid.NewGuid():N}&nonce=n{Guid.NewGuid():N}"
                + $"&code_challenge={challenge}&code_challenge_method=S256";
            var answer = await client.GetAsync(authorize);
            answer.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var location = CitizenFlow.Absolute(client, answer.Headers.Location!);
            if (signIn)
            {
                location.AbsolutePath.ShouldBe("/connect/login");
                location = await CitizenFlow.CodeRedirectAsync(client, await CitizenFlow.SubmitAsync(client, location, idNumber, CitizenFlow.Password));
            }

            location.GetLeftPart(UriPartial.Path).ShouldBe(redirectUri);
            var code = CitizenFlow.Query(location)["code"];
            var form = new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = redirectUri,
                ["code_verifier"] = verifier,
                ["client_id"] = "motcua-portal",
                ["client_secret"] = CitizenIdentitySettings.DevelopmentClientSecret,
            };
            var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
            token.StatusCode.ShouldBe(HttpStatusCode.OK, await token.Content.ReadAsStringAsync());
            lastRequest = form;
            return await token.Content.ReadFromJsonAsync<JsonElement>();
        }
    }

    [Fact]
    public async Task The_provider_sends_codes_only_to_the_registered_callback()
    {
        using var client = app.Client();
        var (_, challenge) = CitizenFlow.Pkce();
        foreach (var redirect in new[] { "https://evil.example/portal/signin-oidc", new Uri(app.BaseAddress, "/somewhere-else").AbsoluteUri })
        {
            var answer = await client.GetAsync($"/connect/authorize?client_id=motcua-portal&response_type=code&scope=openid"
                + $"&redirect_uri={Uri.EscapeDataString(redirect)}&state=s&code_challenge={challenge}&code_challenge_method=S256");
            answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest, redirect);
            answer.Headers.Location.ShouldBeNull();
        }

        var withoutPkce = await client.GetAsync($"/connect/authorize?client_id=motcua-portal&response_type=code&scope=openid"
            + $"&redirect_uri={Uri.EscapeDataString(new Uri(app.BaseAddress, "/portal/signin-oidc").AbsoluteUri)}&state=s");
        withoutPkce.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "PKCE is required");
        withoutPkce.Headers.Location.ShouldBeNull();
        (await withoutPkce.Content.ReadAsStringAsync()).ShouldContain("code_challenge");

        // A "plain" challenge is the verifier itself: refused, S256 only.
        var plain = await client.GetAsync($"/connect/authorize?client_id=motcua-portal&response_type=code&scope=openid"
            + $"&redirect_uri={Uri.EscapeDataString(new Uri(app.BaseAddress, "/portal/signin-oidc").AbsoluteUri)}&state=s"
            + $"&code_challenge={challenge}&code_challenge_method=plain");
        plain.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "PKCE plain is refused");
        plain.Headers.Location.ShouldBeNull();
        (await plain.Content.ReadAsStringAsync()).ShouldContain("code_challenge_method");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_Vietnamese_and_signs_nobody_in()
    {
        using var browser = CitizenFlow.Browser(app);
        var client = browser.Http;
        var page = await CitizenFlow.StartAsync(client);

        var refused = await CitizenFlow.SubmitAsync(client, page, Huong, "MotCua@2025");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Số định danh cá nhân hoặc mật khẩu không đúng.");

        var unknown = await CitizenFlow.SubmitAsync(client, page, "001999999999", CitizenFlow.Password);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("Số định danh cá nhân hoặc mật khẩu không đúng.");

        var malformed = await CitizenFlow.SubmitAsync(client, page, "12345", CitizenFlow.Password);
        (await malformed.Content.ReadAsStringAsync()).ShouldContain("Số định danh cá nhân gồm đúng 12 chữ số.");

        browser.HasCookie("motcua.vneid", "/connect/authorize").ShouldBeFalse();
        browser.HasCookie("motcua.citizen").ShouldBeFalse();
        var stillAsked = await client.GetAsync(CitizenFlow.Query(page)["returnUrl"]);
        stillAsked.Headers.Location!.AbsolutePath.ShouldBe("/connect/login", "without a session the provider issues no code");
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Staff_and_citizens_do_not_pass_each_others_doors()
    {
        using var staff = await app.SignedInAsync("tiepnhan");
        (await staff.GetAsync("/api/v1/work")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await staff.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a staff member is not a signed-in citizen");

        using var citizen = await CitizenFlow.SignedInAsync(app);
        (await citizen.Http.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await citizen.Http.GetAsync("/api/v1/work")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        var workPage = await citizen.Http.GetAsync("/work");
        workPage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        workPage.Headers.Location!.AbsolutePath.ShouldBe("/account/login");

        // Both in one browser: each door sees only its own sign-in.
        (await MotCuaApp.SignInAsync(citizen.Http, "tiepnhan", MotCua.Organisation.Contracts.DemoStaff.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await citizen.Http.GetAsync("/api/v1/work")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await citizen.Http.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("name").GetString().ShouldBe("Nguyễn Thị Hường");
    }

    [Fact]
    public async Task A_tampered_or_missing_state_or_code_is_refused()
    {
        using var forged = CitizenFlow.Browser(app);
        Refused(await forged.Http.GetAsync("/portal/signin-oidc?code=abc&state=forged"), forged);
        Refused(await forged.Http.GetAsync("/portal/signin-oidc?code=abc"), forged);

        // A real code with a tampered copy of it: the token request fails, nobody is signed in.
        using var tampered = CitizenFlow.Browser(app);
        var callback = await CallbackAsync(tampered);
        var query = CitizenFlow.Query(callback);
        Refused(await tampered.Http.GetAsync($"/portal/signin-oidc?code={query["code"]}x&state={Uri.EscapeDataString(query["state"])}"), tampered);

        // A real code and state, replayed by another browser (login CSRF): no correlation cookie there.
        using var victim = CitizenFlow.Browser(app);
        using var thief = CitizenFlow.Browser(app);
        var stolen = await CallbackAsync(thief);
        Refused(await victim.Http.GetAsync(stolen), victim);

        // A real code without its state.
        using var stateless = CitizenFlow.Browser(app);
        var noState = await CallbackAsync(stateless);
        Refused(await stateless.Http.GetAsync($"/portal/signin-oidc?code={CitizenFlow.Query(noState)["code"]}"), stateless);

        (await forged.Http.GetStringAsync("/portal/login-failed")).ShouldContain("Đăng nhập không thành công");

        async Task<Uri> CallbackAsync(CitizenBrowser browser)
        {
            var page = await CitizenFlow.StartAsync(browser.Http);
            return await CitizenFlow.CodeRedirectAsync(browser.Http, await CitizenFlow.SubmitAsync(browser.Http, page, Huong, CitizenFlow.Password));
        }

        static void Refused(HttpResponseMessage response, CitizenBrowser browser)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            response.Headers.Location!.OriginalString.ShouldBe("/portal/login-failed");
            browser.HasCookie("motcua.citizen").ShouldBeFalse();
        }
    }

    [Fact]
    public async Task A_citizen_signs_out_here_and_at_the_provider()
    {
        using var browser = await CitizenFlow.SignedInAsync(app);
        var client = browser.Http;
        var home = await client.GetStringAsync("/");
        (await client.PostAsync("/portal/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" })))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest, "no antiforgery token, no sign-out");

        var logout = await client.PostAsync("/portal/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CitizenFlow.AntiforgeryToken(home),
            ["returnUrl"] = "/procedures",
        }));
        logout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var endSession = logout.Headers.Location!;
        endSession.AbsolutePath.ShouldBe("/connect/endsession");
        CitizenFlow.Query(endSession).ShouldContainKey("id_token_hint");
        browser.HasCookie("motcua.citizen").ShouldBeFalse();

        var back = await client.GetAsync(endSession);
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var signedOut = CitizenFlow.Absolute(client, back.Headers.Location!);
        signedOut.AbsolutePath.ShouldBe("/portal/signout-callback-oidc");
        var final = await client.GetAsync(signedOut);
        final.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        final.Headers.Location!.OriginalString.ShouldBe("/procedures");

        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        browser.HasCookie("motcua.vneid", "/connect/authorize").ShouldBeFalse("the provider forgot the citizen too");
        await CitizenFlow.StartAsync(client);
    }

    [Fact]
    public async Task Spent_provider_tokens_are_pruned_a_day_later()
    {
        using var scope = app.Services.CreateScope();
        var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        var now = DateTimeOffset.UtcNow;
        var old = await tokens.CreateAsync(new OpenIddictTokenDescriptor
        {
            CreationDate = now.AddDays(-2),
            ExpirationDate = now.AddDays(-2).AddMinutes(2),
            Status = OpenIddictConstants.Statuses.Redeemed,
            Subject = "pruning-test",
            Type = OpenIddictConstants.TokenTypeIdentifiers.Private.AuthorizationCode,
        });
        var fresh = await tokens.CreateAsync(new OpenIddictTokenDescriptor
        {
            CreationDate = now,
            ExpirationDate = now.AddMinutes(2),
            Status = OpenIddictConstants.Statuses.Redeemed,
            Subject = "pruning-test",
            Type = OpenIddictConstants.TokenTypeIdentifiers.Private.AuthorizationCode,
        });
        var oldId = await tokens.GetIdAsync(old);
        var freshId = await tokens.GetIdAsync(fresh);

        await using (var pruning = app.Services.CreateAsyncScope())
        {
            await pruning.ServiceProvider.GetRequiredService<PruneProviderTokens>().PruneAsync(CancellationToken.None);
        }

        using var after = app.Services.CreateScope();
        var remaining = after.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
        (await remaining.FindByIdAsync(oldId!)).ShouldBeNull();
        (await remaining.FindByIdAsync(freshId!)).ShouldNotBeNull();
    }
}

[Collection("sqlite")]
public sealed class CitizenSignInOnSqlite(SqliteApp fixture) : CitizenSignInTests(fixture.App);

[Collection("postgres")]
public sealed class CitizenSignInOnPostgres(PostgresApp fixture) : CitizenSignInTests(fixture.App);
