using MotCua.Platform.Identity;
using MotCua.Platform.Startup;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace MotCua.Integrations.EId.Provider;

/// <summary>
/// Registers the web app ("motcua-portal") as a client of the bundled provider: confidential, code flow with PKCE,
/// implicit consent (a first-party client). Runs at every start and brings the registration up to date.
/// </summary>
internal sealed class PortalClientSeeder(IOpenIddictApplicationManager applications, CitizenIdentitySettings settings, Microsoft.Extensions.Hosting.IHostEnvironment environment, Microsoft.Extensions.Options.IOptions<MotCua.Platform.CenterOptions> center) : ISeeder
{
    public int Order => 60;

    public async Task SeedAsync(CancellationToken ct)
    {
        var descriptor = Descriptor(settings, Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions.IsDevelopment(environment), center.Value.PublicBaseUrl);
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, ct);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, ct);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, ct);
        }
    }

    internal static OpenIddictApplicationDescriptor Descriptor(CitizenIdentitySettings settings, bool isDevelopment, string? publicBaseUrl = null)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = settings.EffectiveClientId,
            ClientSecret = settings.EffectiveClientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "MotCua — Cổng dịch vụ công",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Phone,
                Permissions.Scopes.Address,
                Permissions.Prefixes.Scope + DemoCitizenAccounts.IdNumberScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };

        // In Development, loopback hosts without a port accept any port (see PortalApplicationManager); elsewhere (a pilot)
        // only the configured public issuer (with its path base).
        List<string> origins = isDevelopment ? ["http://localhost", "http://127.0.0.1", "http://[::1]"] : [];
        foreach (var address in new[] { settings.Issuer, publicBaseUrl })
        {
            if (!string.IsNullOrWhiteSpace(address) && Uri.TryCreate(address.Trim(), UriKind.Absolute, out var origin)
                && !origins.Contains(origin.AbsoluteUri.TrimEnd('/')))
            {
                origins.Add(origin.AbsoluteUri.TrimEnd('/'));
            }
        }

        foreach (var origin in origins)
        {
            descriptor.RedirectUris.Add(new Uri(origin + CitizenAuthentication.CallbackPath));
            descriptor.PostLogoutRedirectUris.Add(new Uri(origin + CitizenAuthentication.SignedOutCallbackPath));
        }

        return descriptor;
    }
}
