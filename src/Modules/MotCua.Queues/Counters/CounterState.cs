using MotCua.Organisation.Contracts;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;

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

/// <summary>A ticket at a counter as the officer's page and the API show it.</summary>
internal sealed record TicketAtCounter(
    Guid Id,
    string Number,
    string ServiceGroup,
    string ServiceGroupName,
    string Priority,
    string Status,
    int Calls,
    DateTimeOffset? CalledAt,
    DateTimeOffset? ServingAt,
    DateTimeOffset? FinishedAt,
    string Counter,
    string Announcement,
    string? DossierCode,
    bool PriorityPending = false)
{
    public static TicketAtCounter From(Ticket t, string counterName, ServiceGroupList groups)
    {
        var group = groups.Find(t.ServiceGroup) ?? groups.Fallback;
        return new TicketAtCounter(t.Id, t.Display, group.Code, group.Name.ToString(), TicketText.PriorityOf(t), TicketText.Status(t.Status),
            t.Calls, t.CalledAt, t.ServingAt, t.FinishedAt, counterName, TicketText.Announcement(t.Display, counterName), t.DossierCode,
            t.PriorityCheck == PriorityCheck.Pending);
    }
}
