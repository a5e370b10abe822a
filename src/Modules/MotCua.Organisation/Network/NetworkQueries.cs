using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Units;
using MotCua.Platform.Data;
using MotCua.Platform.Text;

namespace MotCua.Organisation.Network;

internal sealed record PointSummary(
    string Code,
    string Name,
    OrgUnitKind Kind,
    string? ParentCode,
    string Address,
    string? WardCode,
    double? Latitude,
    double? Longitude,
    string OpeningHours,
    string Phone,
    bool IsActive);

/// <param name="WardNames">The names of the wards the point serves (in code order), as people know them.</param>
internal sealed record PointDetail(PointSummary Point, string? ParentName, IReadOnlyList<PointSummary> Children, IReadOnlyList<string> WardCodes, string? ElectronicId, AgencyKind AgencyKind)
{
    public IReadOnlyList<string> WardNames { get; init; } = [];
}

/// <summary>The center's network and agencies, as pages and the API show them.</summary>
internal sealed class NetworkQueries(MotCuaDb db)
{
    public async Task<IReadOnlyList<PointSummary>> ListAsync(OrgUnitKind? kind, string? query, CancellationToken ct)
    {
        var units = db.Set<OrgUnit>().AsNoTracking();
        units = kind is { } k ? units.Where(u => u.Kind == k) : units.Where(u => u.Kind != OrgUnitKind.Agency);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var folded = VietnameseText.Fold(query);
            units = units.Where(u => u.FoldedName.Contains(folded) || u.Code == query.Trim());
        }

        var codes = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.Kind != OrgUnitKind.Agency && u.Kind != OrgUnitKind.ServicePoint)
            .Select(u => new { u.Id, u.Code }).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var list = await units.OrderBy(u => u.Kind).ThenBy(u => u.Code).ToListAsync(ct);
        return list.Select(u => Summary(u, codes)).ToList();
    }

    public async Task<PointDetail?> FindAsync(string code, CancellationToken ct)
    {
        var unit = await db.Set<OrgUnit>().AsNoTracking().Include(u => u.Wards).FirstOrDefaultAsync(u => u.Code == code, ct);
        if (unit is null)
        {
            return null;
        }

        var parent = unit.ParentId is { } pid ? await db.Set<OrgUnit>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == pid, ct) : null;
        var children = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.ParentId == unit.Id).OrderBy(u => u.Kind).ThenBy(u => u.Code).ToListAsync(ct);
        var codes = new Dictionary<Guid, string> { [unit.Id] = unit.Code };
        if (parent is not null)
        {
            codes[parent.Id] = parent.Code;
        }

        var wardCodes = unit.Wards.Select(w => w.WardCode).Order(StringComparer.Ordinal).ToList();
        var wardNames = await db.Set<AdministrativeUnit>().AsNoTracking().Where(a => wardCodes.Contains(a.Code) && a.Level == UnitLevel.Commune)
            .ToDictionaryAsync(a => a.Code, a => a.Name, ct);
        return new PointDetail(
            Summary(unit, codes),
            parent?.Name,
            children.Select(c => Summary(c, codes)).ToList(),
            wardCodes,
            unit.ElectronicId,
            unit.AgencyKind)
        {
            WardNames = [.. wardCodes.Select(c => wardNames.GetValueOrDefault(c, c))],
        };
    }

    public async Task<IReadOnlyList<OrgUnit>> AgenciesAsync(AgencyKind? kind, CancellationToken ct)
    {
        var q = db.Set<OrgUnit>().AsNoTracking().Where(u => u.Kind == OrgUnitKind.Agency);
        if (kind is { } k)
        {
            q = q.Where(u => u.AgencyKind == k);
        }

        return await q.OrderBy(u => u.AgencyKind).ThenBy(u => u.Code).ToListAsync(ct);
    }

    private static PointSummary Summary(OrgUnit u, IReadOnlyDictionary<Guid, string> codes) => new(
        u.Code, u.Name, u.Kind, u.ParentId is { } p && codes.TryGetValue(p, out var pc) ? pc : null,
        u.Address, u.WardCode, u.Latitude, u.Longitude, u.OpeningHours, u.Phone, u.IsActive);
}
