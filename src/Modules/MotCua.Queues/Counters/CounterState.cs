using MotCua.Organisation.Contracts;

namespace MotCua.Queues.Counters;

/// <summary>A counter as the API and the pages show it.</summary>
internal sealed record CounterState(
    string Point,
    string PointName,
    int Number,
    string Name,
    bool IsOpen,
    string? Officer,
    string? OfficerUserName,
    DateTimeOffset? OpenedAt,
    IReadOnlyList<string> ServiceGroups,
    TicketAtCounter? Current)
{
    public static CounterState From(ServicePlace point, Counter c, TicketAtCounter? current)
        => new(point.Code, point.Name, c.Number, c.Name, c.IsOpen, c.OfficerName, c.OfficerUserName, c.OpenedAt, c.Groups, current);
}
