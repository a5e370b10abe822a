using MotCua.Integrations.Contracts;
namespace MotCua.Integrations.Registry;

/// <summary>
/// <c>MotCua:Registry</c>: where the population registry answers. <see cref="BaseUrl"/> is the national service (or its
/// provincial gateway); unset where the simulators run, the app calls its own simulator at <c>/simulators/registry/</c>.
/// </summary>
internal sealed class RegistryOptions
{
    public const string Section = IntegrationSettings.Registry;

    /// <summary>The registry's address; <c>citizens/{idNumber}</c> is asked below it.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The key the registry issued to this center, sent as <c>X-Api-Key</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long a look-up may take before the officer is told to type the data (seconds).</summary>
    public double TimeoutSeconds { get; set; } = 5;
}
