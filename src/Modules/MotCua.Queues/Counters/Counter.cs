using MotCua.Platform.Errors;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.Counters;

/// <summary>
/// A counter (quầy) of a branch or point: its number, the service groups it calls (its profile, in order of
/// preference), whether it is open and who is on duty.
/// </summary>
internal sealed class Counter
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

    /// <summary>
    /// Bumped by every change of the counter (open, close, profile, a call): an optimistic-concurrency token, so
    /// two simultaneous calls from one counter cannot both succeed.
    /// </summary>
    public int Version { get; set; }

    public string Name => $"Quầy {Number}";

    public IReadOnlyList<string> Groups => ServiceGroups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public Error? Open(string? officerUserName, string officerName, DateTimeOffset now)
    {
        if (IsOpen)
        {
            return Error.Conflict(OfficerName is { Length: > 0 } who
                ? $"{Name} đang mở, do {who} trực."
                : $"{Name} đang mở.");
        }

        IsOpen = true;
        OfficerUserName = officerUserName;
        OfficerName = officerName;
        OpenedAt = now;
        Version++;
        return null;
    }

    public Error? Close()
    {
        if (!IsOpen)
        {
            return Error.Conflict($"{Name} đang đóng.");
        }

        IsOpen = false;
        OfficerUserName = null;
        OfficerName = null;
        OpenedAt = null;
        Version++;
        return null;
    }

    /// <summary>Whether the counter may call someone now (it must be open).</summary>
    public Error? CanCall() => IsOpen ? null : Error.Conflict($"{Name} đang đóng: mở quầy trước khi gọi số.");

    /// <summary>
    /// Calls the ticket to this counter. The counter's version moves with the call, so two calls from one counter at
    /// the same moment cannot both be saved (the ticket's status does the same for two counters calling one ticket).
    /// </summary>
    public Error? Call(Ticket ticket, string officer, DateTimeOffset now)
    {
        if (CanCall() is { } closed)
        {
            return closed;
        }

        if (ticket.Call(Id, officer, now) is { } taken)
        {
            return taken;
        }

        Version++;
        return null;
    }

    public void ChangeProfile(IEnumerable<string> groups)
    {
        ServiceGroups = string.Join(',', groups);
        Version++;
    }
}
