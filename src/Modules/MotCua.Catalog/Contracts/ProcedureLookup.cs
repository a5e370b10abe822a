using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Procedures;
using MotCua.Platform.Data;

namespace MotCua.Catalog.Contracts;

/// <summary>A procedure version as other modules see it: dossiers keep the id and version they started with.</summary>
public sealed record ProcedureRef(Guid Id, string Code, int Version, ProcedureContent Content);

/// <summary>Other modules' way into the catalog.</summary>
public sealed class ProcedureLookup(MotCuaDb db)
{
    public async Task<ProcedureRef?> CurrentAsync(string code, CancellationToken ct)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        return procedure is null ? null : await VersionAsync(procedure, procedure.CurrentVersion, ct);
    }

    public async Task<ProcedureRef?> VersionAsync(string code, int version, CancellationToken ct)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        return procedure is null ? null : await VersionAsync(procedure, version, ct);
    }

    private async Task<ProcedureRef?> VersionAsync(Procedure procedure, int number, CancellationToken ct)
    {
        var version = await db.Set<ProcedureVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.ProcedureId == procedure.Id && v.Number == number, ct);
        return version is null ? null : new ProcedureRef(procedure.Id, procedure.Code, number, version.Content);
    }
}
