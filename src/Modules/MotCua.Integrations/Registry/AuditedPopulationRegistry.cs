using MotCua.Integrations.Contracts;
using MotCua.Platform.Audit;

namespace MotCua.Integrations.Registry;

/// <summary>
/// The registry as the other modules call it: every look-up goes to the source and leaves a read in the audit trail
/// ("registry.lookup", subject <c>citizen:{ID number}</c>, the purpose and whether the citizen was found), saved at once —
/// a look-up at the counter (<c>/reception?id=…</c>) or at sign-in is as visible as a dossier read.
/// </summary>
internal sealed class AuditedPopulationRegistry(IPopulationSource source, AuditTrail audit) : IPopulationRegistry
{
    public async Task<Citizen?> FindAsync(string idNumber, string purpose, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var id = idNumber.Trim();
        var found = await source.FindAsync(id, ct);
        await audit.RecordReadAsync("registry.lookup", $"citizen:{(id.Length > 20 ? id[..20] + "…" : id)}",
            $"{purpose}; {(found is null ? "không có trong CSDL dân cư" : "có trong CSDL dân cư")}", ct);
        return found;
    }
}
