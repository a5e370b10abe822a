using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Integrations.EId;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;

namespace MotCua.IntegrationTests.Portal;

/// <summary>
/// Two apps: one is the identity provider (its bundled one), the other is configured with it as an external provider
/// (MotCua:Identity:Authority), as production is with the national e-ID.
/// </summary>
public sealed class ProviderAndClientApps : IAsyncLifetime
{
    public MotCuaApp Provider { get; } = new(DatabaseProvider.Sqlite);

    public MotCuaApp Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Provider.InitializeAsync();
        Client = new MotCuaApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["MotCua:Identity:Authority"] = Provider.BaseAddress.AbsoluteUri,
            ["MotCua:Identity:ClientId"] = CitizenIdentitySettings.BundledClientId,
            ["MotCua:Identity:ClientSecret"] = CitizenIdentitySettings.DevelopmentClientSecret,
            ["MotCua:Identity:RequireHttps"] = "false",
        });
        await Client.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Client).DisposeAsync();
        await ((IAsyncLifetime)Provider).DisposeAsync();
    }
}

public sealed class ExternalProviderTests(ProviderAndClientApps apps) : IClassFixture<ProviderAndClientApps>
{
    [Fact]
    public async Task With_an_external_provider_configured_citizens_sign_in_there_and_no_provider_is_hosted()
    {
        using var browser = CitizenFlow.Browser(apps.Client);
        var client = browser.Http;
        (await client.GetAsync("/.well-known/openid-configuration")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/connect/login")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var login = await client.GetAsync("/portal/login?returnUrl=%2Fprocedures");
        var authorize = login.Headers.Location!;
        authorize.GetLeftPart(UriPartial.Authority).ShouldBe(apps.Provider.BaseAddress.GetLeftPart(UriPartial.Authority));
        CitizenFlow.Query(authorize)["redirect_uri"].ShouldBe(new Uri(apps.Client.BaseAddress, "/portal/signin-oidc").AbsoluteUri);

        var page = (await client.GetAsync(authorize)).Headers.Location!;
        var callback = await CitizenFlow.CodeRedirectAsync(client, await CitizenFlow.SubmitAsync(client, page, "001078000003", CitizenFlow.Password));
        callback.GetLeftPart(UriPartial.Authority).ShouldBe(apps.Client.BaseAddress.GetLeftPart(UriPartial.Authority));
        var done = await client.GetAsync(callback);
        done.Headers.Location!.OriginalString.ShouldBe("/procedures");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("name").GetString().ShouldBe("Lê Thị Thu");
        me.GetProperty("idNumber").GetString().ShouldBe("*********003");
        me.GetProperty("assuranceLevel").GetString().ShouldBe("vneid-level2");
    }
}
