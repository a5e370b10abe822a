namespace MotCua.Queues.Contracts;

/// <summary>What the estimator needs to know about one service group at one point, now.</summary>
/// <param name="Ahead">Tickets waiting before the one asked about (the whole queue for a new ticket).</param>
/// <param name="OpenCounters">Open counters whose profile includes the group.</param>
/// <param name="BusyCounters">Of those, the ones calling or serving someone now.</param>
/// <param name="ServiceMinutes">Mean service time: observed today at this point (last finished tickets), else the group's planning value.</param>
public sealed record QueueState(int Ahead, int OpenCounters, int BusyCounters, double ServiceMinutes);

/// <summary>
/// The wait estimator (docs/adr/0007-queues.md; checked against the simulation in docs/planning.md §4). With c open counters each finishing one visitor per
/// s minutes on average, the n people ahead leave at a rate of c/s, so the wait is n·s/c; when every counter is
/// busy the first one frees after s/2 on average (the residual of a service in progress), so that is added:
///
///     W = n·s/c + (busy ≥ c ? s/2 : 0)
///
/// With no open counter the wait is unknown (null): the kiosk says so instead of inventing a number.
/// The simulation (`motcua simulate`) reports this estimate against the waits it actually produced.
/// </summary>
public static class WaitEstimator
{
    public static double? Minutes(QueueState state)
    {
        if (state.OpenCounters <= 0)
        {
            return null;
        }

        var s = Math.Max(0.5, state.ServiceMinutes);
        var flow = state.Ahead * s / state.OpenCounters;
        var residual = state.BusyCounters >= state.OpenCounters ? s / 2 : 0;
        return flow + residual;
    }

    /// <summary>Whole minutes for people ("about 7 minutes"), never below zero.</summary>
    public static int? Rounded(QueueState state) => Minutes(state) is { } m ? (int)Math.Ceiling(Math.Max(0, m)) : null;
}
