using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace MotCua.Integrations.EId.Provider;

/// <summary>
/// OpenIddict's application manager with one addition (RFC 8252, section 7.3): a redirect URI registered on a
/// loopback host without a port (http://127.0.0.1/portal/signin-oidc) accepts that URI on any port, so the web app
/// can sign citizens in when it listens on a port chosen at start (tests, `dotnet run --urls`). Every other
/// redirect URI must match a registered one exactly.
/// </summary>
internal sealed class PortalApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
    Microsoft.Extensions.Hosting.IHostEnvironment environment)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    public override async ValueTask<bool> ValidateRedirectUriAsync(OpenIddictEntityFrameworkCoreApplication application, string uri, CancellationToken cancellationToken = default)
        => (IsDevelopment && MatchesLoopback(await GetRedirectUrisAsync(application, cancellationToken), uri))
            || await base.ValidateRedirectUriAsync(application, uri, cancellationToken);

    public override async ValueTask<bool> ValidatePostLogoutRedirectUriAsync(OpenIddictEntityFrameworkCoreApplication application, string uri, CancellationToken cancellationToken = default)
        => (IsDevelopment && MatchesLoopback(await GetPostLogoutRedirectUrisAsync(application, cancellationToken), uri))
            || await base.ValidatePostLogoutRedirectUriAsync(application, uri, cancellationToken);

    /// <summary>Loopback redirects (any port) are for Development only; a pilot registers its public address.</summary>
    private bool IsDevelopment => Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions.IsDevelopment(environment);

    internal static bool MatchesLoopback(IEnumerable<string> registered, string candidate)
    {
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || !IsLoopback(uri)
            || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return false;
        }

        foreach (var value in registered)
        {
            if (Uri.TryCreate(value, UriKind.Absolute, out var template) && IsLoopback(template) && template.IsDefaultPort
                && string.Equals(template.Scheme, uri.Scheme, StringComparison.Ordinal)
                && string.Equals(template.Host, uri.Host, StringComparison.OrdinalIgnoreCase)
                && string.Equals(template.PathAndQuery, uri.PathAndQuery, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLoopback(Uri uri)
        => uri.Scheme is "http" or "https"
            && (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
