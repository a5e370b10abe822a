using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MotCua.Integrations.Contracts;

namespace MotCua.Integrations.Simulators;

/// <summary>
/// Whether the simulators of the outside national systems run inside this process (under <c>/simulators/…</c>): in
/// Development always (the one-command demo is a complete center), elsewhere only when <c>MotCua:Simulators:Enabled</c> is
/// true (a training center); production points each adapter at the real service instead.
/// </summary>
internal sealed class SimulatorSwitch(bool enabled, string registryKey)
{
    public const string Setting = IntegrationSettings.SimulatorsEnabled;

    public bool Enabled { get; } = enabled;

    /// <summary>
    /// The key the in-app registry simulator asks of its callers (<c>MotCua:Simulators:Registry:ApiKey</c>, else a random one
    /// per start): the app knows it, an anonymous visitor does not, so the simulated registry is no open list of people.
    /// </summary>
    public string RegistryKey { get; } = registryKey;

    public static SimulatorSwitch From(IConfiguration configuration, IHostEnvironment environment)
        => new(configuration.GetValue<bool?>(Setting) ?? environment.IsDevelopment(),
            configuration["MotCua:Simulators:Registry:ApiKey"] is { Length: > 0 } key ? key : Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
}

/// <summary>One simulator, as the <c>/simulators</c> page lists it.</summary>
internal sealed record SimulatorEntry(string Name, string Path, string Description);
