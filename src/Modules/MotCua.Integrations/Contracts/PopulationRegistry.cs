namespace MotCua.Integrations.Contracts;

/// <summary>What the national population database says about a citizen (the data a dossier need not ask for).</summary>
public sealed record Citizen(string IdNumber, string FullName, DateOnly DateOfBirth, string Gender, string PermanentAddress, string WardCode, string Phone);

/// <summary>
/// The population registry (Cơ sở dữ liệu quốc gia về dân cư). Today a local registry of demo citizens;
/// the national connection implements the same call.
/// </summary>
public interface IPopulationRegistry
{
    Task<Citizen?> FindAsync(string idNumber, CancellationToken ct);
}
