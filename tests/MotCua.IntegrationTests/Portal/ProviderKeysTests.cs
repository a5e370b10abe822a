using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Portal;

/// <summary>The app with the production key setup of the bundled provider: its signing and encryption keys from a PFX file.</summary>
public sealed class ProviderWithKeysApp : IAsyncLifetime
{
    private static readonly string PfxPath = Path.Combine(Path.GetTempPath(), $"motcua-oidc-{Guid.NewGuid():N}.pfx");

    public ProviderWithKeysApp()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=MotCua test provider", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(PfxPath, Certificate.Export(X509ContentType.Pfx, "test-password"));
        App = new MotCuaApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
        {
            ["MotCua:Identity:SigningCertificatePath"] = PfxPath,
            ["MotCua:Identity:SigningCertificatePassword"] = "test-password",
            ["MotCua:Identity:SubjectKey"] = "a subject key shared by every node",
        });
    }

    public X509Certificate2 Certificate { get; }

    public MotCuaApp App { get; }

    public Task InitializeAsync() => App.InitializeAsync();

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        Certificate.Dispose();
        File.Delete(PfxPath);
    }
}

/// <summary>Several nodes validate each other's codes and tokens when they load the same configured keys.</summary>
public sealed class ProviderKeysTests(ProviderWithKeysApp fixture) : IClassFixture<ProviderWithKeysApp>
{
    [Fact]
    public async Task A_configured_certificate_signs_the_tokens_instead_of_an_ephemeral_key()
    {
        using var client = fixture.App.Client();
        var keys = (await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks")).GetProperty("keys").EnumerateArray().ToList();
        var key = keys.ShouldHaveSingleItem("only the configured signing key is published");
        key.GetProperty("x5c")[0].GetString().ShouldBe(Convert.ToBase64String(fixture.Certificate.RawData));

        // And the whole sign-in works with it (the access token is encrypted with the same certificate).
        using var citizen = await CitizenFlow.SignedInAsync(fixture.App, "001085000002");
        (await citizen.Http.GetFromJsonAsync<JsonElement>("/api/v1/me")).GetProperty("name").GetString().ShouldBe("Trần Văn Minh");
    }
}
