using MotCua.Dossiers.Processes;

namespace MotCua.Dossiers.Processing;

internal enum TaskState
{
    Open = 1,
    Done = 2,

    /// <summary>Sent back to the previous step with a reason.</summary>
    SentBack = 3,

    /// <summary>Closed without being done (the dossier was stopped, withdrawn or rejected).</summary>
    Cancelled = 4,
}

/// <summary>
/// One step of a dossier's process at one unit (or a consultation of another agency): who holds it, since
/// when, its own due instant from its share of the time, and how it ended. The hand-overs of form 06.
/// </summary>
internal sealed class DossierTask
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DossierId { get; init; }
    public string StepId { get; init; } = "";
    public string StepName { get; init; } = "";
    public StepKind Kind { get; init; }

    /// <summary>A consultation of another agency (liên thông lấy ý kiến), outside the process graph.</summary>
    public Guid? ConsultationOf { get; init; }
    public Guid UnitId { get; init; }
    public string UnitName { get; init; } = "";
    public string Role { get; init; } = "";
    public decimal BudgetPercent { get; init; }

    public Guid? AssigneeId { get; set; }
    public string AssigneeName { get; set; } = "";
    public TaskState State { get; set; } = TaskState.Open;
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Who handed the dossier over into this step (unit and person), for form 06.</summary>
    public string FromUnitName { get; init; } = "";
    public string FromPersonName { get; init; } = "";

    public DateTimeOffset? CompletedAt { get; set; }
    public string CompletedByName { get; set; } = "";

    /// <summary>The handler's note, a reason for sending back, or a consultation's question and answer.</summary>
    public string Comment { get; set; } = "";

    /// <summary>0 none, 1 "due soon" raised, 2 "overdue" raised (the sweep's progress for this due instant).</summary>
    public int AlertLevel { get; set; }
    public int Version { get; set; }

    public bool IsOpen => State == TaskState.Open;
}
