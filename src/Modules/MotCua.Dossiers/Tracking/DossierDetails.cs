using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;

namespace MotCua.Dossiers.Tracking;

/// <summary>The whole dossier for staff, personal data included: every read is written to the audit trail.</summary>
internal sealed class DossierDetails(MotCuaDb db, AuditTrail audit)
{
    public async Task<Dossier?> RunAsync(string code, CancellationToken ct)
    {
        var dossier = await db.Set<Dossier>().AsNoTracking()
            .Include(d => d.Events).Include(d => d.Attachments).Include(d => d.Tasks)
            .AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Code == code, ct);
        if (dossier is not null)
        {
            await audit.RecordReadAsync("dossier.read", $"dossier:{code}", ct);
        }

        return dossier;
    }
}
