namespace MotCua.Queues.Counters;

/// <summary>
/// A counter (quầy) of a branch or point: its number, the service groups it calls (its profile, in order of
/// preference), whether it is open and who is on duty.
/// </summary>
public sealed class Counter
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PointId { get; init; }
    public int Number { get; init; }

    /// <summary>The service group codes it serves, comma-separated ("HT,CA").</summary>
    public string ServiceGroups { get; set; } = "";
    public bool IsOpen { get; set; }

    /// <summary>The officer on duty (user name and full name) while open.</summary>
    public string? OfficerUserName { get; set; }
    public string? OfficerName { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }

    public string Name => $"Quầy {Number}";

    public IReadOnlyList<string> Groups => ServiceGroups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
