using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Integrations.Simulators;

namespace MotCua.IntegrationTests.Hosting;

/// <summary>
/// The outside national systems as the tests meet them: each simulator on an HTTP server of its own (127.0.0.1, its own
/// port), started once for the whole run; every test app is pointed at them by configuration, as a center is pointed at the real ones.
/// </summary>
internal static class Simulators
{
    private static readonly Lazy<RegistryServer> SharedRegistry = new(() => RegistryServer.Start());

    /// <summary>The population registry's simulator every test app asks (<c>MotCua:Registry:BaseUrl</c>).</summary>
    public static RegistryServer Registry => SharedRegistry.Value;
}

/// <summary>A registry simulator on its own port; <see cref="State"/> is what it received and the faults it plays.</summary>
internal sealed class RegistryServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private RegistryServer(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
        State = app.Services.GetRequiredService<RegistrySimulator>();
    }

    public Uri Address { get; }

    /// <summary>The base address of the registry API (what <c>MotCua:Registry:BaseUrl</c> is set to).</summary>
    public Uri ApiAddress => new(Address, "api/");

    public RegistrySimulator State { get; }

    /// <summary>Starts a simulator; with <paramref name="apiKey"/> it answers only requests that carry it.</summary>
    public static RegistryServer Start(string? apiKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddRegistrySimulator();
        var app = builder.Build();
        app.MapRegistrySimulatorApi("/api", apiKey);
        app.StartAsync().GetAwaiter().GetResult();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RegistryServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
