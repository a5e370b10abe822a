using MotCua.Organisation.Contracts;

namespace MotCua.Organisation.Units;

/// <summary>A province or a commune/ward/special zone after the 1/7/2025 reorganisation. Code = GSO code.</summary>
internal sealed class AdministrativeUnit
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public string ShortName { get; set; } = "";
    public string NameEn { get; set; } = "";

    /// <summary>"Thành phố", "Tỉnh", "Phường", "Xã", "Đặc khu".</summary>
    public string Type { get; set; } = "";
    public UnitLevel Level { get; init; }
    public string? ProvinceCode { get; init; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public double? AreaKm2 { get; set; }

    /// <summary>Estimated population (Hanoi: 2019 census split over the merged units; for weighting only).</summary>
    public int? Population { get; set; }

    /// <summary>Accent-free lower-case name for search.</summary>
    public string FoldedName { get; set; } = "";
}
