using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Procedures;
using MotCua.Catalog.Search;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;

namespace MotCua.Catalog.Import;

/// <summary>What an import did: counts and every problem found.</summary>
internal sealed record ImportReport(string File, int Read, int Imported, int Unchanged, int NewVersions, int SkippedSummaries, IReadOnlyList<ImportProblem> Problems)
{
    public override string ToString()
        => $"{File}: read {Read}, imported {Imported}, unchanged {Unchanged}, new versions {NewVersions}, summaries skipped (detail kept) {SkippedSummaries}, problems {Problems.Count}";
}

/// <summary>
/// Imports a catalog file (the detailed JSON or the summary CSV). Idempotent: the same file twice changes
/// nothing; a changed procedure gets a new version; a summary never replaces a detailed record.
/// A bad record is reported and skipped, never the whole file.
/// </summary>
internal sealed class ImportCatalog(MotCuaDb db, TimeProvider time, AuditTrail audit, CatalogIndex index, DecidingAgencies.DecidingAgencySuggestions agencies)
{
    public async Task<ImportReport> RunAsync(Stream stream, string fileName, CancellationToken ct)
    {
        var name = Path.GetFileName(fileName);
        var read = name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? CatalogCsvReader.Read(stream, name)
            : CatalogJsonReader.Read(stream, name);
        return await SaveAsync(name, read.Procedures, read.Problems, ct);
    }

    public async Task<ImportReport> SaveAsync(string name, IReadOnlyList<ProcedureContent> procedures, IReadOnlyList<ImportProblem> problems, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var existing = await db.Set<Procedure>().ToDictionaryAsync(p => p.Code, ct);
        int imported = 0, unchanged = 0, newVersions = 0, skipped = 0;
        foreach (var content in procedures)
        {
            if (!existing.TryGetValue(content.Code, out var procedure))
            {
                procedure = Procedure.Create(content, $"import:{name}", null, now);
                db.Add(procedure);
                existing[content.Code] = procedure;
                imported++;
            }
            else if (content.Detail == DetailLevel.Summary && procedure.Detail == DetailLevel.Full)
            {
                skipped++;
            }
            else if (procedure.AddVersion(content, $"import:{name}", null, now))
            {
                newVersions++;
            }
            else
            {
                unchanged++;
            }
        }

        var report = new ImportReport(name, procedures.Count, imported, unchanged, newVersions, skipped, problems);
        if (imported + newVersions > 0)
        {
            audit.Record("catalog.imported", $"catalog-file:{name}", report.ToString());
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (imported + newVersions > 0)
        {
            await agencies.FillMissingAsync(ct);
            await index.ReloadAsync(ct);
        }

        return report;
    }
}
