namespace MotCua.Queues;

/// <summary>How priority tickets are served within the one FIFO queue.</summary>
internal enum PriorityRule
{
    /// <summary>Plain FIFO: priority groups are shown but called in turn.</summary>
    None = 0,

    /// <summary>A waiting priority ticket is always called before the others (oldest first).</summary>
    First = 1,

    /// <summary>Every Nth call serves the oldest priority ticket, if any (<see cref="QueueOptions.PriorityEvery"/>).</summary>
    EveryNth = 2,
}

/// <summary>The queue and appointment rules (MotCua:Queues). Defaults are Hanoi's (LEGAL-NOTES.md).</summary>
internal sealed class QueueOptions
{
    public PriorityRule PriorityRule { get; set; } = PriorityRule.First;

    /// <summary>With <see cref="PriorityRule.EveryNth"/>: one call in N goes to a priority ticket.</summary>
    public int PriorityEvery { get; set; } = 2;

    /// <summary>Whether a checked-in booking is a priority ticket (off: it joins the FIFO queue at check-in).</summary>
    public bool BookingsHavePriority { get; set; }

    /// <summary>From this age a ticket holder is served with priority (người cao tuổi).</summary>
    public int ElderlyAge { get; set; } = 75;

    /// <summary>Bookable appointment slots: first and last start (local time), length.</summary>
    public TimeOnly SlotsFrom { get; set; } = new(8, 0);
    public TimeOnly SlotsUntil { get; set; } = new(16, 0);
    public int SlotMinutes { get; set; } = 30;

    /// <summary>Bookings up to this many days ahead.</summary>
    public int BookingDaysAhead { get; set; } = 6;
    public int MaxBookingsPerPersonPerDay { get; set; } = 2;
    public int MaxBookingsPerSectorPerDay { get; set; } = 1;

    /// <summary>Share of a slot's capacity offered to bookings (the rest stays for walk-ins).</summary>
    public double BookableShare { get; set; } = 0.5;

    /// <summary>A booking not checked in this many minutes after its slot starts is a no-show.</summary>
    public int NoShowAfterMinutes { get; set; } = 30;

    /// <summary>Counters assumed on duty per point and group when planning slots, until counters are set up.</summary>
    public int DefaultCountersPerGroup { get; set; } = 1;

    /// <summary>A day's slots open for booking at this local time, <see cref="BookingDaysAhead"/> days before (release windows against bots).</summary>
    public TimeOnly BookingReleaseAt { get; set; } = new(7, 0);

    /// <summary>
    /// Development only: a browser opening a kiosk page is enrolled as a demo kiosk of that point by itself (null = on
    /// in Development). Outside Development demo kiosks never work and SafeDefaults refuses to start with this set to true.
    /// </summary>
    public bool? DemoKiosks { get; set; }

    /// <summary>Remote tickets taken without signing in (phone at the entrance, portal): per browser (signed device cookie) and day.</summary>
    public int RemoteTicketsPerDevicePerDay { get; set; } = 3;

    /// <summary>... and per client address and day (a mobile carrier puts many phones behind one address, so higher).</summary>
    public int RemoteTicketsPerAddressPerDay { get; set; } = 20;

    /// <summary>... and per point and day, whoever takes them: the walk-in queue at the kiosk cannot be crowded out from outside.</summary>
    public int AnonymousRemoteTicketsPerPointPerDay { get; set; } = 150;
}
