namespace MotCua.Queues.Tickets;

/// <summary>The last ticket number issued at a point on a local day (one row per point and day).</summary>
internal sealed class TicketDayCounter
{
    public Guid PointId { get; init; }
    public DateOnly Day { get; init; }
    public int Last { get; set; }
}
