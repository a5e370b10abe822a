using MotCua.Platform.Time;
namespace MotCua.Queues.Appointments;

/// <summary>
/// The pure rules of bookable slots (no I/O): the slot starts of a day, the capacity of a slot for a group, and the
/// release window that opens days one at a time so that bots cannot sweep a week of slots at once.
/// </summary>
internal static class SlotPlan
{
    /// <summary>The Vietnamese offset (UTC+7, no daylight saving).</summary>

    /// <summary>Slot starts from <paramref name="from"/> every <paramref name="minutes"/>, each slot ending by <paramref name="until"/>.</summary>
    public static IReadOnlyList<TimeOnly> Starts(TimeOnly from, TimeOnly until, int minutes)
    {
        if (minutes <= 0)
        {
            return [];
        }

        var starts = new List<TimeOnly>();
        for (var m = (from.Hour * 60) + from.Minute; m + minutes <= (until.Hour * 60) + until.Minute; m += minutes)
        {
            starts.Add(new TimeOnly(m / 60, m % 60));
        }

        return starts;
    }

    /// <summary>
    /// Bookings one slot takes for a group: floor(counters × slot minutes ÷ average service minutes × bookable
    /// share), at least 1 (the rest of the counters' time stays for walk-ins).
    /// </summary>
    public static int Capacity(int counters, int slotMinutes, double averageServiceMinutes, double bookableShare)
    {
        if (counters <= 0 || slotMinutes <= 0 || averageServiceMinutes <= 0 || bookableShare <= 0)
        {
            return 1;
        }

        // A small epsilon so that 1 × 30 / 10 × 0.5 = 1.5 − rounding noise still floors to 1, and 3.0 stays 3.
        return Math.Max(1, (int)Math.Floor((counters * slotMinutes / averageServiceMinutes * bookableShare) + 1e-9));
    }

    /// <summary>When a day's slots become bookable: <paramref name="releaseAt"/> local time, <paramref name="daysAhead"/> days before.</summary>
    public static DateTimeOffset OpensAt(DateOnly day, int daysAhead, TimeOnly releaseAt)
        => new(day.AddDays(-daysAhead).ToDateTime(releaseAt), VietnamTime.Offset);

    /// <summary>Whether a day is released at <paramref name="now"/> (its slots may still be past or full).</summary>
    public static bool IsReleased(DateOnly day, DateTimeOffset now, int daysAhead, TimeOnly releaseAt) => now >= OpensAt(day, daysAhead, releaseAt);

    /// <summary>The days from today whose window is open at <paramref name="now"/> (working days are checked elsewhere).</summary>
    public static IReadOnlyList<DateOnly> ReleasedDays(DateTimeOffset now, int daysAhead, TimeOnly releaseAt)
    {
        var today = VietnamTime.DayOf(now);
        return [.. Enumerable.Range(0, daysAhead + 1).Select(today.AddDays).Where(d => IsReleased(d, now, daysAhead, releaseAt))];
    }
}
