using MotCua.Calendar.Clock;
using MotCua.Organisation.Contracts;

namespace MotCua.Dossiers.Processes;

/// <summary>Who performs a step of a process.</summary>
internal enum Performer
{
    /// <summary>The center itself (Trung tâm Phục vụ hành chính công).</summary>
    Center = 1,

    /// <summary>The branch or point that received the dossier.</summary>
    ReceivingUnit = 2,

    /// <summary>The agency that resolves the dossier (whose electronic ID starts the dossier code).</summary>
    Agency = 3,

    /// <summary>The commune agency of the applicant's ward (<see cref="ProcessStep.WardAgencyKind"/>), e.g. its police.</summary>
    WardAgency = 4,

    /// <summary>A fixed unit named by <see cref="ProcessStep.UnitCode"/> (a department, another agency).</summary>
    Unit = 5,
}

/// <summary>What finishing a step means.</summary>
internal enum StepKind
{
    /// <summary>Work handed on with "forward" (receive, assign, appraise, return to the center …).</summary>
    Work = 1,

    /// <summary>A leader approves (forward) or rejects with a reason (the result is then a refusal letter).</summary>
    Approval = 2,

    /// <summary>The last step: the result goes back to the applicant. Exactly one per process.</summary>
    Return = 3,
}

/// <summary>
/// One step of a process. Steps form a graph through <see cref="Next"/>: several next steps run in
/// PARALLEL (liên thông), and a step with several previous steps waits for all of them (join).
/// </summary>
internal sealed record ProcessStep
{
    /// <summary>Short id, lower-case letters, digits and '-' ("tham-dinh").</summary>
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public StepKind Kind { get; init; } = StepKind.Work;

    public Performer Performer { get; init; }

    /// <summary>The unit's code when <see cref="Performer"/> is <see cref="Performer.Unit"/>.</summary>
    public string? UnitCode { get; init; }

    /// <summary>Which commune agency when <see cref="Performer"/> is <see cref="Performer.WardAgency"/>.</summary>
    public AgencyKind? WardAgencyKind { get; init; }

    /// <summary>The role that may act on the step (a <see cref="MotCua.Platform.Identity.StaffRoles"/> name).</summary>
    public string Role { get; init; } = "";

    /// <summary>The step's share of the procedure's time, in percent. Along every path from the first step to the last the shares add up to 100.</summary>
    public decimal BudgetPercent { get; init; }

    /// <summary>The ids of the steps that follow; empty only for the <see cref="StepKind.Return"/> step.</summary>
    public IReadOnlyList<string> Next { get; init; } = [];
}

/// <summary>
/// A procedure version's process (quy trình nội bộ): the steps and the clock rules. Stored as JSON in
/// <see cref="ProcessDefinition"/>; the first step is the reception, done at the counter or on the online
/// reception, the last the return of the result.
/// </summary>
internal sealed record ProcessSpec
{
    public IReadOnlyList<ProcessStep> Steps { get; init; } = [];

    /// <summary>After a supplement the clock continues (Pause, the default) or starts again from zero (Restart).</summary>
    public SupplementMode SupplementMode { get; init; } = SupplementMode.Pause;

    /// <summary>A reception after this local time counts from the next working day (off when null).</summary>
    public TimeOnly? CutOff { get; init; }

    /// <summary>Delegated (ủy quyền): the center or branch resolves the procedure itself.</summary>
    public bool Delegated { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public ProcessStep First => Steps[0];

    public ProcessStep? Step(string id) => Steps.FirstOrDefault(s => s.Id == id);

    /// <summary>The steps that lead into <paramref name="id"/>.</summary>
    public IEnumerable<ProcessStep> Previous(string id) => Steps.Where(s => s.Next.Contains(id));

    [System.Text.Json.Serialization.JsonIgnore]
    public ClockRules Rules => new(CutOff, SupplementMode);
}
