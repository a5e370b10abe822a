using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Data;

namespace MotCua.Dossiers.Processes;

/// <summary>
/// The process a new dossier of a procedure version starts with: its published definition, or — for a
/// version that has none yet — the generated default, stored on first use so the dossier can refer to it.
/// </summary>
internal sealed class ProcessCatalog(MotCuaDb db, IServiceScopeFactory scopes, MotCua.Catalog.Contracts.ProcedureLookup procedures, TimeProvider time)
{
    public async Task<ProcessDefinition> CurrentAsync(string procedureCode, int procedureVersion, CancellationToken ct)
    {
        if (await PublishedAsync(db, procedureCode, procedureVersion, ct) is { } published)
        {
            return published;
        }

        // Numbered after any draft already written for this version; a delegated procedure (ủy quyền) is
        // resolved by the receiving branch itself.
        // Generated rows are left out of the count (one exists only if a twin just wrote it, since a generated
        // default is published at once): twins then pick the same number and the unique index keeps one.
        var number = 1 + (await db.Set<ProcessDefinition>().Where(d => d.ProcedureCode == procedureCode && d.ProcedureVersion == procedureVersion && !d.Generated)
            .MaxAsync(d => (int?)d.Number, ct) ?? 0);
        var delegated = (await procedures.VersionAsync(procedureCode, procedureVersion, ct))?.Content.DelegatedToCenter == true;
        var generated = new ProcessDefinition
        {
            ProcedureCode = procedureCode,
            ProcedureVersion = procedureVersion,
            Number = number,
            State = DefinitionState.Published,
            Generated = true,
            Note = "Quy trình mặc định sinh tự động",
            CreatedAt = time.GetUtcNow(),
            CreatedBy = "system",
            PublishedAt = time.GetUtcNow(),
            PublishedBy = "system",
            Spec = DefaultProcess.For(delegated),
        };

        // Written outside the caller's transaction and unit of work; a concurrent twin may win the unique
        // (procedure, version, number) index, and then its row is the one to use. INSERT … ON CONFLICT DO NOTHING:
        // the expected race is no unique-key violation (which EF Core would log as an error).
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        if (await InsertOrIgnore.AddAsync(own, generated, ct))
        {
            return generated;
        }

        return await PublishedAsync(db, procedureCode, procedureVersion, ct)
            ?? throw new InvalidOperationException($"No process for {procedureCode} v{procedureVersion}.");
    }

    public Task<ProcessDefinition?> ByIdAsync(Guid id, CancellationToken ct)
        => db.Set<ProcessDefinition>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);

    public static Task<ProcessDefinition?> PublishedAsync(MotCuaDb db, string procedureCode, int procedureVersion, CancellationToken ct)
        => db.Set<ProcessDefinition>().AsNoTracking()
            .Where(d => d.ProcedureCode == procedureCode && d.ProcedureVersion == procedureVersion && d.State == DefinitionState.Published)
            .OrderByDescending(d => d.Number)
            .FirstOrDefaultAsync(ct);
}
