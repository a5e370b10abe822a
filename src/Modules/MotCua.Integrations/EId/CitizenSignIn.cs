using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using MotCua.Integrations.Contracts;
using MotCua.Integrations.EId.Provider;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;

namespace MotCua.Integrations.EId;

/// <summary>
/// The web app as an OpenID Connect client of the identity provider (the bundled one, or the configured
/// national e-ID): code flow with PKCE, back-channel token and userinfo requests, then the citizen's own cookie.
/// </summary>
internal static class CitizenSignIn
{
    /// <summary>However the cookie slides (30 minutes idle), a citizen's session ends after this.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static void AddCitizenSignIn(this IServiceCollection services, CitizenIdentitySettings settings)
    {
        services.AddScoped<CitizenOidcEvents>();
        services.AddAuthentication()
            .AddCookie(CitizenAuthentication.Scheme, o =>
            {
                o.Cookie.Name = CitizenAuthentication.Scheme;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
                o.LoginPath = CitizenAuthentication.LoginPath;
                o.ReturnUrlParameter = "returnUrl";
                o.AccessDeniedPath = "/account/access-denied";
                // The API answers 401/403; pages go to the sign-in.
                o.Events.OnRedirectToLogin = ctx => Redirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Redirect(ctx, StatusCodes.Status403Forbidden);
                // A session in the database behind the cookie: the sign-out ends it on every node (a replayed copy too).
                SignInSessions.Attach(o.Events, SessionLifetime);
            })
            .AddOpenIdConnect(CitizenAuthentication.ChallengeScheme, "VNeID", o =>
            {
                o.SignInScheme = CitizenAuthentication.Scheme;
                o.SignOutScheme = CitizenAuthentication.Scheme;
                o.ClientId = settings.EffectiveClientId;
                o.ClientSecret = settings.EffectiveClientSecret;
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.ResponseMode = OpenIdConnectResponseMode.Query;
                o.UsePkce = true;
                o.Scope.Clear();
                foreach (var scope in settings.ScopeList)
                {
                    o.Scope.Add(scope);
                }

                o.CallbackPath = CitizenAuthentication.CallbackPath;
                o.SignedOutCallbackPath = CitizenAuthentication.SignedOutCallbackPath;
                o.RemoteSignOutPath = "/portal/signout-oidc";
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.SaveTokens = true;
                o.DisableTelemetry = true;
                o.TokenValidationParameters.NameClaimType = CitizenClaims.Name;

                // Keep the assurance level; take from userinfo what the ID token did not carry.
                o.ClaimActions.Remove(CitizenClaims.AssuranceLevel);
                foreach (var claim in new[] { CitizenClaims.BirthDate, CitizenClaims.Phone, CitizenClaims.Address, settings.IdNumberClaim })
                {
                    o.ClaimActions.MapUniqueJsonKey(claim, claim);
                }

                // The code comes back by a top-level GET redirect: Lax cookies travel, and plain HTTP works in development.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.NonceCookie.SameSite = SameSiteMode.Lax;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.EventsType = typeof(CitizenOidcEvents);

                if (!settings.IsBundled)
                {
                    o.Authority = settings.Authority;
                    o.RequireHttpsMetadata = settings.RequireHttps ?? true;
                }
            });

        if (settings.IsBundled)
        {
            services.AddOptions<OpenIdConnectOptions>(CitizenAuthentication.ChallengeScheme).Configure<ProviderIssuer>((o, issuer) =>
            {
                o.Backchannel ??= new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                o.ConfigurationManager = new BundledProviderConfiguration(issuer, o.Backchannel);
            });
        }

        services.AddAuthorizationBuilder().AddPolicy(CitizenAuthentication.Policy, p => p
            .AddAuthenticationSchemes(CitizenAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(ctx => CurrentCitizen.CitizenIdentity(ctx.User) is not null));
    }

    public static void MapCitizenSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(CitizenAuthentication.LoginPath, async (string? returnUrl, HttpContext http) =>
        {
            var target = LocalOrHome(returnUrl);
            var signedIn = await http.AuthenticateAsync(CitizenAuthentication.Scheme);
            return CurrentCitizen.CitizenIdentity(signedIn.Principal) is not null
                ? Results.LocalRedirect(target)
                : Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [CitizenAuthentication.ChallengeScheme]);
        }).ExcludeFromDescription();

        app.MapPost(CitizenAuthentication.LogoutPath, async (HttpContext http, IAntiforgery antiforgery, CurrentCitizen citizen, AuditTrail audit, MotCuaDb db) =>
        {
            // Checked here rather than by form binding, so a missing token is a plain 400 (not an exception). A page
            // behind the citizen policy made its token for the signed-in citizen, a public page for nobody (this
            // endpoint's own user is the staff scheme's): the token is valid for either.
            if (!http.Request.HasFormContentType || !await ValidTokenAsync(http, antiforgery))
            {
                return Results.BadRequest();
            }

            var returnUrl = (await http.Request.ReadFormAsync(http.RequestAborted))["returnUrl"].ToString();
            if (await citizen.LoadAsync())
            {
                audit.Record("citizen.signed-out", $"citizen:{citizen.IdNumber}", kind: AuditKind.SignIn);
                await db.SaveChangesAsync(http.RequestAborted);
            }

            // The cookie first, then the provider's session (end-session endpoint, back to returnUrl).
            return Results.SignOut(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) },
                [CitizenAuthentication.Scheme, CitizenAuthentication.ChallengeScheme]);
        }).ExcludeFromDescription();

        app.MapGet("/api/v1/me", (CurrentCitizen citizen) => Results.Ok(new SignedInCitizen(
                citizen.Name, citizen.MaskedIdNumber, citizen.DateOfBirth, citizen.Phone, citizen.Address, citizen.WardCode, citizen.AssuranceLevel)))
            .RequireAuthorization(CitizenAuthentication.Policy)
            .WithTags("Portal")
            .WithSummary("The signed-in citizen (the ID number masked but for its last 3 digits).");
    }

    internal static string LocalOrHome(string? url)
        => !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    private static async Task<bool> ValidTokenAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (await antiforgery.IsRequestValidAsync(http))
        {
            return true;
        }

        var citizen = await http.AuthenticateAsync(CitizenAuthentication.Scheme);
        if (CurrentCitizen.CitizenIdentity(citizen.Principal) is null)
        {
            return false;
        }

        var anonymous = http.User;
        http.User = citizen.Principal!;
        if (await antiforgery.IsRequestValidAsync(http))
        {
            return true;
        }

        http.User = anonymous;
        return false;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The signed-in citizen, as GET /api/v1/me answers.</summary>
internal sealed record SignedInCitizen(string Name, string IdNumber, DateOnly? DateOfBirth, string? Phone, string? Address, string? WardCode, string AssuranceLevel);

/// <summary>
/// Turns what the provider said into the citizen cookie (claims the registry completes), keeps only the ID token
/// (for the sign-out), audits the sign-in, and answers a refused or broken sign-in with a page, never an error 500.
/// </summary>
internal sealed class CitizenOidcEvents(CitizenIdentitySettings settings, IPopulationRegistry registry, AuditTrail audit, MotCuaDb db, ILogger<CitizenOidcEvents> log)
    : OpenIdConnectEvents
{
    public override async Task TicketReceived(TicketReceivedContext context)
    {
        var source = context.Principal!;
        var idNumber = source.FindFirst(settings.IdNumberClaim)?.Value?.Trim();
        if (string.IsNullOrEmpty(idNumber) || idNumber.Length != 12 || !idNumber.All(char.IsAsciiDigit))
        {
            log.LogWarning("The identity provider did not give a 12-digit ID number; the sign-in is refused.");
            context.Response.Redirect(CitizenAuthentication.FailedPath);
            context.HandleResponse();
            return;
        }

        var known = await registry.FindAsync(idNumber, "Đăng nhập VNeID: bổ sung thông tin công dân", context.HttpContext.RequestAborted);
        var claims = new List<Claim>
        {
            new(CitizenClaims.Subject, Value(CitizenClaims.Subject) ?? ""),
            new(CitizenClaims.IdNumber, idNumber),
            new(CitizenClaims.Name, Value(CitizenClaims.Name) ?? known?.FullName ?? ""),
            new(CitizenClaims.AssuranceLevel, Value(CitizenClaims.AssuranceLevel) ?? ""),
            new(CitizenClaims.IdentityProvider, source.FindFirst(CitizenClaims.Subject)?.Issuer ?? ""),
        };
        AddIfAny(CitizenClaims.BirthDate, Value(CitizenClaims.BirthDate) ?? known?.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        AddIfAny(CitizenClaims.Phone, LocalPhone(Value(CitizenClaims.Phone)) ?? known?.Phone);
        AddIfAny(CitizenClaims.Address, FormattedAddress(Value(CitizenClaims.Address)) ?? known?.PermanentAddress);
        AddIfAny(CitizenClaims.WardCode, Value(CitizenClaims.WardCode) ?? known?.WardCode);
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CitizenAuthentication.Scheme, CitizenClaims.Name, "role"));

        // The cookie keeps the ID token (the hint of the end-session request), not the access token.
        var properties = context.Properties!;
        var idToken = properties.GetTokenValue(OpenIdConnectParameterNames.IdToken);
        properties.StoreTokens(idToken is null ? [] : [new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);

        audit.Record("citizen.signed-in", $"citizen:{idNumber}", details: Value(CitizenClaims.AssuranceLevel), kind: AuditKind.SignIn);
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);

        string? Value(string type) => source.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;

        void AddIfAny(string type, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                claims.Add(new Claim(type, value));
            }
        }
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        log.LogWarning(context.Failure, "A citizen sign-in was refused: {Reason}", context.Failure?.Message);
        context.Response.Redirect(CitizenAuthentication.FailedPath);
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public override Task RedirectToIdentityProviderForSignOut(RedirectContext context)
    {
        // The client_id lets the provider check the post-logout URI against this client's registration.
        context.ProtocolMessage.ClientId = settings.EffectiveClientId;
        if (string.IsNullOrEmpty(context.ProtocolMessage.IssuerAddress))
        {
            // A provider without an end-session endpoint: the citizen is signed out here only.
            context.Response.Redirect(context.Properties.RedirectUri ?? "/");
            context.HandleResponse();
        }

        return Task.CompletedTask;
    }

    /// <summary>+84912000001 → 0912000001 (the way Vietnamese numbers are written).</summary>
    internal static string? LocalPhone(string? phone)
        => phone is null ? null : phone.StartsWith("+84", StringComparison.Ordinal) ? "0" + phone[3..] : phone;

    /// <summary>The OpenID Connect address claim is a JSON object; its "formatted" member is the one line we keep.</summary>
    internal static string? FormattedAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || !address.TrimStart().StartsWith('{'))
        {
            return address;
        }

        try
        {
            using var json = JsonDocument.Parse(address);
            return json.RootElement.TryGetProperty("formatted", out var formatted) && formatted.ValueKind == JsonValueKind.String
                ? formatted.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
