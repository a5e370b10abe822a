using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Units;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
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

/// <summary>
/// What the network list is asked (the page /network and GET /api/v1/branches take the same parameters):
/// <paramref name="Kind"/> Center, Branch, ReceptionPoint or ServicePoint (Agency: the deciding agencies instead);
/// <paramref name="Q"/> a name or a code; <paramref name="Area"/> where: a ward or commune of today, or a district
/// or commune of before 1/7/2025 (or words of the address); accents and case optional. Pages from 1.
/// </summary>
internal sealed record NetworkQuery(string? Kind = null, string? Q = null, string? Area = null, int Page = 1, int PageSize = NetworkQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 500;
    public const int MaxText = 200;
}

/// <summary>How many units of a kind match the name and area asked (whatever kind is chosen).</summary>
internal sealed record KindCount(OrgUnitKind Kind, int Count);

/// <summary>One page of the network list: <paramref name="Total"/> matches in all, by kind then code.</summary>
internal sealed record PointList(int Total, int Page, int PageSize, IReadOnlyList<KindCount> Kinds, IReadOnlyList<PointSummary> Items);

/// <summary>The page of the list, and every match (the map shows them all).</summary>
internal sealed record NetworkSearch(PointList List, IReadOnlyList<PointSummary> Matches);

/// <summary>The center's network and agencies, as pages and the API show them.</summary>
internal sealed class NetworkQueries(MotCuaDb db)
{
    private static readonly OrgUnitKind[] PublicKinds = [OrgUnitKind.Center, OrgUnitKind.Branch, OrgUnitKind.ReceptionPoint, OrgUnitKind.ServicePoint];

    /// <summary>The network filtered by name or code and by area, counted by kind, then filtered by kind and paged.</summary>
    public async Task<Result<NetworkSearch>> SearchAsync(NetworkQuery query, CancellationToken ct)
    {
        var errors = new List<Error>();
        OrgUnitKind? kind = null;
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            if (Enum.TryParse<OrgUnitKind>(query.Kind.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k) && !char.IsAsciiDigit(query.Kind.Trim()[0]))
            {
                kind = k;
            }
            else
            {
                errors.Add(Error.Invalid("kind", "Loại đơn vị phải là Center (trung tâm), Branch (chi nhánh), ReceptionPoint (điểm tiếp nhận), ServicePoint (điểm phục vụ) hoặc Agency (cơ quan giải quyết)."));
            }
        }

        if (query.Q?.Length > NetworkQuery.MaxText)
        {
            errors.Add(Error.Invalid("q", $"Tên hoặc mã tìm kiếm dài quá {NetworkQuery.MaxText} ký tự."));
        }

        if (query.Area?.Length > NetworkQuery.MaxText)
        {
            errors.Add(Error.Invalid("area", $"Địa bàn tìm kiếm dài quá {NetworkQuery.MaxText} ký tự."));
        }

        if (query.Page < 1)
        {
            errors.Add(Error.Invalid("page", "Số trang phải từ 1 trở lên."));
        }

        if (query.PageSize is < 1 or > NetworkQuery.MaxPageSize)
        {
            errors.Add(Error.Invalid("pageSize", $"Số đơn vị mỗi trang phải từ 1 đến {NetworkQuery.MaxPageSize}."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var units = db.Set<OrgUnit>().AsNoTracking();
        units = kind == OrgUnitKind.Agency ? units.Where(u => u.Kind == OrgUnitKind.Agency) : units.Where(u => PublicKinds.Contains(u.Kind));
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var folded = VietnameseText.Fold(query.Q);
            var code = query.Q.Trim().ToUpperInvariant();
            units = units.Where(u => u.FoldedName.Contains(folded) || u.Code == code);
        }

        var found = await units.OrderBy(u => u.Kind).ThenBy(u => u.Code).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(query.Area))
        {
            found = await InAreaAsync(found, VietnameseText.Fold(query.Area), ct);
        }

        var counts = found.GroupBy(u => u.Kind).Select(g => new KindCount(g.Key, g.Count())).OrderBy(c => c.Kind).ToList();
        var parents = found.Select(u => u.ParentId).OfType<Guid>().Distinct().ToList();
        var codes = await db.Set<OrgUnit>().AsNoTracking().Where(u => parents.Contains(u.Id))
            .Select(u => new { u.Id, u.Code }).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var matches = found.Where(u => kind is null || u.Kind == kind).Select(u => Summary(u, codes)).ToList();
        var items = matches.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new NetworkSearch(new PointList(matches.Count, query.Page, query.PageSize, counts, items), matches);
    }

    /// <summary>
    /// The units in an area: sitting in a ward whose name (today's, or a former district's or commune's it took in)
    /// contains the folded text, or whose address does.
    /// </summary>
    private async Task<List<OrgUnit>> InAreaAsync(List<OrgUnit> units, string folded, CancellationToken ct)
    {
        var wardCodes = units.Select(u => u.WardCode).OfType<string>().Distinct().ToList();
        var wards = await db.Set<AdministrativeUnit>().AsNoTracking().Where(a => a.Level == UnitLevel.Commune && wardCodes.Contains(a.Code))
            .Select(a => new { a.Code, a.FoldedName }).ToListAsync(ct);
        var inArea = wards.Where(w => w.FoldedName.Contains(folded, StringComparison.Ordinal)).Select(w => w.Code)
            .Concat(FormerUnits.WardsMatching(folded)).ToHashSet(StringComparer.Ordinal);
        return [.. units.Where(u => (u.WardCode is { } w && inArea.Contains(w)) || VietnameseText.Fold(u.Address).Contains(folded, StringComparison.Ordinal))];
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
