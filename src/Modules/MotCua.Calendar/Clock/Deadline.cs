namespace MotCua.Calendar.Clock;

/// <summary>
/// A computed clock. <see cref="Due"/> is null while an open pause holds the clock (then
/// <see cref="LeftWhenPaused"/> is the working time that will remain on resume).
/// </summary>
public sealed record Deadline(
    DateTimeOffset ReceivedAt,
    DateTimeOffset CountingStart,
    DateTimeOffset? Due,
    DateTimeOffset BudgetDue,
    bool IsPaused,
    TimeSpan LeftWhenPaused,
    IReadOnlyList<ClockPause> AppliedPauses,
    IReadOnlyList<ClockPause> IgnoredPauses);

/// <summary>The state of a running clock at an instant.</summary>
public enum ClockState
{
    NotStarted = 1,
    Running = 2,
    Paused = 3,
    DueSoon = 4,
    Overdue = 5,
}

/// <summary><see cref="Left"/>: working time left before the due instant; <see cref="Overdue"/>: working time since it.</summary>
public sealed record ClockVerdict(ClockState State, TimeSpan Left, TimeSpan Overdue, DateTimeOffset? Due);

/// <summary>How a finished dossier or step did.</summary>
public enum CompletionVerdict
{
    /// <summary>Trước hạn: finished on a day before the due day.</summary>
    Early = 1,

    /// <summary>Đúng hạn: finished on the due day, at or before the due instant.</summary>
    OnTime = 2,

    /// <summary>Quá hạn / trễ hạn: finished after the due instant.</summary>
    Late = 3,
}

/// <summary><see cref="Margin"/>: working time between the finish and the due instant (early/on time: before it, late: after it).</summary>
public sealed record Completion(CompletionVerdict Verdict, TimeSpan Margin, DateTimeOffset Due);

/// <summary>A step's budget inside the whole budget (its own start, its own due instant).</summary>
public sealed record StepBudget(string Step, DateTimeOffset Start, ClockBudget Budget)
{
    public IReadOnlyList<ClockPause> Pauses { get; init; } = [];
}

public sealed record StepDeadline(string Step, DateTimeOffset Start, DateTimeOffset? Due, ClockBudget Budget);
