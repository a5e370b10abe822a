using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Integrations.EId.Provider;

/// <summary>
/// The bundled provider's issuer: <c>MotCua:Identity:Issuer</c> when configured, otherwise the address the app
/// listens on (known once the server has started, which may be a random port in tests). The issuer is fixed for the
/// life of the process and never taken from a request's Host header, so a forged Host cannot make the web app
/// trust another provider, and codes issued on one address are redeemed on the same one.
/// </summary>
internal sealed class ProviderIssuer(CitizenIdentitySettings settings, IServiceProvider services)
{
    private static readonly HashSet<string> Wildcards = new(StringComparer.Ordinal) { "[::]", "0.0.0.0", "+", "*" };

    private Uri? issuer;

    public Uri Issuer => issuer ??= Resolve();

    private Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(settings.Issuer))
        {
            return WithSlash(new Uri(settings.Issuer.Trim(), UriKind.Absolute));
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault();
        if (address is null)
        {
            // No listening address (an in-memory test server): requests come as http://localhost.
            return new Uri("http://localhost/");
        }

        var builder = new UriBuilder(address.Replace("://+:", "://localhost:", StringComparison.Ordinal).Replace("://*:", "://localhost:", StringComparison.Ordinal));
        if (Wildcards.Contains(builder.Host) || builder.Host is "::" or "[::]")
        {
            builder.Host = "localhost";
        }

        return WithSlash(builder.Uri);
    }

    private static Uri WithSlash(Uri uri)
        => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
