using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Hosting;

/// <summary>
/// The whole app on a real 127.0.0.1 port with a real database (a fresh SQLite file or a fresh PostgreSQL
/// database), migrated and seeded exactly as `dotnet run` does. One per test collection: start-up costs seconds.
/// </summary>
public sealed partial class MotCuaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), $"motcua-test-{Guid.NewGuid():N}");
    private string? postgres;

    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly TimeProvider? time;

    /// <param name="https">
    /// Also listen with TLS (a self-signed certificate made for the run) and talk HTTPS: outside Development the app
    /// redirects plain HTTP and its cookies are Secure, as behind a center's TLS endpoint.
    /// </param>
    /// <param name="time">The app's clock (the <see cref="TimeProvider"/> every use case reads), e.g. a <see cref="ShiftedTime"/>; the system's by default.</param>
    public MotCuaApp(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null, bool https = false, TimeProvider? time = null)
    {
        Provider = provider;
        this.time = time;
        this.settings = settings ?? new Dictionary<string, string>();
        Https = https;
        if (https)
        {
            var certificate = SelfSignedCertificate();
            UseKestrel(o =>
            {
                o.Listen(System.Net.IPAddress.Loopback, 0);
                o.Listen(System.Net.IPAddress.Loopback, 0, l => l.UseHttps(certificate));
            });
        }
        else
        {
            UseKestrel(0);
        }
    }

    /// <summary>Another app instance on an existing PostgreSQL database (several nodes on one database).</summary>
    public MotCuaApp(string postgresConnection, IReadOnlyDictionary<string, string>? settings = null)
        : this(DatabaseProvider.Postgres, settings) => postgres = postgresConnection;

    public DatabaseProvider Provider { get; }

    /// <summary>What the app logged since it started (information level and above).</summary>
    public CapturedLogs Logs { get; } = new();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Uri, MotCuaApp> Running = new();

    /// <summary>The running app a client talks to (helpers that get only a client, e.g. to register a kiosk in its database).</summary>
    public static MotCuaApp For(HttpClient client) => Running[client.BaseAddress!];

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Whether the app listens with TLS too (<see cref="BaseAddress"/> is then its https address, <see cref="HttpAddress"/> the plain one).</summary>
    public bool Https { get; }

    /// <summary>The plain-HTTP address (the same as <see cref="BaseAddress"/> unless <see cref="Https"/>).</summary>
    public Uri HttpAddress { get; private set; } = null!;

    /// <summary>The app's data folder (SQLite file, stored files).</summary>
    public string DataDirectory => dataDirectory;

    /// <summary>The settings that point the console (`motcua`) at this app's database, in Development as the app runs.</summary>
    public IReadOnlyDictionary<string, string?> ConsoleSettings => new Dictionary<string, string?>
    {
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["MotCua:Database"] = Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite",
        ["MotCua:DataDirectory"] = dataDirectory,
        ["ConnectionStrings:Postgres"] = postgres,
    };

    public async Task InitializeAsync()
    {
        if (Provider == DatabaseProvider.Postgres && postgres is null)
        {
            postgres = await PostgresServer.CreateDatabaseAsync("motcua_test");
        }

        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal))).ToList();
        HttpAddress = addresses.First(a => a.Scheme == Uri.UriSchemeHttp);
        BaseAddress = Https ? addresses.First(a => a.Scheme == Uri.UriSchemeHttps) : HttpAddress;
        Running[BaseAddress] = this;
        Running[HttpAddress] = this;
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Dispose();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseSetting("MotCua:DataDirectory", dataDirectory);
        builder.UseSetting("MotCua:Database", Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite");
        if (postgres is not null)
        {
            builder.UseSetting("ConnectionStrings:Postgres", postgres);
        }

        // Every test of a collection talks from 127.0.0.1 to one shared app: the per-address limits would count
        // the whole suite as one visitor. Tests of the limits themselves set their own (RateLimitTests).
        builder.UseSetting("MotCua:RateLimits:LookupsPerMinute", "100000");
        builder.UseSetting("MotCua:RateLimits:WritesPerMinute", "100000");
        builder.UseSetting("MotCua:RateLimits:BookingsPerMinutePerAddress", "100000");
        builder.UseSetting("MotCua:RateLimits:BookingsPerMinutePerPerson", "100000");
        builder.UseSetting("MotCua:Queues:RemoteTicketsPerAddressPerDay", "100000");
        builder.UseSetting("MotCua:Queues:AnonymousRemoteTicketsPerPointPerDay", "100000");
        builder.UseSetting("MotCua:RateLimits:SignInsPerMinute", "100000");
        // The population registry is a separate HTTP server, as in a center (a test may point elsewhere, "" = the app's own simulator).
        builder.UseSetting("MotCua:Registry:BaseUrl", Simulators.Registry.ApiAddress.ToString());
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (time is not null)
        {
            Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, s => s.AddSingleton(time));
        }
    }

    /// <summary>A client with its own cookies, talking to the real port (and sending the API's cross-site proof, as the app's pages do).</summary>
    public HttpClient Client() => Http(new CookieContainer(), BaseAddress);

    /// <summary>A client with its own cookies that sends no <c>X-MotCua-Request</c> header: what another site can make a browser send.</summary>
    public HttpClient CrossSiteClient()
    {
        var client = Client();
        client.DefaultRequestHeaders.Remove(CrossSiteHeader);
        return client;
    }

    /// <summary>The header a script of the app sends with every API call that changes something (see CrossSiteRequests).</summary>
    public const string CrossSiteHeader = "X-MotCua-Request";

    /// <summary>
    /// THE one way tests make an HTTP client for an app: its own cookie jar (or a shared one), no automatic redirects, a
    /// certificate made for the test accepted, and the API's cross-site proof sent by default.
    /// </summary>
    public static HttpClient Http(CookieContainer? cookies, Uri baseAddress)
    {
        var handler = new HttpClientHandler
        {
            CookieContainer = cookies ?? new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        var client = new HttpClient(new ServerErrorsShown { InnerHandler = handler }) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add(CrossSiteHeader, "1");
        return client;
    }

    /// <summary>
    /// No test expects a 5xx: one fails the call with what the apps logged while it ran (the exception and its stack),
    /// so an intermittent server error in CI names its cause instead of only "500".
    /// </summary>
    private sealed class ServerErrorsShown : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var marks = CapturedLogs.MarkEveryApp();
            var response = await base.SendAsync(request, cancellationToken);
            // The error page itself answers 500 when asked for directly (the access matrix says so).
            if ((int)response.StatusCode < 500 || request.RequestUri?.AbsolutePath == "/error")
            {
                return response;
            }

            var errors = CapturedLogs.ErrorsOfEveryAppSince(marks);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"{(int)response.StatusCode} from {request.Method} {request.RequestUri}: {body}{Environment.NewLine}Logged meanwhile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}",
                null,
                response.StatusCode);
        }
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 SelfSignedCertificate()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=127.0.0.1", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        // Exported and loaded again: Kestrel on Linux needs a certificate whose key it can use (not an ephemeral in-memory one).
        return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
    }

    /// <summary>
    /// A client on another machine: its connections come from another loopback address (127.0.0.2, …), so per-address
    /// limits and lockouts see a different visitor.
    /// </summary>
    public HttpClient ClientFrom(string sourceAddress)
    {
        var source = IPAddress.Parse(sourceAddress);
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add(CrossSiteHeader, "1");
        return client;
    }

    /// <summary>A client signed in through the real sign-in page (form post with its antiforgery token).</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password = DemoStaff.Password)
    {
        var client = Client();
        var response = await SignInAsync(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)response.StatusCode}.");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var match = AntiforgeryToken().Match(page);
        var token = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The audit trail's lines about one subject, oldest first.</summary>
    public async Task<List<MotCua.Platform.Audit.AuditEntry>> AuditAsync(string subject)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEntries.Where(e => e.Subject == subject).OrderBy(e => e.At));
    }

    [GeneratedRegex("__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryToken();
}

/// <summary>
/// A settable clock for an app of its own (<see cref="MotCuaApp"/>'s <c>time</c>): the system's time moved by
/// <see cref="Shift"/>, so it keeps running (sign-in, sessions) while a test puts "now" where it needs it.
/// </summary>
public sealed class ShiftedTime : TimeProvider
{
    public TimeSpan Shift { get; set; }

    /// <summary>Moves "now" to <paramref name="instant"/> (it runs on from there).</summary>
    public void MoveTo(DateTimeOffset instant) => Shift = instant - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}

/// <summary>The app on SQLite, shared by the tests of the "sqlite" collection.</summary>
public sealed class SqliteApp() : IAsyncLifetime
{
    public MotCuaApp App { get; } = new(DatabaseProvider.Sqlite);

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>The app on PostgreSQL, shared by the tests of the "postgres" collection.</summary>
public sealed class PostgresApp() : IAsyncLifetime
{
    public MotCuaApp App { get; } = new(DatabaseProvider.Postgres);

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

[CollectionDefinition("sqlite")]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>;

[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>;
