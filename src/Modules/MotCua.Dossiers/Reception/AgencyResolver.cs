using MotCua.Catalog.Contracts;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Text;

namespace MotCua.Dossiers.Reception;

/// <summary>
/// Which agency resolves a dossier (and so whose electronic ID starts its code). A commune-level procedure
/// goes to the commune agency of the applicant's ward (the police for "Công an" procedures, otherwise the
/// People's Committee), falling back to the ward of the receiving point; a city-level procedure goes to
/// the department named in its competent agency, else to the city People's Committee. A heuristic over the
/// catalog's text until each procedure names its agency explicitly (issue "Processing").
/// </summary>
internal sealed class AgencyResolver(OrgDirectory directory)
{
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
