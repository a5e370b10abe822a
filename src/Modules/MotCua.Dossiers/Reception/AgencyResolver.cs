using MotCua.Catalog.Contracts;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Text;

namespace MotCua.Dossiers.Reception;

/// <summary>
/// Which agency resolves a dossier (and so whose electronic ID starts its code). A commune-level procedure
/// goes to the commune agency of the applicant's ward (the police for "Công an" procedures, otherwise the
/// People's Committee), falling back to the ward of the receiving point; a city-level procedure goes to
/// the department named in its competent agency, else to the city People's Committee.
/// The procedure version's deciding agency per level (catalog data, set and confirmed by an administrator)
/// decides first: a commune-level row sends the dossier to that kind of agency of the applicant's ward (else the
/// receiving point's), another level's row to its unit. The text heuristic below only applies to a version that
/// names no agency (the catalog's start-up pass suggests rows from the same heuristic).
/// </summary>
internal sealed class AgencyResolver(OrgDirectory directory, ProcedureLookup catalog)
{
    public async Task<UnitRef?> ResolveAsync(ProcedureRef procedure, string? applicantWard, string? receivingWard, CancellationToken ct)
    {
        var rows = await catalog.DecidingAgenciesAsync(procedure.Id, procedure.Version, ct);
        if (rows.FirstOrDefault(r => r.Level == "Cấp xã") is { } commune)
        {
            foreach (var ward in new[] { applicantWard, receivingWard })
            {
                if (!string.IsNullOrEmpty(ward) && await directory.AgencyForWardAsync(commune.Kind, ward, ct) is { } agency)
                {
                    return agency;
                }
            }
        }

        foreach (var row in rows.Where(r => r.UnitCode is not null))
        {
            if (await directory.UnitByCodeAsync(row.UnitCode!, ct) is { Kind: OrgUnitKind.Agency } unit)
            {
                return unit;
            }
        }

        return await ResolveAsync(procedure.Content, applicantWard, receivingWard, ct);
    }

    private static readonly string[] Departments =
        ["so tu phap", "so noi vu", "so tai chinh", "so xay dung", "so nong nghiep", "so cong thuong", "so y te", "so giao duc", "so van hoa", "so du lich", "so khoa hoc", "so dan toc"];

    public async Task<UnitRef?> ResolveAsync(ProcedureContent procedure, string? applicantWard, string? receivingWard, CancellationToken ct)
    {
        var competent = VietnameseText.Fold(procedure.CompetentAgency + " " + procedure.ImplementingAgency);
        var communeLevel = procedure.Levels.Contains("Cấp xã") && (competent.Contains("xa", StringComparison.Ordinal) || competent.Length == 0 || !procedure.Levels.Contains("Cấp tỉnh"));
        if (communeLevel)
        {
            var kind = competent.Contains("cong an", StringComparison.Ordinal) ? AgencyKind.CommunePolice : AgencyKind.CommuneCommittee;
            foreach (var ward in new[] { applicantWard, receivingWard })
            {
                if (!string.IsNullOrEmpty(ward) && await directory.AgencyForWardAsync(kind, ward, ct) is { } agency)
                {
                    return agency;
                }
            }
        }

        foreach (var department in Departments)
        {
            if (competent.Contains(department, StringComparison.Ordinal) && await directory.AgencyByFoldedNameAsync(department, ct) is { } agency)
            {
                return agency;
            }
        }

        if (competent.Contains("cong an", StringComparison.Ordinal) && await directory.FirstOfKindAsync(AgencyKind.CityPolice, ct) is { } police)
        {
            return police;
        }

        return await directory.FirstOfKindAsync(AgencyKind.CityCommittee, ct);
    }
}
