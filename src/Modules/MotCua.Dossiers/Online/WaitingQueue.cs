using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;

namespace MotCua.Dossiers.Online;

internal sealed record WaitingDossier(string Code, string ProcedureCode, string ProcedureName, string ApplicantName, DateTimeOffset SubmittedAt, string AgencyName, int Version);

/// <summary>
/// Online dossiers waiting for reception, oldest first (the center's queue). The list shows applicants' names, so each
/// read is in the audit trail with the dossiers it showed.
/// </summary>
internal sealed class WaitingQueue(MotCuaDb db, AuditTrail audit)
{
    public async Task<IReadOnlyList<WaitingDossier>> RunAsync(int take, CancellationToken ct)
    {
        var waiting = await db.Set<Dossier>().AsNoTracking()
            .Where(d => d.Status == DossierStatus.RegisteredOnline)
            .OrderBy(d => d.CreatedAt)
            .Take(Math.Clamp(take, 1, 500))
            .Select(d => new WaitingDossier(d.Code, d.ProcedureCode, d.ProcedureName, d.Applicant.Name, d.SubmittedAt ?? d.CreatedAt, d.AgencyName, d.Version))
            .ToListAsync(ct);
        await audit.RecordReadAsync("dossier.waiting-list.read", "waiting-list:online",
            waiting.Count == 0 ? "không có hồ sơ chờ" : $"{waiting.Count} hồ sơ: {string.Join(", ", waiting.Select(w => w.Code))}", ct);
        return waiting;
    }
}
