using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Network;
using MotCua.Organisation.Units;
using MotCua.Platform.Data;

namespace MotCua.Organisation.Contracts;

/// <summary>A unit as other modules see it.</summary>
public sealed record UnitRef(Guid Id, string Code, string Name, OrgUnitKind Kind, AgencyKind AgencyKind, string? ElectronicId, string? WardCode);

/// <summary>A place that serves the public (branch, reception point, commune service point) as other modules see it.</summary>
public sealed record ServicePlace(Guid Id, string Code, string Name, OrgUnitKind Kind, string Address, string? WardCode, double? Latitude, double? Longitude, string OpeningHours, Guid? ParentId);

/// <summary>A commune or ward with its centroid.</summary>
public sealed record WardPlace(string Code, string Name, string ProvinceCode, double? Latitude, double? Longitude);

/// <summary>Other modules' way into the organisation: units, agencies, wards.</summary>
public sealed class OrgDirectory(MotCuaDb db)
{
    public Task<UnitRef?> UnitAsync(Guid id, CancellationToken ct) => Find(u => u.Id == id, ct);

    /// <summary>The names of these units, in one query (unknown ids are absent).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> UnitNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
        => await db.Set<OrgUnit>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    public Task<UnitRef?> UnitByCodeAsync(string code, CancellationToken ct) => Find(u => u.Code == code, ct);

    /// <summary>The commune agency of a kind (UBND, công an) competent for a ward.</summary>
    public Task<UnitRef?> AgencyForWardAsync(AgencyKind kind, string wardCode, CancellationToken ct)
        => Find(u => u.Kind == OrgUnitKind.Agency && u.AgencyKind == kind && u.WardCode == wardCode, ct);

    /// <summary>A city-level agency whose folded name contains the given folded words ("so tu phap").</summary>
    public Task<UnitRef?> AgencyByFoldedNameAsync(string foldedName, CancellationToken ct)
        => Find(u => u.Kind == OrgUnitKind.Agency && u.WardCode == null && u.FoldedName.Contains(foldedName), ct);

    public Task<UnitRef?> FirstOfKindAsync(AgencyKind kind, CancellationToken ct)
        => Find(u => u.Kind == OrgUnitKind.Agency && u.AgencyKind == kind, ct);

    /// <summary>The deciding agencies (of a kind, or all), by kind and code.</summary>
    public async Task<IReadOnlyList<UnitRef>> AgenciesAsync(AgencyKind? kind, CancellationToken ct)
        => await db.Set<OrgUnit>().AsNoTracking()
            .Where(u => u.Kind == OrgUnitKind.Agency && (kind == null || u.AgencyKind == kind))
            .OrderBy(u => u.AgencyKind).ThenBy(u => u.Code)
            .Select(u => new UnitRef(u.Id, u.Code, u.Name, u.Kind, u.AgencyKind, u.ElectronicId, u.WardCode))
            .ToListAsync(ct);

    /// <summary>The active branches, reception points and service points, by code.</summary>
    public async Task<IReadOnlyList<ServicePlace>> ServicePlacesAsync(CancellationToken ct)
        => await db.Set<OrgUnit>().AsNoTracking()
            .Where(u => u.IsActive && (u.Kind == OrgUnitKind.Branch || u.Kind == OrgUnitKind.ReceptionPoint || u.Kind == OrgUnitKind.ServicePoint))
            .OrderBy(u => u.Kind).ThenBy(u => u.Code)
            .Select(u => new ServicePlace(u.Id, u.Code, u.Name, u.Kind, u.Address, u.WardCode, u.Latitude, u.Longitude, u.OpeningHours, u.ParentId))
            .ToListAsync(ct);

    public async Task<ServicePlace?> ServicePlaceAsync(string code, CancellationToken ct)
        => (await db.Set<OrgUnit>().AsNoTracking()
            .Where(u => u.Code == code && u.IsActive && (u.Kind == OrgUnitKind.Branch || u.Kind == OrgUnitKind.ReceptionPoint || u.Kind == OrgUnitKind.ServicePoint))
            .Select(u => new ServicePlace(u.Id, u.Code, u.Name, u.Kind, u.Address, u.WardCode, u.Latitude, u.Longitude, u.OpeningHours, u.ParentId))
            .ToListAsync(ct)).FirstOrDefault();

    /// <summary>A commune/ward with its centroid (for distances), or null.</summary>
    public async Task<WardPlace?> WardAsync(string code, CancellationToken ct)
        => (await db.Set<AdministrativeUnit>().AsNoTracking().Where(u => u.Code == code && u.Level == UnitLevel.Commune)
            .Select(u => new WardPlace(u.Code, u.Name, u.ProvinceCode ?? "", u.Latitude, u.Longitude)).ToListAsync(ct)).FirstOrDefault();

    public async Task<string?> WardNameAsync(string code, CancellationToken ct)
        => await db.Set<AdministrativeUnit>().Where(u => u.Code == code && u.Level == UnitLevel.Commune).Select(u => u.Name).FirstOrDefaultAsync(ct);

    /// <summary>A province's short name ("Hà Nội"): the place in the dateline of the forms; null when unknown.</summary>
    public async Task<string?> ProvinceShortNameAsync(string code, CancellationToken ct)
        => await db.Set<AdministrativeUnit>().AsNoTracking().Where(u => u.Code == code && u.Level == UnitLevel.Province)
            .Select(u => u.ShortName.Length > 0 ? u.ShortName : u.Name).FirstOrDefaultAsync(ct);

    /// <summary>A unit's public phone number ("" when none is recorded, null when the unit is unknown).</summary>
    public async Task<string?> UnitPhoneAsync(Guid id, CancellationToken ct)
        => await db.Set<OrgUnit>().AsNoTracking().Where(u => u.Id == id).Select(u => u.Phone).FirstOrDefaultAsync(ct);

    private async Task<UnitRef?> Find(System.Linq.Expressions.Expression<Func<OrgUnit, bool>> where, CancellationToken ct)
        => await db.Set<OrgUnit>().AsNoTracking().Where(where).OrderBy(u => u.Code)
            .Select(u => new UnitRef(u.Id, u.Code, u.Name, u.Kind, u.AgencyKind, u.ElectronicId, u.WardCode)).FirstOrDefaultAsync(ct);
}
