using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.DecidingAgencies;
using MotCua.Catalog.Procedures;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;

namespace MotCua.Catalog.Contracts;

/// <summary>A procedure version as other modules see it: dossiers keep the id and version they started with.</summary>
public sealed record ProcedureRef(Guid Id, string Code, int Version, ProcedureContent Content);

/// <summary>
/// A version's deciding agency at one level: a kind at the commune level (resolved to the applicant's ward's
/// agency), a unit code at the city level; <see cref="Confirmed"/> false while it is only the imported suggestion.
/// </summary>
public sealed record DecidingAgencyRef(string Level, AgencyKind Kind, string? UnitCode, bool Confirmed);

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

    /// <summary>The deciding agencies a procedure version names, per level (empty when it names none).</summary>
    public async Task<IReadOnlyList<DecidingAgencyRef>> DecidingAgenciesAsync(Guid procedureId, int version, CancellationToken ct)
        => await db.Set<DecidingAgency>().AsNoTracking()
            .Join(db.Set<ProcedureVersion>().Where(v => v.ProcedureId == procedureId && v.Number == version), a => a.VersionId, v => v.Id, (a, v) => a)
            .OrderBy(a => a.Level)
            .Select(a => new DecidingAgencyRef(a.Level, a.Kind, a.UnitCode, a.Confirmed))
            .ToListAsync(ct);

    private async Task<ProcedureRef?> VersionAsync(Procedure procedure, int number, CancellationToken ct)
    {
        var version = await db.Set<ProcedureVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.ProcedureId == procedure.Id && v.Number == number, ct);
        return version is null ? null : new ProcedureRef(procedure.Id, procedure.Code, number, version.Content);
    }
}
