namespace MotCua.Calendar.Clock;

/// <summary>Why a clock stopped.</summary>
public enum PauseReason
{
    /// <summary>Yêu cầu bổ sung hồ sơ: waiting for the applicant's supplement.</summary>
    Supplement = 1,

    /// <summary>Chờ thực hiện nghĩa vụ tài chính: waiting for a fee, tax or charge to be paid.</summary>
    FinancialObligation = 2,

    Other = 3,
}

/// <summary>What a supplement does to the clock (per procedure version).</summary>
public enum SupplementMode
{
    /// <summary>The default: working time in [pause, resume) does not count; time already spent stays counted.</summary>
    Pause = 1,

    /// <summary>The clock restarts from zero when the supplement is complete (resume = a new reception).</summary>
    Restart = 2,
}

/// <summary>A stop of the clock from <see cref="Start"/> to <see cref="End"/> (null while still paused).</summary>
public sealed record ClockPause(DateTimeOffset Start, DateTimeOffset? End, PauseReason Reason = PauseReason.Supplement, string? Note = null)
{
    public bool IsOpen => End is null;
}

/// <summary>
/// A recorded extension (gia hạn): either <see cref="WorkingDays"/> more working days from the current due
/// instant, or an explicit <see cref="NewDue"/>; always with its reason and legal basis.
/// </summary>
public sealed record ClockExtension(DateTimeOffset GrantedAt, int? WorkingDays, DateTimeOffset? NewDue, string Reason, string LegalBasis)
{
    public static ClockExtension ByWorkingDays(DateTimeOffset grantedAt, int workingDays, string reason, string legalBasis)
        => workingDays > 0
            ? new(grantedAt, workingDays, null, Required(reason, nameof(reason)), Required(legalBasis, nameof(legalBasis)))
            : throw new ArgumentOutOfRangeException(nameof(workingDays), workingDays, "An extension adds at least one working day.");

    public static ClockExtension ToInstant(DateTimeOffset grantedAt, DateTimeOffset newDue, string reason, string legalBasis)
        => new(grantedAt, null, newDue, Required(reason, nameof(reason)), Required(legalBasis, nameof(legalBasis)));

    private static string Required(string value, string name)
        => string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("An extension needs a reason and a legal basis.", name) : value;
}
