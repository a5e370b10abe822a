using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;
using MotCua.Platform.Jobs;
using MotCua.Platform.Startup;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MotCua.Integrations.EId.Provider;

/// <summary>
/// The bundled identity provider (development, demos, tests): OpenIddict's server with its EF Core stores in
/// MotCuaDb, discovery at /.well-known/openid-configuration, the code flow with PKCE, userinfo and end-session,
/// and a VNeID-like sign-in page for the demo citizens. Not used when an external provider is configured.
/// </summary>
internal static class ProviderSetup
{
    /// <summary>The provider's own session (who signed in on its page); its cookie only travels to /connect.</summary>
    public const string SessionScheme = "motcua.vneid";

    public const string SignInPath = "/connect/login";
    public const string AuthorizePath = "/connect/authorize";

    /// <summary>The OpenIddict stores: always registered, so the database model is the same whatever the configuration.</summary>
    public static void AddProviderStores(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, OidcModel>();
        services.AddOpenIddict()
            .AddCore(o =>
            {
                o.UseEntityFrameworkCore().UseDbContext<MotCuaDb>();
                o.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, PortalApplicationManager>();
            });
    }

    public static void AddBundledProvider(this IServiceCollection services, CitizenIdentitySettings settings)
    {
        services.AddSingleton<ProviderIssuer>();
        services.AddSingleton<DemoCitizenAccounts>();
        services.AddScoped<ISeeder, PortalClientSeeder>();
        services.AddPeriodicJob<PruneProviderTokens>(PruneProviderTokens.Interval);

        services.AddAuthentication().AddCookie(SessionScheme, o =>
        {
            o.Cookie.Name = SessionScheme;
            o.Cookie.Path = "/connect";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = SignInPath;
            o.ReturnUrlParameter = "returnUrl";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = false;
            // Ended in the database at the end-session request: a replayed provider cookie cannot get new codes.
            SignInSessions.Attach(o.Events, TimeSpan.FromMinutes(30));
        });

        services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris(AuthorizePath[1..])
                .SetTokenEndpointUris("connect/token")
                .SetUserInfoEndpointUris("connect/userinfo")
                .SetEndSessionEndpointUris("connect/endsession");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            // PKCE with S256 only: a "plain" challenge is the verifier itself, readable by whoever sees the request.
            o.Configure(options =>
            {
                options.CodeChallengeMethods.Clear();
                options.CodeChallengeMethods.Add(CodeChallengeMethods.Sha256);
            });
            o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Phone, Scopes.Address, DemoCitizenAccounts.IdNumberScope);
            o.RegisterClaims(Claims.Subject, Claims.Name, Claims.Birthdate, Claims.PhoneNumber, Claims.Address,
                Claims.AuthenticationContextReference, CitizenClaims.IdNumber);
            o.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2));
            o.SetAccessTokenLifetime(TimeSpan.FromMinutes(10));
            o.SetIdentityTokenLifetime(TimeSpan.FromMinutes(10));
            AddKeys(o, settings);

            var host = o.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableUserInfoEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();
            if (settings.RequireHttps is not true)
            {
                host.DisableTransportSecurityRequirement();
            }
        });

        // The issuer is the one fixed address (see ProviderIssuer), resolved on the first request.
        services.AddOptions<OpenIddictServerOptions>().Configure<ProviderIssuer>((o, issuer) => o.Issuer ??= issuer.Issuer);
    }

    public static void MapBundledProvider(this IEndpointRouteBuilder app)
    {
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).ExcludeFromDescription();
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoAsync).ExcludeFromDescription();
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync).ExcludeFromDescription();
    }

    /// <summary>
    /// Signing and encryption keys: PFX files when configured (the production path: every node loads the same
    /// keys and validates the others' codes and tokens), else ephemeral keys that live as long as the process.
    /// </summary>
    private static void AddKeys(OpenIddictServerBuilder o, CitizenIdentitySettings settings)
    {
        var signing = Load(settings.SigningCertificatePath, settings.SigningCertificatePassword);
        if (signing is null)
        {
            o.AddEphemeralSigningKey();
        }
        else
        {
            o.AddSigningCertificate(signing);
        }

        var encryption = Load(settings.EncryptionCertificatePath, settings.EncryptionCertificatePassword)
            ?? Load(settings.SigningCertificatePath, settings.SigningCertificatePassword);
        if (encryption is null)
        {
            o.AddEphemeralEncryptionKey();
        }
        else
        {
            o.AddEncryptionCertificate(encryption);
        }
    }

    private static X509Certificate2? Load(string? path, string? password)
        => string.IsNullOrWhiteSpace(path)
            ? null
            : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);

    /// <summary>
    /// The authorization endpoint: without the provider's session the citizen goes to the sign-in page and comes
    /// back here; with it, the code is issued for the demo citizen (consent is implicit for the first-party client).
    /// </summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http, DemoCitizenAccounts accounts)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var session = await http.AuthenticateAsync(SessionScheme);
        var citizen = session.Succeeded ? DemoCitizenAccounts.Find(session.Principal?.FindFirstValue(CitizenClaims.IdNumber)) : null;
        if (citizen is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(Error(Errors.LoginRequired, "Người dùng chưa đăng nhập."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            // Back here after the sign-in page, without prompt=login (or the citizen would sign in again and again).
            var parameters = request.GetParameters()
                .Where(p => p.Key != Parameters.Prompt)
                .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value));
            var returnUrl = http.Request.PathBase + AuthorizePath + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [SessionScheme]);
        }

        var identity = accounts.IdentityFor(citizen, request.GetScopes());
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Userinfo: what the access token's scopes release about the citizen.</summary>
    private static async Task<IResult> UserInfoAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            return Results.Challenge(Error(Errors.InvalidToken, "Mã truy cập không hợp lệ."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var info = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [Claims.Subject] = principal.GetClaim(Claims.Subject) ?? "",
        };
        Add(Claims.Name, Scopes.Profile);
        Add(Claims.Birthdate, Scopes.Profile);
        Add(Claims.PhoneNumber, Scopes.Phone);
        Add(CitizenClaims.IdNumber, DemoCitizenAccounts.IdNumberScope);
        Add(Claims.AuthenticationContextReference, Scopes.OpenId);
        if (principal.HasScope(Scopes.Address) && principal.GetClaim(Claims.Address) is { Length: > 0 } address)
        {
            info[Claims.Address] = JsonSerializer.Deserialize<JsonElement>(address);
        }

        return Results.Ok(info);

        void Add(string claim, string scope)
        {
            if (principal.HasScope(scope) && principal.GetClaim(claim) is { Length: > 0 } value)
            {
                info[claim] = value;
            }
        }
    }

    /// <summary>End session: the provider forgets the citizen, then returns to the client's post-logout URI.</summary>
    private static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(SessionScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static AuthenticationProperties Error(string error, string description)
        => new(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        });

    /// <summary>The citizen the provider's sign-in page signed in (its session cookie).</summary>
    public static ClaimsPrincipal SessionPrincipal(MotCua.Integrations.Contracts.Citizen citizen)
        => new(new ClaimsIdentity(
            [new Claim(CitizenClaims.IdNumber, citizen.IdNumber), new Claim(CitizenClaims.Name, citizen.FullName)],
            SessionScheme, CitizenClaims.Name, "role"));
}
