using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Units;
using MotCua.Platform.Data;
using MotCua.Platform.Startup;
using MotCua.Platform.Text;

namespace MotCua.Organisation.Seed;

/// <summary>Loads the 34 provinces and 3,321 communes of 1/7/2025 (and Hanoi's population estimates). Adds what is missing.</summary>
internal sealed class AdministrativeUnitSeeder(MotCuaDb db) : ISeeder
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken ct)
    {
        var existing = (await db.Set<AdministrativeUnit>().Select(u => u.Code).ToListAsync(ct)).ToHashSet();
        if (existing.Count >= 34 + 3321)
        {
            return;
        }

        var population = SeedFiles.Csv("hanoi_units_2025.csv").Rows
            .ToDictionary(r => r["code"], r => int.TryParse(r["pop2019_est_equal_split"], CultureInfo.InvariantCulture, out var p) ? p : (int?)null);

        foreach (var r in SeedFiles.Csv("vn_provinces_2025.csv").Rows.Where(r => !existing.Contains(r["code"])))
        {
            db.Add(new AdministrativeUnit
            {
                Code = r["code"],
                Name = VietnameseText.Canonical(r["name"]),
                ShortName = VietnameseText.Canonical(r["short_name"]),
                NameEn = r["name_en"],
                Type = r["name"].StartsWith("Thành phố", StringComparison.Ordinal) ? "Thành phố" : "Tỉnh",
                Level = UnitLevel.Province,
                Latitude = Number(r["lat"]),
                Longitude = Number(r["lon"]),
                AreaKm2 = Number(r["area_km2"]),
                FoldedName = VietnameseText.Fold(r["name"]),
            });
        }

        foreach (var r in SeedFiles.Csv("vn_communes_2025.csv").Rows.Where(r => !existing.Contains(r["code"])))
        {
            db.Add(new AdministrativeUnit
            {
                Code = r["code"],
                Name = VietnameseText.Canonical(r["name"]),
                ShortName = VietnameseText.Canonical(r["short_name"]),
                NameEn = r["name_en"],
                Type = r["type"],
                Level = UnitLevel.Commune,
                ProvinceCode = r["province_code"],
                Latitude = Number(r["lat"]),
                Longitude = Number(r["lon"]),
                AreaKm2 = Number(r["area_km2"]),
                Population = population.GetValueOrDefault(r["code"]),
                FoldedName = VietnameseText.Fold(r["name"]),
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private static double? Number(string text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
