using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Units;
using MotCua.Platform.Data;
using MotCua.Platform.Text;

namespace MotCua.Organisation.Contracts;

public sealed record UnitSummary(string Code, string Name, string Type, UnitLevel Level, string? ProvinceCode, double? Latitude, double? Longitude, double? AreaKm2, int? Population);

/// <summary>Provinces and communes for pickers, pages and the API.</summary>
public sealed class UnitQueries(MotCuaDb db)
{
    public async Task<IReadOnlyList<UnitSummary>> ListAsync(string? provinceCode, string? query, CancellationToken ct)
    {
        var units = db.Set<AdministrativeUnit>().AsNoTracking();
        units = string.IsNullOrWhiteSpace(provinceCode)
            ? units.Where(u => u.Level == UnitLevel.Province)
            : units.Where(u => u.ProvinceCode == provinceCode);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var folded = VietnameseText.Fold(query);
            units = units.Where(u => u.FoldedName.Contains(folded) || u.Code == query.Trim());
        }

        return await units.OrderBy(u => u.Code).Select(u => Summary(u)).ToListAsync(ct);
    }

    public async Task<UnitSummary?> FindAsync(string code, CancellationToken ct)
        => await db.Set<AdministrativeUnit>().AsNoTracking().Where(u => u.Code == code).Select(u => Summary(u)).FirstOrDefaultAsync(ct);

    private static UnitSummary Summary(AdministrativeUnit u)
        => new(u.Code, u.Name, u.Type, u.Level, u.ProvinceCode, u.Latitude, u.Longitude, u.AreaKm2, u.Population);
}
