using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Network;
using MotCua.Organisation.Units;
using MotCua.Platform.Data;

namespace MotCua.Organisation.Contracts;

/// <summary>
/// What coverage is measured on, read from the database: the province's communes/wards with coordinates and
/// population (the seed's 2019 census estimate per 2025 ward, split equally among merged wards), and the active
/// points with coordinates. Service points (one at every ward's committee) are left out unless asked for,
/// since with them every ward is covered by construction.
/// </summary>
public sealed class NetworkGeography(MotCuaDb db)
{
    public async Task<IReadOnlyList<Site>> WardsAsync(string provinceCode, CancellationToken ct)
    {
        var wards = await db.Set<AdministrativeUnit>().AsNoTracking()
            .Where(u => u.ProvinceCode == provinceCode && u.Level == UnitLevel.Commune && u.Latitude != null && u.Longitude != null)
            .OrderBy(u => u.Code)
            .ToListAsync(ct);
        return wards.Select(w => new Site(w.Code, w.Name, w.Latitude!.Value, w.Longitude!.Value, w.Population ?? 0)).ToList();
    }

    public async Task<IReadOnlyList<ServiceLocation>> OpenPointsAsync(bool includeServicePoints, CancellationToken ct)
    {
        var units = await db.Set<OrgUnit>().AsNoTracking()
            .Where(u => u.IsActive && u.Latitude != null && u.Longitude != null
                        && (u.Kind == OrgUnitKind.Center || u.Kind == OrgUnitKind.Branch || u.Kind == OrgUnitKind.ReceptionPoint
                            || (includeServicePoints && u.Kind == OrgUnitKind.ServicePoint)))
            .OrderBy(u => u.Code)
            .ToListAsync(ct);
        return units.Select(u => new ServiceLocation(u.Code, u.Name, u.Latitude!.Value, u.Longitude!.Value)).ToList();
    }
}
