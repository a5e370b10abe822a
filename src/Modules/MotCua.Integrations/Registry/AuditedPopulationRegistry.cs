using MotCua.Integrations.Contracts;
using MotCua.Platform.Audit;

namespace MotCua.Integrations.Registry;

/// <summary>
/// The registry as the other modules call it: every look-up goes to the source and leaves a read in the audit trail
/// ("registry.lookup", subject <c>citizen:{ID number}</c>, the purpose and how it ended — found, not found, or no answer),
/// saved at once: a look-up at the counter (<c>/reception?id=…</c>) or at sign-in is as visible as a dossier read.
/// </summary>
internal sealed class AuditedPopulationRegistry(HttpPopulationSource source, AuditTrail audit) : IPopulationRegistry
{
    public async Task<RegistryAnswer> LookUpAsync(string idNumber, string purpose, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var id = idNumber.Trim();
        var answer = id.Length == 12 && id.All(char.IsAsciiDigit) ? await source.LookUpAsync(id, ct) : RegistryAnswer.NotFound;
        var outcome = answer.Outcome switch
        {
            RegistryOutcome.Found => "có trong CSDL dân cư",
            RegistryOutcome.NotFound => "không có trong CSDL dân cư",
            _ => $"CSDL dân cư không trả lời ({answer.Problem})",
        };
        await audit.RecordReadAsync("registry.lookup", $"citizen:{(id.Length > 20 ? id[..20] + "…" : id)}", $"{purpose}; {outcome}", ct);
        return answer;
    }
}
