using MotCua.Organisation.Contracts;

namespace MotCua.Catalog.DecidingAgencies;

/// <summary>
/// Cơ quan giải quyết: who decides a procedure version's dossiers at one administrative level ("Cấp xã",
/// "Cấp tỉnh" …). At the commune level it is a KIND (the People's Committee or the commune police, resolved to
/// the applicant's ward's agency at reception); at the city level a specific unit, by the organisation's unit
/// code. Imported as a suggestion from the names in the catalog ("chưa xác nhận") until an administrator
/// confirms it.
/// </summary>
internal sealed class DecidingAgency
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VersionId { get; init; }
    public string Level { get; init; } = "";
    public AgencyKind Kind { get; init; }

    /// <summary>The organisation's unit code (city level); null at the commune level.</summary>
    public string? UnitCode { get; init; }

    public bool Confirmed { get; init; }
    public string? ConfirmedBy { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }

    public const string CommuneLevel = "Cấp xã";
    public const string CityLevel = "Cấp tỉnh";

    /// <summary>The same choice for another version (an edit keeps what was set and confirmed).</summary>
    public DecidingAgency CopyFor(Guid versionId) => new()
    {
        VersionId = versionId,
        Level = Level,
        Kind = Kind,
        UnitCode = UnitCode,
        Confirmed = Confirmed,
        ConfirmedBy = ConfirmedBy,
        ConfirmedAt = ConfirmedAt,
    };
}
