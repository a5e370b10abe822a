namespace MotCua.Integrations.Contracts;

/// <summary>What the national population database says about a citizen (the data a dossier need not ask for).</summary>
public sealed record Citizen(string IdNumber, string FullName, DateOnly DateOfBirth, string Gender, string PermanentAddress, string WardCode, string Phone)
{
    /// <summary>Nơi tạm trú, when the citizen has registered one.</summary>
    public string? TemporaryAddress { get; init; }

    /// <summary>Số hộ: the household the citizen belongs to.</summary>
    public string? HouseholdNumber { get; init; }

    /// <summary>Họ tên chủ hộ.</summary>
    public string? HouseholdHead { get; init; }

    /// <summary>Quan hệ với chủ hộ ("Chủ hộ", "Vợ", "Con" …).</summary>
    public string? RelationToHead { get; init; }
}

/// <summary>How a look-up ended: the registry knows the citizen, does not, or did not answer (time-out, error, unreachable).</summary>
public enum RegistryOutcome
{
    Found,
    NotFound,
    Unavailable,
}

/// <summary>The answer of one look-up; <see cref="Problem"/> says why the registry did not answer (for the log and the officer).</summary>
public sealed record RegistryAnswer(RegistryOutcome Outcome, Citizen? Citizen = null, string? Problem = null)
{
    public static readonly RegistryAnswer NotFound = new(RegistryOutcome.NotFound);

    public static RegistryAnswer Found(Citizen citizen) => new(RegistryOutcome.Found, citizen);

    public static RegistryAnswer Unavailable(string problem) => new(RegistryOutcome.Unavailable, null, problem);
}

/// <summary>
/// The population registry (Cơ sở dữ liệu quốc gia về dân cư), reached over HTTP (in the demo, its simulator at
/// <c>/simulators/registry</c>). Every look-up is a read of personal data: it is recorded in the audit trail with who asked,
/// when and for what (`purpose`), and how it ended. A registry that does not answer never stops the work: the answer says so,
/// and the officer types the data from the papers.
/// </summary>
public interface IPopulationRegistry
{
    /// <param name="idNumber">The 12-digit personal ID number.</param>
    /// <param name="purpose">Why the data is read, as the audit trail shows it ("Tiếp nhận hồ sơ tại quầy: thủ tục 1.001193").</param>
    Task<RegistryAnswer> LookUpAsync(string idNumber, string purpose, CancellationToken ct);

    /// <summary>The citizen, or null when the registry does not know them or did not answer.</summary>
    async Task<Citizen?> FindAsync(string idNumber, string purpose, CancellationToken ct)
        => (await LookUpAsync(idNumber, purpose, ct)).Citizen;
}
