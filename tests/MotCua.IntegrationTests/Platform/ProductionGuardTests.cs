using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Platform;

/// <summary>
/// A center outside Development (Staging, with its own keys) behind a reverse proxy at 127.0.0.1, listening with TLS
/// and plain HTTP, public lookups limited to 3 a minute per client address.
/// </summary>
public sealed class BehindAProxyApp : IAsyncLifetime
{
    private readonly string keys = Path.Combine(Path.GetTempPath(), $"motcua-proxy-{Guid.NewGuid():N}.pfx");

    public BehindAProxyApp()
    {
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=MotCua staging", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: false));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(keys, certificate.Export(X509ContentType.Pfx, "staging"));
        }

        App = new MotCuaApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["environment"] = "Staging",
            ["MotCua:Seed:DemoStaff"] = "false",
            ["AllowedHosts"] = "127.0.0.1;motcua.test",
            ["MotCua:Center:PublicBaseUrl"] = "https://motcua.test",
            ["MotCua:Identity:AllowBundledProvider"] = "true",
            ["MotCua:Identity:ClientSecret"] = "staging-client-secret-5b1d",
            ["MotCua:Identity:SubjectKey"] = "staging-subject-key-77c2",
            ["MotCua:Identity:SigningCertificatePath"] = keys,
            ["MotCua:Identity:SigningCertificatePassword"] = "staging",
            ["MotCua:DataProtection:CertificatePath"] = keys,
            ["MotCua:DataProtection:CertificatePassword"] = "staging",
            ["MotCua:Audit:CheckpointKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["MotCua:ForwardedHeaders:KnownProxies"] = "127.0.0.1",
            ["MotCua:RateLimits:LookupsPerMinute"] = "3",
        }, https: true);
    }

    public MotCuaApp App { get; }

    public Task InitializeAsync() => App.InitializeAsync();

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        File.Delete(keys);
    }
}

/// <summary>Outside Development: HTTPS only (redirect, HSTS), Secure cookies, the client's address from the configured proxy.</summary>
public sealed class ProductionGuardTests(BehindAProxyApp fixture) : IClassFixture<BehindAProxyApp>
{
    private readonly MotCuaApp app = fixture.App;

    [Fact]
    public async Task Plain_HTTP_is_redirected_to_HTTPS_and_HTTPS_answers_carry_HSTS()
    {
        using var plain = MotCuaApp.Http(null, app.HttpAddress);
        using var redirected = await plain.GetAsync("/procedures");
        ((int)redirected.StatusCode).ShouldBeOneOf(307, 308);
        redirected.Headers.Location!.Scheme.ShouldBe("https");

        using var client = app.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/procedures");
        request.Headers.Host = "motcua.test"; // HSTS is never sent to localhost or 127.0.0.1
        using var secure = await client.SendAsync(request);
        secure.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebGuardTests.Header(secure, "Strict-Transport-Security").ShouldStartWith("max-age=31536000");
    }

    [Fact]
    public async Task Every_cookie_is_Secure()
    {
        using var client = app.Client();
        using var page = await client.GetAsync("/account/login");
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldNotBeEmpty("the sign-in page sets its antiforgery cookie");
        cookies.ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));

        using var culture = await client.GetAsync("/culture?lang=en&returnUrl=/");
        culture.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Each_client_behind_the_configured_proxy_has_its_own_rate_limit()
    {
        using var client = app.Client();
        for (var i = 0; i < 3; i++)
        {
            (await LookupAsync(client, "203.0.113.7")).ShouldBe(HttpStatusCode.NotFound);
        }

        (await LookupAsync(client, "203.0.113.7")).ShouldBe(HttpStatusCode.TooManyRequests);
        (await LookupAsync(client, "198.51.100.20")).ShouldBe(HttpStatusCode.NotFound, "another citizen behind the same proxy is not refused");
    }

    private static async Task<HttpStatusCode> LookupAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tracking/000.00.01.H26-010101-0001");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
