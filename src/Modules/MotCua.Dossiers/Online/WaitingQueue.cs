using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;

namespace MotCua.Dossiers.Online;

internal sealed record WaitingDossier(string Code, string ProcedureCode, string ProcedureName, string ApplicantName, DateTimeOffset SubmittedAt, string AgencyName, int Version);

/// <summary>Online dossiers waiting for reception, oldest first (the center's queue).</summary>
internal sealed class WaitingQueue(MotCuaDb db)
{
    public async Task<IReadOnlyList<WaitingDossier>> RunAsync(int take, CancellationToken ct)
        => await db.Set<Dossier>().AsNoTracking()
            .Where(d => d.Status == DossierStatus.RegisteredOnline)
            .OrderBy(d => d.CreatedAt)
            .Take(Math.Clamp(take, 1, 500))
            .Select(d => new WaitingDossier(d.Code, d.ProcedureCode, d.ProcedureName, d.Applicant.Name, d.SubmittedAt ?? d.CreatedAt, d.AgencyName, d.Version))
            .ToListAsync(ct);
}
