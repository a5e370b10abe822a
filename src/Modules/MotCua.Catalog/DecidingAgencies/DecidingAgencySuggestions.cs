using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Procedures;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Text;

namespace MotCua.Catalog.DecidingAgencies;

/// <summary>
/// The suggestion for a version's deciding agency, read from the catalog's agency names (the heuristic that
/// routed dossiers before procedures named their agency as data), and the start-up pass that fills it in for
/// versions that have none — idempotent: a version with rows is never touched; a version whose procedure has
/// an earlier version with rows takes those (set and confirmed choices carry over to re-imported content).
/// </summary>
internal sealed class DecidingAgencySuggestions(MotCuaDb db, OrgDirectory directory)
{
    private static readonly string[] Departments =
        ["so tu phap", "so noi vu", "so tai chinh", "so xay dung", "so nong nghiep", "so cong thuong", "so y te", "so giao duc", "so van hoa", "so du lich", "so khoa hoc", "so dan toc"];

    /// <summary>Whether the text puts the procedure at the commune level (as the heuristic always did).</summary>
    public static bool CommuneLevel(ProcedureContent procedure)
    {
        var competent = Competent(procedure);
        return procedure.Levels.Contains(DecidingAgency.CommuneLevel)
            && (competent.Contains("xa", StringComparison.Ordinal) || competent.Length == 0 || !procedure.Levels.Contains(DecidingAgency.CityLevel));
    }

    /// <summary>The suggested row (unconfirmed) for a version, or null when no agency fits (no network yet).</summary>
    public static DecidingAgency? Suggest(Guid versionId, ProcedureContent procedure, IReadOnlyList<UnitRef> agencies)
    {
        var competent = Competent(procedure);
        if (CommuneLevel(procedure))
        {
            var kind = competent.Contains("cong an", StringComparison.Ordinal) ? AgencyKind.CommunePolice : AgencyKind.CommuneCommittee;
            return new DecidingAgency { VersionId = versionId, Level = DecidingAgency.CommuneLevel, Kind = kind };
        }

        var level = procedure.Levels.Contains(DecidingAgency.CityLevel) ? DecidingAgency.CityLevel
            : procedure.Levels.FirstOrDefault(l => l != DecidingAgency.CommuneLevel) ?? DecidingAgency.CityLevel;
        var cityAgencies = agencies.Where(a => a.WardCode is null).ToList();
        var unit = Departments.Where(d => competent.Contains(d, StringComparison.Ordinal))
                .Select(d => cityAgencies.FirstOrDefault(a => VietnameseText.Fold(a.Name).Contains(d, StringComparison.Ordinal)))
                .FirstOrDefault(a => a is not null)
            ?? (competent.Contains("cong an", StringComparison.Ordinal) ? cityAgencies.FirstOrDefault(a => a.AgencyKind == AgencyKind.CityPolice) : null)
            ?? cityAgencies.FirstOrDefault(a => a.AgencyKind == AgencyKind.CityCommittee);
        return unit is null ? null : new DecidingAgency { VersionId = versionId, Level = level, Kind = unit.AgencyKind, UnitCode = unit.Code };
    }

    /// <summary>Fills in the rows of every version that has none. Returns how many versions got rows.</summary>
    public async Task<int> FillMissingAsync(CancellationToken ct)
    {
        var missing = await db.Set<ProcedureVersion>().AsNoTracking()
            .Where(v => !db.Set<DecidingAgency>().Any(a => a.VersionId == v.Id))
            .OrderBy(v => v.ProcedureId).ThenBy(v => v.Number)
            .ToListAsync(ct);
        if (missing.Count == 0)
        {
            return 0;
        }

        var agencies = await directory.AgenciesAsync(null, ct);
        var procedureIds = missing.Select(v => v.ProcedureId).Distinct().ToList();
        var existing = await db.Set<DecidingAgency>().AsNoTracking()
            .Join(db.Set<ProcedureVersion>(), a => a.VersionId, v => v.Id, (a, v) => new { v.ProcedureId, v.Number, Row = a })
            .Where(x => procedureIds.Contains(x.ProcedureId))
            .ToListAsync(ct);
        var filled = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var version in missing)
        {
            var earlier = existing.Where(x => x.ProcedureId == version.ProcedureId && x.Number < version.Number).ToList();
            List<DecidingAgency> rows;
            if (earlier.Count > 0)
            {
                var number = earlier.Max(x => x.Number);
                rows = earlier.Where(x => x.Number == number && version.Content.Levels.Contains(x.Row.Level)).Select(x => x.Row.CopyFor(version.Id)).ToList();
            }
            else
            {
                rows = [];
            }

            if (rows.Count == 0 && Suggest(version.Id, version.Content, agencies) is { } suggestion)
            {
                rows.Add(suggestion);
            }

            if (rows.Count > 0)
            {
                // Several nodes may start at once: a row another node wrote first is left as it is (no unique-key error).
                foreach (var row in rows)
                {
                    await MotCua.Platform.Data.InsertOrIgnore.AddAsync(db, row, ct);
                }

                existing.AddRange(rows.Select(r => new { version.ProcedureId, version.Number, Row = r }));
                filled++;
            }
        }

        await transaction.CommitAsync(ct);
        return filled;
    }

    private static string Competent(ProcedureContent procedure) => VietnameseText.Fold(procedure.CompetentAgency + " " + procedure.ImplementingAgency);
}
