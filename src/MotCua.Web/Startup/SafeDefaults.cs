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
        if (environment.IsDevelopment())
        {
            // The development key stands in for a missing one; a key that is set must be a real one everywhere.
            return !string.IsNullOrWhiteSpace(configuration[AuditKey.Setting]) && AuditKey.Problem(configuration) is { } badKey ? [badKey] : [];
        }

        var problems = new List<string>();
        if (configuration.GetValue("MotCua:Seed:DemoStaff", false))
        {
            problems.Add("MotCua:Seed:DemoStaff is true: the demo staff accounts share a published password. Set it to false and create the first administrator with `motcua staff add --role Administrator …`.");
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
