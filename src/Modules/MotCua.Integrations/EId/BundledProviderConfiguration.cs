using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using MotCua.Integrations.EId.Provider;

namespace MotCua.Integrations.EId;

/// <summary>
/// The web app's view of the bundled provider's discovery document. The provider's address is known only once
/// the server listens (a random port in tests), so the document is fetched from <see cref="ProviderIssuer"/>
/// on first use, over HTTP like from any other provider.
/// </summary>
internal sealed class BundledProviderConfiguration(ProviderIssuer issuer, HttpClient backchannel) : IConfigurationManager<OpenIdConnectConfiguration>
{
    private readonly Lazy<ConfigurationManager<OpenIdConnectConfiguration>> inner = new(() =>
        new ConfigurationManager<OpenIdConnectConfiguration>(
            new Uri(issuer.Issuer, ".well-known/openid-configuration").AbsoluteUri,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(backchannel) { RequireHttps = issuer.Issuer.Scheme == Uri.UriSchemeHttps }));

    public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => inner.Value.GetConfigurationAsync(cancel);

    public void RequestRefresh() => inner.Value.RequestRefresh();
}
