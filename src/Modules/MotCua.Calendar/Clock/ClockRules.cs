namespace MotCua.Calendar.Clock;

/// <summary>
/// The per-organisation / per-procedure options of a clock. <see cref="CutOff"/> (off by default): a
/// reception after that local time starts counting at the beginning of the next working day.
/// <see cref="DueSoonWithin"/>: "due soon" when less working time than this is left (default: one normal
/// working day).
/// </summary>
public sealed record ClockRules(TimeOnly? CutOff = null, SupplementMode SupplementMode = SupplementMode.Pause, TimeSpan? DueSoonWithin = null)
{
    public static ClockRules Default { get; } = new();
}

/// <summary>Everything a clock's due instant depends on.</summary>
public sealed record ClockRequest(DateTimeOffset ReceivedAt, ClockBudget Budget)
{
    public IReadOnlyList<ClockPause> Pauses { get; init; } = [];

    public IReadOnlyList<ClockExtension> Extensions { get; init; } = [];

    public ClockRules Rules { get; init; } = ClockRules.Default;
}
