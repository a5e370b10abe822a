using MotCua.Organisation.Contracts;
using MotCua.Planning;
using MotCua.Planning.Siting;
using MotCua.Planning.Staffing;
using MotCua.Queues.Contracts;

namespace MotCua.Planning.Simulation;

/// <summary>How a visitor picks the point to go to.</summary>
internal enum RoutingPolicy
{
    /// <summary>The nearest open point (straight line).</summary>
    Nearest = 0,

    /// <summary>The point with the least travel minutes + <see cref="WaitEstimator"/> wait on the simulated state when leaving home.</summary>
    LoadAware = 1,
}

/// <summary>A point of the simulated network with its counters (every counter serves every group, one FIFO queue per point).</summary>
internal sealed record SimulatedPoint(ServiceLocation Location, int Counters);

/// <summary>Everything one simulated day depends on; the same setup and seed give the same day.</summary>
internal sealed record SimulationSetup(
    IReadOnlyList<Site> Sites,
    IReadOnlyList<SimulatedPoint> Points,
    IReadOnlyList<GroupShare> Mix,
    DemandModel Demand,
    TravelModel Travel,
    int Seed)
{
    /// <summary>Counters stop starting new visits at 12:00 and start again at 13:00 (the center's lunch break).</summary>
    public static readonly double LunchFrom = 12 * 60, LunchUntil = 13 * 60;
}

/// <summary>Mean and 95th percentile, in minutes.</summary>
internal sealed record Spread(double Mean, double P95)
{
    public static Spread Of(List<double> values)
    {
        if (values.Count == 0)
        {
            return new Spread(0, 0);
        }

        values.Sort();
        var index = Math.Max(0, (int)Math.Ceiling(0.95 * values.Count) - 1);
        return new Spread(values.Average(), values[index]);
    }
}

/// <summary>One policy's day: the visitors' times, the busiest point, and how well the wait estimator did.</summary>
internal sealed record PolicyOutcome(
    RoutingPolicy Policy,
    int Visitors,
    int Served,
    Spread Travel,
    Spread Wait,
    Spread Total,
    string BusiestPoint,
    string BusiestPointName,
    int BusiestPeakQueue,
    int BusiestServed,
    double EstimatorMeanAbsoluteError,
    double EstimatorMeanError,
    double LastFinishMinutes);

/// <summary>
/// A discrete-event simulation of one working day of the whole network (docs/planning.md, "Simulation").
/// <list type="bullet">
/// <item>Visitors leave home from each site as a Poisson process: rate = population × visits per 1,000 ÷ 1,000 ×
/// the hour's share of the day (the <see cref="DemandModel"/> profile: 08:00–12:00 and 13:00–17:00, none in the
/// lunch break), exponential gaps within each hour.</item>
/// <item>Each visitor needs one service group, drawn by its share (<see cref="ServiceMix"/>); the service time is
/// exponential with the group's mean. Travel time is the <see cref="TravelModel"/> from the site's centroid.</item>
/// <item>Each point has c counters serving every group from one FIFO queue; no new service starts during the
/// lunch break (12:00–13:00; services in progress finish); everyone who has left home is served, also after
/// 17:00 (the last finish is reported).</item>
/// <item>The visitors, their groups and service times are drawn once from <c>new Random(seed)</c> and replayed
/// under each policy (common random numbers), so the policies are compared on the same day.</item>
/// <item>At each arrival at a point the <see cref="WaitEstimator"/> estimate (people ahead, counters, busy
/// counters, the mix's mean service time) is recorded and compared with the wait that follows.</item>
/// </list>
/// </summary>
internal static class NetworkSimulation
{
    private sealed record Visitor(int Site, double Leaves, double ServiceMinutes);

    public static IReadOnlyList<PolicyOutcome> Run(SimulationSetup setup)
        => [Run(setup, RoutingPolicy.Nearest), Run(setup, RoutingPolicy.LoadAware)];

    public static PolicyOutcome Run(SimulationSetup setup, RoutingPolicy policy)
    {
        if (setup.Points.Count == 0)
        {
            throw new PlanningInputException("Không có điểm phục vụ nào để mô phỏng.");
        }

        if (setup.Points.Any(p => p.Counters is < 1 or > 200))
        {
            throw new PlanningInputException("Mỗi điểm phải có từ 1 đến 200 quầy.");
        }

        var visitors = Visitors(setup);
        var points = setup.Points;
        var n = points.Count;
        var mixMinutes = ServiceMix.MeanServiceMinutes(setup.Mix);

        // Distances and travel minutes from every site to every point, once.
        var travel = new double[setup.Sites.Count][];
        var nearest = new int[setup.Sites.Count];
        for (var s = 0; s < setup.Sites.Count; s++)
        {
            var site = setup.Sites[s];
            travel[s] = new double[n];
            var bestKm = double.PositiveInfinity;
            for (var p = 0; p < n; p++)
            {
                var km = CoveragePlanner.HaversineKm(site.Latitude, site.Longitude, points[p].Location.Latitude, points[p].Location.Longitude);
                travel[s][p] = setup.Travel.Minutes(km);
                if (km < bestKm)
                {
                    bestKm = km;
                    nearest[s] = p;
                }
            }
        }

        var queues = Enumerable.Range(0, n).Select(_ => new Queue<int>()).ToArray();
        var busy = new int[n];
        var peak = new int[n];
        var served = new int[n];
        var arrivedAt = new double[visitors.Count];
        var estimate = new double[visitors.Count];
        var travelled = new List<double>(visitors.Count);
        var waits = new List<double>(visitors.Count);
        var totals = new List<double>(visitors.Count);
        var errors = new List<double>(visitors.Count);
        var travelOf = new double[visitors.Count];
        var lastFinish = 0.0;

        // Events ordered by time, then by the order they were scheduled (deterministic ties).
        var events = new PriorityQueue<(Kind Kind, int Who, int Point), (double Time, long Seq)>();
        long seq = 0;
        void Schedule(double time, Kind kind, int who, int point) => events.Enqueue((kind, who, point), (time, seq++));

        for (var v = 0; v < visitors.Count; v++)
        {
            Schedule(visitors[v].Leaves, Kind.Leave, v, -1);
        }

        for (var p = 0; p < n; p++)
        {
            Schedule(SimulationSetup.LunchUntil, Kind.Resume, -1, p);
        }

        void StartWhilePossible(int p, double now)
        {
            if (now >= SimulationSetup.LunchFrom && now < SimulationSetup.LunchUntil)
            {
                return;
            }

            while (busy[p] < points[p].Counters && queues[p].Count > 0)
            {
                var v = queues[p].Dequeue();
                busy[p]++;
                var wait = now - arrivedAt[v];
                waits.Add(wait);
                totals.Add(travelOf[v] + wait);
                travelled.Add(travelOf[v]);
                errors.Add(estimate[v] - wait);
                Schedule(now + visitors[v].ServiceMinutes, Kind.Finish, v, p);
            }
        }

        while (events.TryDequeue(out var e, out var at))
        {
            var now = at.Time;
            switch (e.Kind)
            {
                case Kind.Leave:
                    {
                        var v = e.Who;
                        var site = visitors[v].Site;
                        var choice = policy == RoutingPolicy.Nearest ? nearest[site] : LeastTotal(travel[site], queues, busy, points, mixMinutes, nearest[site]);
                        travelOf[v] = travel[site][choice];
                        Schedule(now + travelOf[v], Kind.Arrive, v, choice);
                        break;
                    }

                case Kind.Arrive:
                    {
                        var (v, p) = (e.Who, e.Point);
                        arrivedAt[v] = now;
                        estimate[v] = WaitEstimator.Minutes(new QueueState(queues[p].Count, points[p].Counters, busy[p], mixMinutes)) ?? 0;
                        queues[p].Enqueue(v);
                        peak[p] = Math.Max(peak[p], queues[p].Count);
                        StartWhilePossible(p, now);
                        break;
                    }

                case Kind.Finish:
                    busy[e.Point]--;
                    served[e.Point]++;
                    lastFinish = Math.Max(lastFinish, now);
                    StartWhilePossible(e.Point, now);
                    break;

                case Kind.Resume:
                    StartWhilePossible(e.Point, now);
                    break;
            }
        }

        var busiest = Enumerable.Range(0, n).OrderByDescending(p => peak[p]).ThenByDescending(p => served[p])
            .ThenBy(p => points[p].Location.Code, StringComparer.Ordinal).First();
        return new PolicyOutcome(
            policy, visitors.Count, served.Sum(), Spread.Of(travelled), Spread.Of(waits), Spread.Of(totals),
            points[busiest].Location.Code, points[busiest].Location.Name, peak[busiest], served[busiest],
            errors.Count == 0 ? 0 : errors.Average(Math.Abs), errors.Count == 0 ? 0 : errors.Average(), lastFinish);
    }

    /// <summary>The point with the least travel + estimated wait; points with no estimate are skipped; ties go to the nearest, then the first.</summary>
    private static int LeastTotal(double[] travel, Queue<int>[] queues, int[] busy, IReadOnlyList<SimulatedPoint> points, double mixMinutes, int nearest)
    {
        var best = nearest;
        var bestTotal = travel[nearest] + (WaitEstimator.Minutes(new QueueState(queues[nearest].Count, points[nearest].Counters, busy[nearest], mixMinutes)) ?? double.PositiveInfinity);
        for (var p = 0; p < points.Count; p++)
        {
            if (travel[p] >= bestTotal)
            {
                continue; // cannot beat the best even with no wait
            }

            var total = travel[p] + (WaitEstimator.Minutes(new QueueState(queues[p].Count, points[p].Counters, busy[p], mixMinutes)) ?? double.PositiveInfinity);
            if (total < bestTotal)
            {
                bestTotal = total;
                best = p;
            }
        }

        return best;
    }

    /// <summary>The day's visitors, drawn from the seed: site, time of leaving home (minutes after midnight), service time.</summary>
    private static List<Visitor> Visitors(SimulationSetup setup)
    {
        var random = new Random(setup.Seed);
        var cumulative = new double[setup.Mix.Count];
        var sum = 0.0;
        for (var g = 0; g < setup.Mix.Count; g++)
        {
            sum += setup.Mix[g].Share;
            cumulative[g] = sum;
        }

        var list = new List<(Visitor Visitor, int Order)>();
        for (var s = 0; s < setup.Sites.Count; s++)
        {
            var perDay = setup.Demand.VisitsPerDay(setup.Sites[s].Population);
            foreach (var hour in setup.Demand.Profile)
            {
                var ratePerMinute = perDay * hour.Share / 60.0;
                if (ratePerMinute <= 0)
                {
                    continue;
                }

                var start = hour.StartHour * 60.0;
                var t = start + Exponential(random, 1 / ratePerMinute);
                while (t < start + 60)
                {
                    var u = random.NextDouble() * sum;
                    var g = Array.FindIndex(cumulative, c => u < c);
                    g = g < 0 ? setup.Mix.Count - 1 : g;
                    list.Add((new Visitor(s, t, Exponential(random, setup.Mix[g].MeanServiceMinutes)), list.Count));
                    t += Exponential(random, 1 / ratePerMinute);
                }
            }
        }

        return list.OrderBy(x => x.Visitor.Leaves).ThenBy(x => x.Order).Select(x => x.Visitor).ToList();
    }

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    private enum Kind
    {
        Leave,
        Arrive,
        Finish,
        Resume,
    }
}
