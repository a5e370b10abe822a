using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Portal;

/// <summary>
/// A citizen's browser, step by step: every redirect of the OpenID Connect code flow is followed by hand so the
/// tests can look at (and tamper with) each one.
/// </summary>
public static partial class CitizenFlow
{
    public const string Password = "MotCua@2026";

    /// <summary>GET /portal/login → the provider's authorization endpoint → its sign-in page (the page's URI).</summary>
    public static async Task<Uri> StartAsync(HttpClient client, string returnUrl = "/")
    {
        var login = await client.GetAsync($"/portal/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var authorize = login.Headers.Location!;
        authorize.AbsolutePath.ShouldBe("/connect/authorize");

        var toSignIn = await client.GetAsync(authorize);
        toSignIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, "no provider session yet: the provider asks who you are");
        var page = toSignIn.Headers.Location!;
        page.AbsolutePath.ShouldBe("/connect/login");
        return page;
    }

    /// <summary>Fills the provider's sign-in page: the response to the form post.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, Uri page, string idNumber, string password)
    {
        var html = await client.GetStringAsync(page);
        html.ShouldContain("Đăng nhập bằng tài khoản định danh điện tử");
        return await client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(html),
            ["_handler"] = "vneid-login",
            ["Input.IdNumber"] = idNumber,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>After the sign-in page: back to the authorization endpoint, which answers with the code.</summary>
    public static async Task<Uri> CodeRedirectAsync(HttpClient client, HttpResponseMessage signedIn)
    {
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var authorize = Absolute(client, signedIn.Headers.Location!);
        authorize.AbsolutePath.ShouldBe("/connect/authorize");
        var withCode = await client.GetAsync(authorize);
        withCode.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return Absolute(client, withCode.Headers.Location!);
    }

    /// <summary>A client with its own cookie jar (to look into), not following redirects.</summary>
    public static CitizenBrowser Browser(MotCuaApp app)
    {
        var cookies = new CookieContainer();
        return new CitizenBrowser(MotCuaApp.Http(cookies, app.BaseAddress), cookies);
    }

    /// <summary>The whole flow: the client ends with the citizen cookie and is sent to <paramref name="returnUrl"/>.</summary>
    public static async Task<CitizenBrowser> SignedInAsync(MotCuaApp app, string idNumber = "001090000001", string returnUrl = "/")
    {
        var browser = Browser(app);
        var client = browser.Http;
        var page = await StartAsync(client, returnUrl);
        var callback = await CodeRedirectAsync(client, await SubmitAsync(client, page, idNumber, Password));
        callback.AbsolutePath.ShouldBe("/portal/signin-oidc");
        var done = await client.GetAsync(callback);
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        done.Headers.Location!.OriginalString.ShouldBe(returnUrl);
        browser.HasCookie("motcua.citizen").ShouldBeTrue();
        return browser;
    }

    public static Uri Absolute(HttpClient client, Uri location)
        => location.IsAbsoluteUri ? location : new Uri(client.BaseAddress!, location);

    public static Dictionary<string, string> Query(Uri uri)
        => QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    public static string AntiforgeryToken(string html)
    {
        var match = AntiforgeryPattern().Match(html);
        match.Success.ShouldBeTrue("the page has an antiforgery token");
        return match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
    }

    /// <summary>The claims of a JWT (its payload, not checked: the provider's own tests read what it wrote).</summary>
    public static JsonElement JwtPayload(string jwt)
    {
        var payload = jwt.Split('.')[1];
        return JsonSerializer.Deserialize<JsonElement>(WebEncoders.Base64UrlDecode(payload));
    }

    /// <summary>A PKCE pair: the verifier and its S256 challenge.</summary>
    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (verifier, WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    [GeneratedRegex("__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryPattern();
}

/// <summary>A citizen's browser: the HTTP client and its cookies.</summary>
public sealed class CitizenBrowser(HttpClient http, CookieContainer cookies) : IDisposable
{
    public HttpClient Http { get; } = http;

    public CookieContainer Cookies { get; } = cookies;

    /// <summary>Whether a cookie whose name starts with <paramref name="name"/> would be sent to <paramref name="path"/>.</summary>
    public bool HasCookie(string name, string path = "/")
        => Cookies.GetCookies(new Uri(Http.BaseAddress!, path)).Any(c => c.Name.StartsWith(name, StringComparison.Ordinal));

    public void Dispose() => Http.Dispose();
}
