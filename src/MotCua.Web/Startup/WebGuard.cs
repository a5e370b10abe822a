using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using MotCua.Platform;
using MotCua.Platform.Errors;

namespace MotCua.Web.Startup;

/// <summary>
/// What the browser is told and what it must prove, on every response and every request: the security headers (CSP
/// without inline scripts, nosniff, referrer policy, no framing), <c>Cache-Control: no-store</c> on personal data, HSTS
/// and HTTPS outside Development, <c>Secure</c> cookies, forwarded headers from the configured proxies only, and the
/// proof a cookie-authenticated API call that changes state must carry (<see cref="CrossSiteRequests"/>).
/// </summary>
internal static class WebGuard
{
    /// <summary><c>MotCua:ForwardedHeaders:KnownProxies</c> (addresses) and <c>KnownNetworks</c> (CIDR): the only senders whose X-Forwarded-For/-Proto count.</summary>
    public const string ForwardedHeadersSection = "MotCua:ForwardedHeaders";

    public static void AddWebGuard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();

        // Every cookie the app sets (sign-in, antiforgery, OIDC correlation, culture) is Secure outside Development.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.HttpOnly = HttpOnlyPolicy.None; // each cookie says so itself (the sign-in cookies are HttpOnly)
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            var (proxies, networks, _) = ForwardedProxies(builder.Configuration);
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false; // a province's other sites under the same domain are not ours to decide
        });
        if (HttpsPort(builder.Configuration) is { } port)
        {
            services.AddHttpsRedirection(o => o.HttpsPort = port);
        }

        services.AddSingleton<SecurityHeaders>();
        services.AddSingleton<CrossSiteRequests>();
    }

    /// <summary>In front of everything: forwarded headers first (the client's address and scheme), then headers and proofs.</summary>
    public static void UseWebGuard(this WebApplication app)
    {
        if (ForwardedProxies(app.Configuration) is { Proxies.Count: > 0 } or { Networks.Count: > 0 })
        {
            app.UseForwardedHeaders();
        }
        else if (!app.Environment.IsDevelopment())
        {
            // Behind a proxy that ends TLS and is not listed, every request looks like plain HTTP from the proxy: an
            // endless redirect to https, and one rate-limit bucket for everyone. Say so once at start.
            app.Logger.LogWarning("No reverse proxy is listed in {Section}:KnownProxies or KnownNetworks: X-Forwarded-For/-Proto are ignored. "
                                  + "If a proxy or load balancer ends TLS in front of MotCua, list its address there.", ForwardedHeadersSection);
        }

        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCookiePolicy();
        app.UseMiddleware<CrossSiteRequests>();
    }

    /// <summary>The configured proxies and networks, and the entries that do not parse (SafeDefaults refuses to start with them).</summary>
    public static (IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks, IReadOnlyList<string> Invalid) ForwardedProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection(ForwardedHeadersSection);
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        var invalid = new List<string>();
        foreach (var entry in Entries(section, "KnownProxies"))
        {
            if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                invalid.Add($"{ForwardedHeadersSection}:KnownProxies \"{entry}\"");
            }
        }

        foreach (var entry in Entries(section, "KnownNetworks"))
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else
            {
                invalid.Add($"{ForwardedHeadersSection}:KnownNetworks \"{entry}\"");
            }
        }

        return (proxies, networks, invalid);
    }

    /// <summary>A list in configuration: an array (<c>KnownProxies:0</c>, …) or one string separated by ';' or ','.</summary>
    private static IEnumerable<string> Entries(IConfigurationSection section, string key)
    {
        var list = section.GetSection(key);
        var values = list.Value is { Length: > 0 } single ? [single] : list.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The HTTPS port of the public address (443 unless it names one); null when the public address is not https.</summary>
    public static int? HttpsPort(IConfiguration configuration)
        => Uri.TryCreate(CenterOptions.From(configuration).PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.Port : null;

    /// <summary>The names of the cookies that sign someone in (staff, citizen, the bundled provider's session), read from the schemes.</summary>
    public static async Task<IReadOnlySet<string>> SignInCookiesAsync(IServiceProvider services)
    {
        var schemes = await services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        var options = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        return schemes.Where(s => typeof(CookieAuthenticationHandler).IsAssignableFrom(s.HandlerType))
            .Select(s => options.Get(s.Name).Cookie.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>
/// The headers every response carries. The pages run no inline script (their few scripts are static files under
/// /js), so <c>script-src 'self'</c>; no style attributes or &lt;style&gt; blocks either (app.css, kiosk.css), so
/// <c>style-src 'self'</c>. The API reference (Scalar, served from the package, no outside fonts) gets a per-request
/// nonce for its start-up script and the inline styles its components set. Personal data is never stored by a cache:
/// <c>no-store</c> on every PDF and on every answer to a signed-in request (API and pages alike).
/// </summary>
internal sealed class SecurityHeaders(IConfiguration configuration, IServiceProvider services) : IMiddleware
{
    public const string ApiReferencePath = "/api-docs";

    private readonly string formAction = FormAction(configuration);
    private IReadOnlySet<string>? signInCookies;

    /// <summary>The policy of every page (and every other response).</summary>
    public string Policy => $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
                            + $"object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action {formAction}";

    /// <summary>The API reference's: its start-up script by nonce, its components' inline styles.</summary>
    public string ApiReferencePolicy(string nonce) => $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                                       + $"font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        signInCookies ??= await WebGuard.SignInCookiesAsync(services);
        var signedIn = context.Request.Cookies.Keys.Any(signInCookies.Contains);
        // Set as the answer starts: an error page (the exception handler clears the headers first) carries them too.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiReferencePath)
                                            && context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] is string nonce
                ? ApiReferencePolicy(nonce)
                : Policy;

            // Static files (no endpoint) are the same for everyone; anything else a signed-in person is sent is theirs.
            var isPdf = (context.Response.ContentType ?? "").StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase);
            if (isPdf || (signedIn && (context.GetEndpoint() is not null || PlatformSetup.IsApi(context.Request))))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        await next(context);
    }

    /// <summary>Forms post to the app itself; the citizen's sign-out goes on to the e-ID provider's end-session page.</summary>
    private static string FormAction(IConfiguration configuration)
        => Uri.TryCreate(configuration["MotCua:Identity:Authority"], UriKind.Absolute, out var authority)
            ? $"'self' {authority.GetLeftPart(UriPartial.Authority)}"
            : "'self'";
}

/// <summary>
/// Cross-site request forgery on the API: a browser sends the sign-in cookie with any request another site makes it
/// send (a bodyless or form POST needs no CORS), so a state-changing API call (POST, PUT, PATCH, DELETE under /api)
/// that carries a sign-in cookie must prove it was made by script of this site: the header
/// <c>X-MotCua-Request: 1</c> (another site cannot set a custom header without a CORS preflight, which the app never
/// grants) and, when the browser names the calling page's origin, this app's origin. Otherwise 403 before anything
/// runs. Calls without a sign-in cookie (kiosk, anonymous, other clients) prove nothing: they carry no one's authority.
/// Razor form posts keep their antiforgery token.
/// </summary>
internal sealed class CrossSiteRequests(IOptions<CenterOptions> center, IServiceProvider services) : IMiddleware
{
    public const string Header = "X-MotCua-Request";

    public const string MissingHeaderCode = "csrf-header-missing";

    public const string ForeignOriginCode = "csrf-origin-mismatch";

    private IReadOnlySet<string>? signInCookies;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || !ChangesState(request.Method))
        {
            await next(context);
            return;
        }

        signInCookies ??= await WebGuard.SignInCookiesAsync(services);
        if (!request.Cookies.Keys.Any(signInCookies.Contains))
        {
            await next(context);
            return;
        }

        if (Refusal(request) is { } refusal)
        {
            context.Response.StatusCode = refusal.Status;
            await refusal.ToProblem().ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    public static bool ChangesState(string method)
        => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private Error? Refusal(HttpRequest request)
    {
        if (request.Headers[Header] is not ["1"])
        {
            return new Error(MissingHeaderCode,
                $"Yêu cầu thay đổi dữ liệu bằng phiên đăng nhập phải kèm tiêu đề {Header}: 1 (chống giả mạo yêu cầu từ trang web khác). Không có gì được thay đổi.",
                StatusCodes.Status403Forbidden, Header);
        }

        if (request.Headers.Origin is [{ } origin] && !IsOwn(origin, request))
        {
            return new Error(ForeignOriginCode,
                "Yêu cầu đến từ một trang web khác (Origin không phải địa chỉ của MotCua) nên bị từ chối. Không có gì được thay đổi.",
                StatusCodes.Status403Forbidden, "Origin");
        }

        return null;
    }

    private bool IsOwn(string origin, HttpRequest request)
    {
        if (string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return Uri.TryCreate(center.Value.PublicBaseUrl, UriKind.Absolute, out var configured)
               && string.Equals(origin, configured.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
    }
}
