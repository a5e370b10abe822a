using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MotCua.Platform;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;
using MotCua.Platform.Startup;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace MotCua.Web.Startup;

/// <summary>What every module relies on: database, sign-in, errors, health, telemetry, localization, API docs.</summary>
internal static class PlatformSetup
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en")];

    /// <summary>The kiosk's screens (/kiosk/…) ignore the language cookie: Vietnamese unless the address asks for English.</summary>
    private static readonly CustomRequestCultureProvider KioskSpeaksVietnamese = new(http => Task.FromResult<ProviderCultureResult?>(
        http.Request.Path.StartsWithSegments("/kiosk", StringComparison.OrdinalIgnoreCase) ? new ProviderCultureResult("vi-VN") : null));

    /// <summary>However the cookie slides, a staff session ends after this (a working day and a half).</summary>
    public static readonly TimeSpan StaffSessionLifetime = TimeSpan.FromHours(12);

    public static void AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddWebGuard();
        services.AddPlatformCore(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddHostedService<InitializeDatabase>();
        services.AddHostedService<Banner>();

        services.AddIdentity<StaffUser, StaffRole>(PlatformServices.ConfigureStaffIdentity)
            .AddStaffStores()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "motcua.staff";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(9);
            // The API answers 401/403; only pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => Redirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Redirect(ctx, StatusCodes.Status403Forbidden);
            // A session in the database behind every cookie: signing out (or a reset of the account) ends it on every
            // node, a replayed copy of the cookie included; then the security stamp (a changed password) as usual.
            SignInSessions.Attach(o.Events, StaffSessionLifetime, SecurityStampValidator.ValidatePrincipalAsync);
        });
        // A changed password or a reset authenticator ends the other sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = ctx =>
            {
                // Keep the session (and how the sign-in was confirmed) when the claims are refreshed.
                if (ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity renewed)
                {
                    foreach (var claim in ctx.CurrentPrincipal?.FindAll(c => c.Type is SignInSessions.Claim or "amr") ?? [])
                    {
                        renewed.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
                    }
                }

                return Task.CompletedTask;
            };
        });
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<StaffSignIn>();
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();

        services.AddRazorComponents();
        // Vietnamese text as text, not as &#x…; escapes (pages are a third smaller).
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        // One key ring for every node, in the database; encrypted at rest with the configured certificate
        // (required outside Development, SafeDefaults), so a cookie issued by one node is read by another.
        var dataProtection = services.AddDataProtection().SetApplicationName("MotCua").PersistKeysToDbContext<MotCuaDb>();
        if (builder.Configuration[$"{SafeDefaults.DataProtectionSection}:CertificatePath"] is { Length: > 0 } keyCertificate)
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                keyCertificate, builder.Configuration[$"{SafeDefaults.DataProtectionSection}:CertificatePassword"], X509KeyStorageFlags.EphemeralKeySet));
        }
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("vi-VN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // A kiosk is shared: its language is the current visitor's choice, carried in the address of their screens
            // (?culture=en), never the year-long cookie — the start screen, without it, greets the next person in Vietnamese.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), KioskSpeaksVietnamese, new CookieRequestCultureProvider()];
        });

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Framework errors (unreadable JSON, a bad route value) get a Vietnamese title too.
            ctx.ProblemDetails.Title = ctx.ProblemDetails.Status switch
            {
                400 => ctx.ProblemDetails.Title is "One or more validation errors occurred." or "Bad Request" or null
                    ? "Yêu cầu không hợp lệ" : ctx.ProblemDetails.Title,
                401 => "Cần đăng nhập",
                403 => "Không có quyền",
                404 => "Không tìm thấy",
                413 => "Nội dung gửi lên quá lớn",
                500 => "Lỗi hệ thống, vui lòng thử lại sau",
                _ => ctx.ProblemDetails.Title,
            };
            ctx.ProblemDetails.Extensions.Remove("exception");

            // Every problem carries a stable code clients can branch on (the use cases' own, else one per status), and an
            // answer the framework wrote itself (no route, a method not mapped, a media type refused) says in Vietnamese what happened.
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
                ctx.ProblemDetails.Extensions["code"] = ApiDocumentation.CodeOf(status);
                ctx.ProblemDetails.Detail ??= FrameworkDetail(status);
            }

            if (ctx.Exception is BadHttpRequestException)
            {
                // Kestrel's own text is English and technical: say what to do.
                ctx.ProblemDetails.Detail = ctx.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge
                    ? $"Mỗi tệp tối đa {MotCua.Platform.Storage.FileKinds.DefaultMaxBytes / 1024 / 1024} MB; hãy gửi tệp nhỏ hơn hoặc tách thành nhiều tệp."
                    : "Không đọc được nội dung gửi lên; vui lòng kiểm tra lại và gửi lại.";
            }
        });
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping; // readable Vietnamese; never embedded in HTML
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // Every request body: no duplicate keys, NUL, over-long strings, null list elements or missing required members.
            MotCua.Platform.Http.JsonInput.Configure(o.SerializerOptions);
        });

        // A request the binder cannot read is an exception in every environment (not a silent empty 400), so BadRequests
        // answers it with the field named; anything else stays a logged 500.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequests>();
        services.AddOpenApi(o => ApiDocumentation.Configure(o));
        services.AddRateLimiter(o =>
        {
            // Public endpoints are limited per client address; limits are configuration (MotCua:RateLimits).
            var lookups = builder.Configuration.GetValue("MotCua:RateLimits:LookupsPerMinute", 120);
            var writes = builder.Configuration.GetValue("MotCua:RateLimits:WritesPerMinute", 60);
            o.AddPolicy(MotCua.Platform.Http.RateLimits.PublicLookup, http => PerAddress(http, lookups));
            o.AddPolicy(MotCua.Platform.Http.RateLimits.PublicWrite, http => PerAddress(http, writes));
            o.AddPolicy(MotCua.Platform.Http.RateLimits.PublicBooking, new MotCua.Platform.Http.IdentityAndAddressRateLimit(
                builder.Configuration.GetValue("MotCua:RateLimits:BookingsPerMinutePerPerson", 10),
                builder.Configuration.GetValue("MotCua:RateLimits:BookingsPerMinutePerAddress", 30)));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await ctx.HttpContext.Response.WriteAsJsonAsync(
                    new { title = "Quá nhiều yêu cầu", status = 429, detail = "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau một phút.", code = "too-many-requests" },
                    (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
            };
        });

        services.AddHealthChecks()
            .AddCheck<ReadinessCheck>("database", tags: ["ready"]);

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("MotCua"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddSource("MotCua"))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter("MotCua"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
    }

    /// <summary>The Vietnamese text of an answer the framework gives without a use case's own error.</summary>
    private static string? FrameworkDetail(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Không đọc được nội dung gửi lên; vui lòng kiểm tra lại và gửi lại.",
        StatusCodes.Status401Unauthorized => "Cần đăng nhập để dùng chức năng này.",
        StatusCodes.Status403Forbidden => "Tài khoản của bạn không có quyền thực hiện thao tác này.",
        StatusCodes.Status404NotFound => "Không tìm thấy địa chỉ hoặc dữ liệu được yêu cầu.",
        StatusCodes.Status405MethodNotAllowed => "Địa chỉ này không nhận phương thức HTTP đã gửi.",
        StatusCodes.Status413PayloadTooLarge => $"Nội dung gửi lên quá lớn. Mỗi tệp tối đa {MotCua.Platform.Storage.FileKinds.DefaultMaxBytes / 1024 / 1024} MB.",
        StatusCodes.Status415UnsupportedMediaType => "Nội dung gửi lên phải là JSON (Content-Type: application/json).",
        StatusCodes.Status429TooManyRequests => "Bạn đã gửi quá nhiều yêu cầu; vui lòng thử lại sau ít phút.",
        >= 500 => "Hệ thống gặp sự cố khi xử lý yêu cầu; dữ liệu không bị thay đổi. Vui lòng thử lại sau.",
        _ => null,
    };

    private static int StatusOf(Exception e) => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    public static void UsePlatform(this WebApplication app)
    {
        // First: the client's real address and scheme (from a configured proxy), the security headers, HTTPS, cookie
        // policy and the cross-site proof of cookie-authenticated API calls.
        app.UseWebGuard();

        // A client's mistake the server caught while reading the request (a body over the limit, an unreadable form) keeps
        // its 4xx; anything else is a 500, logged.
        app.UseWhen(c => IsApi(c.Request), a => a.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf }));
        app.UseWhen(c => !IsApi(c.Request), a => a.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = StatusOf,
        }));
        app.UseWhen(c => IsApi(c.Request), a => a.UseStatusCodePages());
        app.Use(RefuseNulInAddress);
        app.UseWhen(c => !IsApi(c.Request), a => a.UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true));
        app.UseRequestLocalization();
        app.UseStaticFiles();
        // Explicit, after the error pages, so a re-executed /error/404 is routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(StaffLandOnTheirHome);
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        // Served from the package (no CDN), without the outside fonts, its start-up script allowed by a per-request nonce (SecurityHeaders);
        // nothing that calls another host or advertises a vendor: no telemetry, no AI agent, no MCP, no developer toolbar
        // ("Deploy", "Share"), no "Open API Client" button.
        app.MapScalarApiReference(SecurityHeaders.ApiReferencePath, o => o.WithTitle("MotCua API").WithNonce().DisableDefaultFonts()
            .DisableTelemetry().DisableAgent().DisableMcp().HideDeveloperTools().HideClientButton().WithFavicon("/favicon.svg"));
        app.MapAccountEndpoints();
    }

    /// <summary>Staff who open "/" land on their own home (what waits for them), not on the citizens' home page.</summary>
    private static Task StaffLandOnTheirHome(HttpContext http, RequestDelegate next)
    {
        if (HttpMethods.IsGet(http.Request.Method) && http.Request.Path == "/"
            && http.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme))
        {
            http.Response.Redirect(MotCua.Dossiers.DossiersModule.StaffHomePath);
            return Task.CompletedTask;
        }

        return next(http);
    }

    /// <summary>
    /// A NUL character in the path or the query string (<c>%00</c>) is never meaningful and PostgreSQL refuses it in text:
    /// a 400 before any endpoint or page looks the value up.
    /// </summary>
    private static Task RefuseNulInAddress(HttpContext http, RequestDelegate next)
    {
        var query = http.Request.QueryString.Value ?? "";
        if ((http.Request.Path.Value ?? "").Contains('\0', StringComparison.Ordinal) || query.Contains("%00", StringComparison.Ordinal)
            || http.Request.Query.Any(q => q.Key.Contains('\0', StringComparison.Ordinal) || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return IsApi(http.Request)
                ? new MotCua.Platform.Errors.Error("invalid", "Địa chỉ yêu cầu chứa ký tự không hợp lệ (U+0000).", StatusCodes.Status400BadRequest, "url").ToProblem().ExecuteAsync(http)
                : Task.CompletedTask; // the error page for 400
        }

        return next(http);
    }

    private static System.Threading.RateLimiting.RateLimitPartition<string> PerAddress(HttpContext http, int perMinute)
        => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "?",
            _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) });

    internal static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (IsApi(ctx.Request))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Ready = migrated, seeded and the database answers.</summary>
internal sealed class ReadinessCheck(Readiness readiness, IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
        {
            return HealthCheckResult.Unhealthy("The database is being migrated and seeded.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}

/// <summary>Migrates and seeds before the server takes requests.</summary>
internal sealed class InitializeDatabase(DatabaseInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.RunAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
