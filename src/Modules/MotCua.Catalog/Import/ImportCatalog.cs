using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Procedures;
using MotCua.Catalog.Search;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;

namespace MotCua.Catalog.Import;

/// <summary>What the parser made of the records: structure counted over the procedures read.</summary>
internal sealed record ParseCounts(int Procedures, int Cases, int Documents, int ConditionalDocuments, int Notes, int LegalDocuments, int Results, int ResultsWithCode)
{
    /// <summary>Counts over the procedures; a paper common to several cases counts once per procedure.</summary>
    public static ParseCounts Of(IReadOnlyList<ProcedureContent> procedures)
    {
        var documents = procedures.Select(p => p.DocumentGroups.SelectMany(g => g.Documents).Distinct().ToList()).ToList();
        return new ParseCounts(
            procedures.Count,
            procedures.Sum(p => p.DocumentGroups.Count),
            documents.Sum(d => d.Count),
            documents.Sum(d => d.Count(x => x.IsConditional)),
            procedures.Sum(p => p.Notes?.Count ?? 0),
            procedures.Sum(p => p.LegalDocuments?.Count ?? 0),
            procedures.Sum(p => p.Results?.Count ?? 0),
            procedures.Sum(p => p.Results?.Count(r => r.Code is not null) ?? 0));
    }

    public override string ToString()
        => $"procedures {Procedures}, cases {Cases}, documents {Documents} (conditional {ConditionalDocuments}), notes {Notes}, legal documents {LegalDocuments}, results {Results} (with code {ResultsWithCode})";
}

/// <summary>What an import did: counts and every problem found.</summary>
internal sealed record ImportReport(string File, int Read, int Imported, int Unchanged, int NewVersions, int SkippedSummaries, IReadOnlyList<ImportProblem> Problems)
{
    public ParseCounts Parsed { get; init; } = new(0, 0, 0, 0, 0, 0, 0, 0);

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

        var report = new ImportReport(name, procedures.Count, imported, unchanged, newVersions, skipped, problems) { Parsed = ParseCounts.Of(procedures) };
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
