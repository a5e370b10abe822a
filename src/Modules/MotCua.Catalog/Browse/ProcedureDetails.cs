using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Procedures;
using MotCua.Platform.Data;

namespace MotCua.Catalog.Browse;

internal sealed record VersionInfo(int Number, string Source, string? Author, DateTimeOffset CreatedAt);

internal sealed record ProcedureView(string Code, int Version, ProcedureContent Content, DateTimeOffset UpdatedAt, IReadOnlyList<VersionInfo> Versions);

/// <summary>One procedure as the detail page and GET /api/v1/procedures/{code} show it: a given or the current version.</summary>
internal sealed class ProcedureDetails(MotCuaDb db)
{
    public async Task<ProcedureView?> RunAsync(string code, int? version, CancellationToken ct)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        if (procedure is null)
        {
            return null;
        }

        var number = version ?? procedure.CurrentVersion;
        var selected = await db.Set<ProcedureVersion>().AsNoTracking()
            .FirstOrDefaultAsync(v => v.ProcedureId == procedure.Id && v.Number == number, ct);
        if (selected is null)
        {
            return null;
        }

        var versions = await db.Set<ProcedureVersion>().AsNoTracking()
            .Where(v => v.ProcedureId == procedure.Id)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionInfo(v.Number, v.Source, v.Author, v.CreatedAt))
            .ToListAsync(ct);
        return new ProcedureView(procedure.Code, number, selected.Content, procedure.UpdatedAt, versions);
    }
}
