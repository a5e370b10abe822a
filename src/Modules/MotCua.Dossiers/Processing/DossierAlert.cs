namespace MotCua.Dossiers.Processing;

internal enum AlertKind
{
    /// <summary>Less than the warning window left (default 1 working day): to the handler.</summary>
    DueSoon = 1,

    /// <summary>Past the due instant: to the handler's leader and the center (đôn đốc).</summary>
    Overdue = 2,

    /// <summary>The dossier will be late: the resolving agency must issue the apology and new date (form 04) now.</summary>
    ApologyDue = 3,
}

/// <summary>
/// A warning raised by the clock sweep, once per dossier (or step), kind and due instant — a unique index
/// keeps it once even when several app instances sweep at the same time.
/// </summary>
internal sealed class DossierAlert
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DossierId { get; init; }
    public string DossierCode { get; init; } = "";

    /// <summary>The step the alert is about, or <see cref="Guid.Empty"/> for the whole dossier.</summary>
    public Guid TaskId { get; init; }
    public AlertKind Kind { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public Guid? RecipientUnitId { get; init; }
    public Guid? RecipientUserId { get; init; }
    public string Text { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}
