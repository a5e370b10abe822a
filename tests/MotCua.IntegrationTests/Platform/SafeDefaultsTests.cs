using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using MotCua.IntegrationTests.Hosting;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Staff;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Web.Startup;

namespace MotCua.IntegrationTests.Platform;

/// <summary>Outside Development nothing demo runs: no demo staff, no bundled e-ID provider without its own keys, no default secrets, a public address and allowed hosts.</summary>
public sealed class SafeDefaultsTests
{
    private static readonly string RepoRoot = FindRoot();

    /// <summary>32 bytes in base64, as `openssl rand -base64 32` prints them.</summary>
    private static readonly string AuditKeyText = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Production_with_the_shipped_settings_names_every_setting_to_change()
    {
        var problems = SafeDefaults.Problems(Shipped(), Environment("Production"));

        problems.ShouldContain(p => p.StartsWith("MotCua:Identity:Authority is not set", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("MotCua:Center:PublicBaseUrl is not set", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("AllowedHosts is not set", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("MotCua:DataProtection:CertificatePath is not set", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("MotCua:Audit:CheckpointKey is not set", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("MotCua:Registry:BaseUrl is not set", StringComparison.Ordinal));
        problems.ShouldNotContain(p => p.Contains("DemoStaff", StringComparison.Ordinal), "the shipped settings create no demo staff");
        SafeDefaults.Message(Environment("Production"), problems).ShouldContain("refuses to start in the Production environment");
    }

    [Fact]
    public void Demo_staff_a_wildcard_host_and_the_bundled_provider_without_its_keys_are_refused_outside_Development()
    {
        var problems = SafeDefaults.Problems(
            Shipped(("MotCua:Seed:DemoStaff", "true"), ("AllowedHosts", "*"), ("MotCua:Identity:AllowBundledProvider", "true"), ("MotCua:Center:PublicBaseUrl", "https://dichvucong.hanoi.gov.vn")),
            Environment("Staging"));

        problems.ShouldContain(p => p.StartsWith("MotCua:Seed:DemoStaff is true", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("AllowedHosts is not set or is \"*\"", StringComparison.Ordinal));
        foreach (var key in new[] { "ClientSecret", "SubjectKey", "SigningCertificatePath" })
        {
            problems.ShouldContain(p => p.StartsWith($"MotCua:Identity:{key} is not set", StringComparison.Ordinal));
        }

        problems.ShouldNotContain(p => p.Contains("PublicBaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void A_configured_center_starts_and_Development_runs_the_demo()
    {
        SafeDefaults.Problems(Shipped(
            ("MotCua:Identity:Authority", "https://sso.dichvucong.gov.vn/"), ("MotCua:Identity:ClientSecret", "issued-by-the-portal"),
            ("MotCua:Center:PublicBaseUrl", "https://dichvucong.hanoi.gov.vn"), ("AllowedHosts", "dichvucong.hanoi.gov.vn"),
            ("MotCua:DataProtection:CertificatePath", "/etc/motcua/keys.pfx"), ("MotCua:Audit:CheckpointKey", AuditKeyText),
            ("MotCua:Registry:BaseUrl", "https://csdldancu.example.vn/api/")), Environment("Production"))
            .ShouldBeEmpty();
        SafeDefaults.Problems(Shipped(("MotCua:Identity:Authority", "https://sso.dichvucong.gov.vn/"), ("MotCua:Center:PublicBaseUrl", "https://x.vn"), ("AllowedHosts", "x.vn"),
            ("MotCua:DataProtection:CertificatePath", "/etc/motcua/keys.pfx"), ("MotCua:Audit:CheckpointKey", AuditKeyText), ("MotCua:Simulators:Enabled", "true")), Environment("Production"))
            .ShouldBe(["MotCua:Identity:ClientSecret is not set: the client secret the e-ID provider issued to this center."]);
        SafeDefaults.Problems(Shipped(("MotCua:Seed:DemoStaff", "true")), Environment("Development")).ShouldBeEmpty();
    }

    [Fact]
    public void Demo_kiosks_are_refused_outside_Development()
    {
        SafeDefaults.Problems(Shipped(("MotCua:Queues:DemoKiosks", "true")), Environment("Production"))
            .ShouldContain(p => p.StartsWith("MotCua:Queues:DemoKiosks is true", StringComparison.Ordinal));
        SafeDefaults.Problems(Shipped(), Environment("Production")).ShouldNotContain(p => p.Contains("DemoKiosks", StringComparison.Ordinal));
        SafeDefaults.Problems(Shipped(("MotCua:Queues:DemoKiosks", "true")), Environment("Development")).ShouldBeEmpty();
    }

    [Fact]
    public void The_audit_checkpoint_key_must_be_32_random_bytes_and_only_Development_may_go_without()
    {
        SafeDefaults.Problems(Shipped(("MotCua:Audit:CheckpointKey", "c2hvcnQ=")), Environment("Production"))
            .ShouldContain("MotCua:Audit:CheckpointKey is not 32 or more bytes in base64 (e.g. `openssl rand -base64 32`).");
        SafeDefaults.Problems(Shipped(("MotCua:Audit:CheckpointKey", "not base64!")), Environment("Development"))
            .ShouldBe(["MotCua:Audit:CheckpointKey is not 32 or more bytes in base64 (e.g. `openssl rand -base64 32`)."], "a key that is set must be real, even in Development");

        // The console has no host: its environment variables decide, and outside Development it refuses to go on without a key.
        Should.Throw<InvalidOperationException>(() => AuditKey.From(Shipped(), development: false)).Message.ShouldStartWith("MotCua:Audit:CheckpointKey is not set");
        AuditKey.From(Shipped(), development: true).IsDevelopmentKey.ShouldBeTrue();
        var key = AuditKey.From(Shipped(("MotCua:Audit:CheckpointKey", AuditKeyText)), development: false);
        key.IsDevelopmentKey.ShouldBeFalse();
        key.Id.ShouldNotBe(AuditKey.Development.Id);
    }

    [Fact]
    public void Outside_Development_the_public_address_is_https_and_forwarded_headers_come_from_listed_proxies_only()
    {
        var problems = SafeDefaults.Problems(Shipped(("MotCua:Center:PublicBaseUrl", "http://dichvucong.hanoi.gov.vn"), ("FORWARDEDHEADERS_ENABLED", "true")), Environment("Production"));
        problems.ShouldContain(p => p.StartsWith("MotCua:Center:PublicBaseUrl is not an https:// address", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("ASPNETCORE_FORWARDEDHEADERS_ENABLED is true", StringComparison.Ordinal));

        // A proxy that does not parse would silently not be trusted: refused everywhere, Development too.
        SafeDefaults.Problems(Shipped(("MotCua:ForwardedHeaders:KnownProxies", "10.0.0.5;proxy.local"), ("MotCua:ForwardedHeaders:KnownNetworks:0", "10.1.0.0/33")), Environment("Development"))
            .ShouldBe([
                "MotCua:ForwardedHeaders:KnownProxies \"proxy.local\" is not an IP address (KnownProxies) or a network in CIDR notation (KnownNetworks, e.g. 10.0.0.0/8).",
                "MotCua:ForwardedHeaders:KnownNetworks \"10.1.0.0/33\" is not an IP address (KnownProxies) or a network in CIDR notation (KnownNetworks, e.g. 10.0.0.0/8).",
            ]);
        SafeDefaults.Problems(Shipped(("MotCua:ForwardedHeaders:KnownProxies", "10.0.0.5, 10.0.0.6"), ("MotCua:ForwardedHeaders:KnownNetworks", "10.1.0.0/16")), Environment("Development"))
            .ShouldBeEmpty();
    }

    [Fact]
    public void The_web_app_refuses_to_start_in_Production_with_the_shipped_settings()
    {
        using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("MotCua:DataDirectory", Path.Combine(Path.GetTempPath(), $"motcua-refused-{Guid.NewGuid():N}"));
        });

        // The entry point prints the problems and returns before building a host.
        Should.Throw<Exception>(() => app.CreateClient()).Message.ShouldContain("entry point exited without ever building an IHost");
    }

    [Fact]
    public async Task A_pilot_outside_Development_has_no_demo_staff_and_does_not_publish_the_demo_citizens()
    {
        var keys = Path.Combine(Path.GetTempPath(), $"motcua-pilot-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=MotCua pilot e-ID", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: false));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(keys, certificate.Export(X509ContentType.Pfx, "pilot"));
        }

        var app = new MotCuaApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["environment"] = "Staging",
            ["MotCua:Seed:DemoStaff"] = "false",
            ["AllowedHosts"] = "127.0.0.1;localhost",
            ["MotCua:Center:PublicBaseUrl"] = "https://thu-nghiem.dichvucong.hanoi.gov.vn",
            ["MotCua:Identity:AllowBundledProvider"] = "true",
            ["MotCua:Identity:ClientSecret"] = "pilot-client-secret-0f3c",
            ["MotCua:Identity:SubjectKey"] = "pilot-subject-key-9a1e",
            ["MotCua:Identity:SigningCertificatePath"] = keys,
            ["MotCua:Identity:SigningCertificatePassword"] = "pilot",
            ["MotCua:DataProtection:CertificatePath"] = keys,
            ["MotCua:DataProtection:CertificatePassword"] = "pilot",
            ["MotCua:Audit:CheckpointKey"] = AuditKeyText,
            ["MotCua:Registry:BaseUrl"] = Simulators.Registry.ApiAddress.ToString(),
        }, https: true); // outside Development cookies are Secure and plain HTTP is redirected
        await app.InitializeAsync();
        try
        {
            var client = app.Client();
            (await MotCuaApp.SignInAsync(client, "admin", DemoStaff.Password)).StatusCode.ShouldNotBe(HttpStatusCode.Redirect, "no demo account outside Development");

            var signIn = await client.GetStringAsync("/connect/login");
            signIn.ShouldNotContain("001090000001");
            signIn.ShouldNotContain(DemoStaff.Password);

            // The pilot's e-ID provider sends codes to the center's public address only: no loopback redirect outside Development,
            // and PKCE with S256 only.
            var (_, challenge) = MotCua.IntegrationTests.Portal.CitizenFlow.Pkce();
            foreach (var (redirect, allowed) in new[]
            {
                (new Uri(app.BaseAddress, "/portal/signin-oidc").AbsoluteUri, false),
                ("http://localhost:5000/portal/signin-oidc", false),
                ("https://thu-nghiem.dichvucong.hanoi.gov.vn/portal/signin-oidc", true),
            })
            {
                var authorize = await client.GetAsync("/connect/authorize?client_id=motcua-portal&response_type=code&scope=openid"
                    + $"&redirect_uri={Uri.EscapeDataString(redirect)}&state=s&code_challenge={challenge}&code_challenge_method=S256");
                if (allowed)
                {
                    authorize.StatusCode.ShouldBe(HttpStatusCode.Redirect, redirect);
                    authorize.Headers.Location!.AbsolutePath.ShouldBe("/connect/login");
                }
                else
                {
                    authorize.StatusCode.ShouldBe(HttpStatusCode.BadRequest, redirect);
                    authorize.Headers.Location.ShouldBeNull();
                }
            }

            // The first administrator comes from `motcua staff add` (the same use case).
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var added = await scope.ServiceProvider.GetRequiredService<AddStaff>()
                    .RunAsync(new NewStaff("quantri", "Nguyễn Văn Quản Trị", "administrator", "TTPVHCC"), CancellationToken.None);
                added.Value!.Generated.ShouldBeTrue();
                added.Value.Password.Length.ShouldBe(20);
                // An administrator outside Development confirms the sign-in with an authenticator: enrolment at the first sign-in.
                var first = await MotCuaApp.SignInAsync(app.Client(), "quantri", added.Value.Password);
                first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                first.Headers.Location!.OriginalString.ShouldContain("/account/2fa?");

                var again = await scope.ServiceProvider.GetRequiredService<AddStaff>()
                    .RunAsync(new NewStaff("quantri", "Người khác", "Auditor", "TTPVHCC"), CancellationToken.None);
                again.Error!.Status.ShouldBe(409);
                var wrong = await scope.ServiceProvider.GetRequiredService<AddStaff>()
                    .RunAsync(new NewStaff("x y", "", "Boss", "NOPE"), CancellationToken.None);
                wrong.Errors.Select(e => e.Field).ShouldBe(["user", "name", "role", "unit"]);
            }

            (await app.AuditAsync("staff:quantri")).Count(e => e.Action == "staff.added").ShouldBe(1);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
            File.Delete(keys);
        }
    }

    private static IConfiguration Shipped(params (string Key, string? Value)[] overrides)
        => new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepoRoot, "src", "MotCua.Web", "appsettings.json"))
            .AddInMemoryCollection(overrides.Select(o => new KeyValuePair<string, string?>(o.Key, o.Value)))
            .Build();

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MotCua.slnx not found above the test's folder.");
    }
}
