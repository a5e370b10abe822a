namespace MotCua.Integrations.Contracts;

/// <summary>The settings of the connections to outside systems that start-up checks name (SafeDefaults).</summary>
public static class IntegrationSettings
{
    /// <summary>Whether the outside systems' simulators run in-process (on in Development; elsewhere only when set to true).</summary>
    public const string SimulatorsEnabled = "MotCua:Simulators:Enabled";

    /// <summary>The population registry's section: BaseUrl, ApiKey, TimeoutSeconds.</summary>
    public const string Registry = "MotCua:Registry";

    public const string RegistryBaseUrl = Registry + ":BaseUrl";
}
