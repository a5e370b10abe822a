using MotCua.Organisation.Contracts;

namespace MotCua.Organisation.Network;

/// <summary>
/// An organisation unit: the center, a branch, a reception or service point, or a deciding agency.
/// Codes are strings; agencies carry their electronic ID (mã định danh, QĐ 20/2020/QĐ-TTg) as data.
/// </summary>
internal sealed class OrgUnit
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Code { get; init; }
    public required string Name { get; set; }
    public OrgUnitKind Kind { get; init; }
    public AgencyKind AgencyKind { get; set; }
    public Guid? ParentId { get; set; }

    /// <summary>The agency's electronic ID, e.g. "000.00.01.H26"; the first part of its dossier codes.</summary>
    public string? ElectronicId { get; set; }
    public string Address { get; set; } = "";

    /// <summary>The ward/commune the unit sits in (its jurisdiction for a commune agency).</summary>
    public string? WardCode { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>Opening hours in the compact form of <see cref="OpeningHours"/>.</summary>
    public string OpeningHours { get; set; } = Network.OpeningHours.Default.ToString();
    public string Phone { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public string FoldedName { get; set; } = "";

    /// <summary>The wards this point serves first (its own ward; a branch: the wards nearest to it).</summary>
    public List<OrgUnitWard> Wards { get; init; } = [];
}

internal sealed class OrgUnitWard
{
    public Guid OrgUnitId { get; init; }
    public required string WardCode { get; init; }
}
