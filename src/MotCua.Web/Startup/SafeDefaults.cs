using MotCua.Integrations.Contracts;
using MotCua.Platform;
using MotCua.Platform.Audit;

namespace MotCua.Web.Startup;

/// <summary>
/// Outside Development, MotCua refuses to start with anything a demo needs and a center must not have: demo staff with a
/// published password, the bundled e-ID provider (demo citizens, public secrets, keys that change at every start),
/// default secrets, no key for the audit trail's signed checkpoints, and no public address or allowed hosts. Each problem names the setting to change.
/// </summary>
internal static class SafeDefaults
{
    /// <summary><c>MotCua:DataProtection</c>: CertificatePath (a PFX) and CertificatePassword, encrypting the key ring at rest.</summary>
    public const string DataProtectionSection = "MotCua:DataProtection";

    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        // A proxy that does not parse would silently not be trusted (every user behind it one rate-limit bucket): everywhere.
        var proxies = WebGuard.ForwardedProxies(configuration).Invalid
            .Select(entry => $"{entry} is not an IP address (KnownProxies) or a network in CIDR notation (KnownNetworks, e.g. 10.0.0.0/8).")
            .ToList();
        if (environment.IsDevelopment())
        {
            // The development key stands in for a missing one; a key that is set must be a real one everywhere.
            return [.. proxies, .. !string.IsNullOrWhiteSpace(configuration[AuditKey.Setting]) && AuditKey.Problem(configuration) is { } badKey ? [badKey] : Array.Empty<string>()];
        }

        var problems = proxies;
        if (configuration.GetValue("MotCua:Seed:DemoStaff", false))
        {
            problems.Add("MotCua:Seed:DemoStaff is true: the demo staff accounts share a published password. Set it to false and create the first administrator with `motcua staff add --role Administrator …`.");
        }

        if (configuration.GetValue("MotCua:Queues:DemoKiosks", false))
        {
            problems.Add("MotCua:Queues:DemoKiosks is true: any browser opening a kiosk page would enrol itself as a kiosk and hand out numbers. Remove it (or set false) and register each kiosk (POST /api/v1/points/{point}/kiosks, then enter its code on the kiosk's /kiosk page).");
        }

        var identity = configuration.GetSection("MotCua:Identity");
        if (string.IsNullOrWhiteSpace(identity["Authority"]))
        {
            if (!identity.GetValue("AllowBundledProvider", false))
            {
                problems.Add("MotCua:Identity:Authority is not set: citizens would sign in at the bundled development e-ID provider. Set the issuer of the national e-ID (VNeID), or MotCua:Identity:AllowBundledProvider=true for a pilot with its own keys and secrets.");
            }
            else
            {
                foreach (var (key, why) in new[]
                {
                    ("ClientSecret", "the client secret of the web app at the bundled provider"),
                    ("SubjectKey", "the key of the citizens' opaque subject identifiers (the same on every node)"),
                    ("SigningCertificatePath", "a PFX with the provider's signing key (without it the keys change at every start and differ between nodes)"),
                })
                {
                    if (string.IsNullOrWhiteSpace(identity[key]))
                    {
                        problems.Add($"MotCua:Identity:{key} is not set: {why}.");
                    }
                }
            }
        }
        else if (string.IsNullOrWhiteSpace(identity["ClientSecret"]))
        {
            problems.Add("MotCua:Identity:ClientSecret is not set: the client secret the e-ID provider issued to this center.");
        }

        if (string.IsNullOrWhiteSpace(CenterOptions.From(configuration).PublicBaseUrl))
        {
            problems.Add($"{CenterOptions.Section}:PublicBaseUrl is not set: the public address printed in links and QR codes on slips, tickets and posters (https://…).");
        }
        else if (WebGuard.HttpsPort(configuration) is null)
        {
            problems.Add($"{CenterOptions.Section}:PublicBaseUrl is not an https:// address: sign-in cookies are sent over HTTPS only and plain HTTP is redirected to it outside Development.");
        }

        if (configuration.GetValue("FORWARDEDHEADERS_ENABLED", false))
        {
            problems.Add($"ASPNETCORE_FORWARDEDHEADERS_ENABLED is true: X-Forwarded-For from ANY sender would be believed (anyone picks their own address and rate-limit bucket). Unset it and list the reverse proxies in {WebGuard.ForwardedHeadersSection}:KnownProxies (or KnownNetworks).");
        }

        if (string.IsNullOrWhiteSpace(configuration[$"{DataProtectionSection}:CertificatePath"]))
        {
            problems.Add($"{DataProtectionSection}:CertificatePath is not set: a PFX whose key encrypts the data-protection keys (sign-in cookies, antiforgery) stored in the database.");
        }

        if (MotCua.Platform.Identity.TwoFactorPolicy.Problem(configuration) is { } twoFactor)
        {
            problems.Add(twoFactor);
        }

        if (AuditKey.Problem(configuration) is { } auditKey)
        {
            problems.Add(auditKey);
        }

        // The simulators run outside Development only when switched on explicitly (a training center); a real center asks the registry.
        if (!configuration.GetValue(IntegrationSettings.SimulatorsEnabled, false) && string.IsNullOrWhiteSpace(configuration[IntegrationSettings.RegistryBaseUrl]))
        {
            problems.Add($"{IntegrationSettings.RegistryBaseUrl} is not set: the address of the national population registry (with {IntegrationSettings.Registry}:ApiKey), or {IntegrationSettings.SimulatorsEnabled}=true for a training center that uses the simulators.");
        }

        if (configuration["AllowedHosts"] is not { Length: > 0 } hosts || hosts.Split(';').Any(h => h.Trim() == "*"))
        {
            problems.Add("AllowedHosts is not set or is \"*\": list the host names the center is reached at (e.g. dichvucong.hanoi.gov.vn;motcua.hanoi.gov.vn).");
        }

        return problems;
    }

    /// <summary>The message printed when MotCua refuses to start.</summary>
    public static string Message(IHostEnvironment environment, IReadOnlyList<string> problems)
        => $"MotCua refuses to start in the {environment.EnvironmentName} environment (outside Development nothing demo may run):"
           + string.Concat(problems.Select(p => $"{Environment.NewLine}  - {p}"))
           + $"{Environment.NewLine}For the demo, run in Development: `dotnet run --project src/MotCua.Web` (its launch profile sets ASPNETCORE_ENVIRONMENT=Development).";
}
