using MotCua.Integrations.Contracts;

namespace MotCua.Integrations.Registry;

/// <summary>Where the registry's data comes from: the national population database, or the demo citizens.</summary>
internal interface IPopulationSource
{
    Task<Citizen?> FindAsync(string idNumber, CancellationToken ct);
}

/// <summary>Demo citizens for development and tests (ID numbers are fictitious).</summary>
internal sealed class DemoPopulationRegistry : IPopulationSource
{
    public static readonly IReadOnlyList<Citizen> Citizens =
    [
        new("001090000001", "Nguyễn Thị Hường", new DateOnly(1990, 3, 14), "Nữ", "12 Phố Quán Thánh, Phường Ba Đình, Hà Nội", "00004", "0912000001"),
        new("001085000002", "Trần Văn Minh", new DateOnly(1985, 11, 2), "Nam", "45 Phố Kim Mã, Phường Ngọc Hà, Hà Nội", "00008", "0912000002"),
        new("001078000003", "Lê Thị Thu", new DateOnly(1978, 6, 21), "Nữ", "8 Phố Huế, Phường Hai Bà Trưng, Hà Nội", "00256", "0912000003"),
        new("001095000004", "Phạm Quốc Bảo", new DateOnly(1995, 1, 30), "Nam", "102 Phố Xã Đàn, Phường Kim Liên, Hà Nội", "00229", "0912000004"),
        new("001049000005", "Hoàng Văn Thọ", new DateOnly(1949, 9, 9), "Nam", "3 Ngõ Trạm, Phường Hoàn Kiếm, Hà Nội", "00070", "0912000005"),
        new("001001000006", "Vũ Ngọc Anh", new DateOnly(2001, 12, 5), "Nữ", "27 Phố Nguyễn Trãi, Phường Thanh Xuân, Hà Nội", "00367", "0912000006"),
    ];

    public Task<Citizen?> FindAsync(string idNumber, CancellationToken ct)
        => Task.FromResult(Citizens.FirstOrDefault(c => c.IdNumber == idNumber.Trim()));
}
