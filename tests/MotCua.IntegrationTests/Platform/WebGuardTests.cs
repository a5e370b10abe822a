using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Platform;

/// <summary>
/// What every response tells the browser (CSP without inline scripts, nosniff, referrer policy, no framing, no-store on
/// personal data) and the proof a cookie-authenticated API call that changes state must carry: the header a script of
/// the app sends and, when the browser names one, the app's own origin. Another site's form or fetch changes nothing.
/// </summary>
public abstract class WebGuardTests(MotCuaApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/procedures")]
    [InlineData("/api/v1/units")]
    [InlineData("/app.css")]
    [InlineData("/khong-co-trang-nay")]
    [InlineData("/api/v1/tracking/khong-co")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = app.Client();
        using var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        directives["script-src"].ShouldBe("script-src 'self'", "no inline script, no outside script");
        directives["style-src"].ShouldBe("style-src 'self'");
        directives["frame-ancestors"].ShouldBe("frame-ancestors 'none'");
        directives["object-src"].ShouldBe("object-src 'none'");
        directives["base-uri"].ShouldBe("base-uri 'self'");
        directives["form-action"].ShouldStartWith("form-action 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Referrer-Policy").ShouldBe("strict-origin-when-cross-origin");
        Header(response, "X-Frame-Options").ShouldBe("DENY");
    }

    [Fact]
    public async Task The_API_reference_runs_its_own_script_by_a_fresh_nonce_and_loads_nothing_from_outside()
    {
        using var client = app.Client();
        var first = await client.GetAsync("/api-docs/");
        var second = await client.GetAsync("/api-docs/");
        var html = await first.Content.ReadAsStringAsync();

        var nonce = System.Text.RegularExpressions.Regex.Match(Header(first, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;
        nonce.ShouldNotBeEmpty();
        html.ShouldContain($"nonce=\"{nonce}\"");
        Header(second, "Content-Security-Policy").ShouldNotContain(nonce, Case.Sensitive, "a nonce is used once");
        Header(first, "Content-Security-Policy").ShouldContain("script-src 'self' 'nonce-");
        html.ShouldNotContain("https://", Case.Insensitive, "the bundle and its fonts are the app's own");
        (await client.GetAsync("/api-docs/scalar.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Personal_data_and_PDFs_are_never_stored_by_a_cache_public_data_may_be()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var code = await ReceiveAsync(officer);

        foreach (var path in new[] { "/api/v1/work", $"/api/v1/dossiers/{code}", $"/dossiers/{code}", "/api/v1/units" })
        {
            using var signedIn = await officer.GetAsync(path);
            signedIn.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            Header(signedIn, "Cache-Control").ShouldBe("no-store", path);
        }

        using var slip = await officer.GetAsync($"/api/v1/dossiers/{code}/slip");
        slip.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        Header(slip, "Cache-Control").ShouldBe("no-store");

        using var anonymous = app.Client();
        using var units = await anonymous.GetAsync("/api/v1/units");
        Header(units, "Cache-Control").ShouldNotBe("no-store", "public data, nobody's own");
        using var stylesheet = await officer.GetAsync("/app.css");
        Header(stylesheet, "Cache-Control").ShouldNotBe("no-store", "a static file is the same for everyone");
    }

    [Fact]
    public async Task Another_sites_request_without_the_header_opens_no_counter()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        // An officer is on duty at one counter at a time: another test of this app may have left her on duty.
        foreach (var held in (await officer.GetFromJsonAsync<JsonElement[]>("/api/v1/points/CN01/counters/"))!
            .Where(c => c.GetProperty("isOpen").GetBoolean() && c.GetProperty("officerUserName").GetString() == "tiepnhan"))
        {
            (await officer.PostAsJsonAsync($"/api/v1/points/CN01/counters/{held.GetProperty("number").GetInt32()}/close", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var counter = await ClosedCounterAsync(officer);

        // What a page of another site makes the officer's browser send: the cookie, no header, a bodyless POST.
        var crossSite = officer;
        crossSite.DefaultRequestHeaders.Remove(MotCuaApp.CrossSiteHeader);
        using var bodyless = await crossSite.PostAsync($"/api/v1/points/CN01/counters/{counter}/open", null);
        var problem = await ProblemAsync(bodyless, HttpStatusCode.Forbidden);
        problem.GetProperty("code").GetString().ShouldBe("csrf-header-missing");
        problem.GetProperty("detail").GetString()!.ShouldContain("X-MotCua-Request");
        bodyless.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var form = await crossSite.PostAsync($"/api/v1/points/CN01/counters/{counter}/open",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }));
        (await ProblemAsync(form, HttpStatusCode.Forbidden)).GetProperty("code").GetString().ShouldBe("csrf-header-missing");
        (await IsOpenAsync(officer, counter)).ShouldBeFalse("nothing was changed");
        officer.DefaultRequestHeaders.Add(MotCuaApp.CrossSiteHeader, "1");

        // With the header but called from another origin (a CORS-less fetch cannot set it; a misconfigured proxy could).
        using var foreign = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/points/CN01/counters/{counter}/open") { Content = JsonContent.Create(new { }) };
        foreign.Headers.Add("Origin", "https://ke-gia-mao.example");
        (await ProblemAsync(await officer.SendAsync(foreign), HttpStatusCode.Forbidden)).GetProperty("code").GetString().ShouldBe("csrf-origin-mismatch");
        using var nullOrigin = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/points/CN01/counters/{counter}/open") { Content = JsonContent.Create(new { }) };
        nullOrigin.Headers.Add("Origin", "null");
        (await officer.SendAsync(nullOrigin)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a sandboxed or file page says Origin: null");
        (await IsOpenAsync(officer, counter)).ShouldBeFalse("nothing was changed");

        // The app's own script: the header and its own origin.
        using var own = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/points/CN01/counters/{counter}/open") { Content = JsonContent.Create(new { }) };
        own.Headers.Add("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority));
        (await officer.SendAsync(own)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await IsOpenAsync(officer, counter)).ShouldBeTrue();
        (await officer.PostAsJsonAsync($"/api/v1/points/CN01/counters/{counter}/close", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_citizens_cookie_needs_the_proof_too_and_calls_without_a_sign_in_need_none()
    {
        var citizen = (await Portal.CitizenFlow.SignedInAsync(app)).Http;
        citizen.DefaultRequestHeaders.Remove(MotCuaApp.CrossSiteHeader);
        using var refused = await citizen.PostAsJsonAsync("/api/v1/me/tickets", new { point = "CN01", serviceGroup = "DD" });
        (await ProblemAsync(refused, HttpStatusCode.Forbidden)).GetProperty("code").GetString().ShouldBe("csrf-header-missing");

        // A kiosk or another program without a sign-in cookie carries no one's authority: nothing to forge.
        using var kiosk = app.CrossSiteClient();
        using var validation = await kiosk.PostAsJsonAsync($"/api/v1/forms/{Reception.BirthRegistration}/validation", new { values = new { } });
        validation.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden, await validation.Content.ReadAsStringAsync());
        ((int)validation.StatusCode).ShouldBeLessThan(500);

        // Reading needs no proof.
        (await citizen.GetAsync("/api/v1/me/dossiers")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_unless_a_proxy_is_configured()
    {
        // X-Forwarded-Proto from an unlisted sender does not make the request https: its https Origin is not the app's.
        using var officer = await app.SignedInAsync("tiepnhan");
        var counter = await ClosedCounterAsync(officer);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/points/CN01/counters/{counter}/open") { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("Origin", $"https://{app.BaseAddress.Authority}");
        (await officer.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await IsOpenAsync(officer, counter)).ShouldBeFalse();
    }

    internal static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";

    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<int> ClosedCounterAsync(HttpClient officer)
        => (await officer.GetFromJsonAsync<JsonElement[]>("/api/v1/points/CN01/counters/"))!
            .Where(c => !c.GetProperty("isOpen").GetBoolean()).Select(c => c.GetProperty("number").GetInt32()).Last();

    private static async Task<bool> IsOpenAsync(HttpClient officer, int counter)
        => (await officer.GetFromJsonAsync<JsonElement[]>("/api/v1/points/CN01/counters/"))!
            .Single(c => c.GetProperty("number").GetInt32() == counter).GetProperty("isOpen").GetBoolean();

    private static async Task<string> ReceiveAsync(HttpClient officer)
    {
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "to-khai.pdf");
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }
}

[Collection("sqlite")]
public sealed class WebGuardOnSqlite(SqliteApp fixture) : WebGuardTests(fixture.App);

[Collection("postgres")]
public sealed class WebGuardOnPostgres(PostgresApp fixture) : WebGuardTests(fixture.App);
