namespace MotCua.Integrations.Contracts;

/// <summary>What the national population database says about a citizen (the data a dossier need not ask for).</summary>
public sealed record Citizen(string IdNumber, string FullName, DateOnly DateOfBirth, string Gender, string PermanentAddress, string WardCode, string Phone);

/// <summary>
/// The population registry (Cơ sở dữ liệu quốc gia về dân cư). Today a local registry of demo citizens;
/// the national connection implements the same call. Every look-up is a read of personal data: it is recorded in the
/// audit trail with who asked, when and for what (`purpose`), found or not.
/// </summary>
public interface IPopulationRegistry
{
    /// <param name="idNumber">The 12-digit personal ID number.</param>
    /// <param name="purpose">Why the data is read, as the audit trail shows it ("Tiếp nhận hồ sơ tại quầy: thủ tục 1.001193").</param>
    Task<Citizen?> FindAsync(string idNumber, string purpose, CancellationToken ct);
}
