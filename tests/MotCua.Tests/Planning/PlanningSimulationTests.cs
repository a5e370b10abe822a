using MotCua.Organisation.Contracts;
using MotCua.Organisation.Network;
using MotCua.Planning;
using MotCua.Planning.Simulation;
using MotCua.Planning.Siting;
using MotCua.Planning.Staffing;
using MotCua.Queues.ServiceGroups;

namespace MotCua.Tests.Planning;

public sealed class PlanningSimulationTests
{
    private const double DegreesPerKm = 360 / (2 * Math.PI * 6371.0);

    private static readonly GroupShare[] Mix = [new("HT", "Hộ tịch", 0.6, 12), new("TR", "Trả kết quả", 0.4, 5)];

    // A crowded ward right at point A (one counter) and a quiet one at B, 3 km north (three counters).
    private static readonly Site[] Sites =
    [
        new("W1", "Phường Đông", 21.0, 105.8, 100_000),
        new("W2", "Phường Vắng", 21.0 + (3 * DegreesPerKm), 105.8, 5_000),
    ];

    private static readonly SimulatedPoint[] Overloaded =
    [
        new(new ServiceLocation("A", "Điểm A", 21.0, 105.8), 1),
        new(new ServiceLocation("B", "Điểm B", 21.0 + (3 * DegreesPerKm), 105.8), 3),
    ];

    private static SimulationSetup Setup(int seed, SimulatedPoint[]? points = null)
        => new(Sites, points ?? Overloaded, Mix, DemandModel.WithVisits(1), TravelModel.Default, seed);

    [Fact]
    public void The_same_seed_gives_the_same_day_and_another_seed_another_day()
    {
        var first = NetworkSimulation.Run(Setup(42));
        var again = NetworkSimulation.Run(Setup(42));
        again.ShouldBe(first);
        SimulatedNetwork.Table(Setup(42), again, "thử").ShouldBe(SimulatedNetwork.Table(Setup(42), first, "thử"));

        var other = NetworkSimulation.Run(Setup(7));
        other[0].ShouldNotBe(first[0]);
        other[0].Wait.Mean.ShouldNotBe(first[0].Wait.Mean);
    }

    [Fact]
    public void Everyone_who_comes_is_served_and_the_policies_see_the_same_visitors()
    {
        var outcomes = NetworkSimulation.Run(Setup(1));
        outcomes[0].Policy.ShouldBe(RoutingPolicy.Nearest);
        outcomes[1].Policy.ShouldBe(RoutingPolicy.LoadAware);
        outcomes[0].Visitors.ShouldBe(outcomes[1].Visitors);
        outcomes.ShouldAllBe(o => o.Served == o.Visitors);

        // About 105 visits a day (105,000 people × 1 per 1,000); Poisson, so within a wide band.
        outcomes[0].Visitors.ShouldBeInRange(70, 140);

        // Nearest: everyone from W1 travels only the access time (5 minutes) and queues at A.
        outcomes[0].BusiestPoint.ShouldBe("A");
        outcomes[0].Travel.Mean.ShouldBeLessThan(6);
    }

    [Fact]
    public void Load_aware_routing_waits_less_than_nearest_on_an_overloaded_network()
    {
        foreach (var seed in new[] { 1, 2, 3, 42 })
        {
            var outcomes = NetworkSimulation.Run(Setup(seed));
            var (nearest, aware) = (outcomes[0], outcomes[1]);
            aware.Wait.Mean.ShouldBeLessThanOrEqualTo(nearest.Wait.Mean, $"seed {seed}");
            aware.Total.Mean.ShouldBeLessThan(nearest.Total.Mean, $"seed {seed}: the detour to B pays off");
            aware.BusiestPeakQueue.ShouldBeLessThan(nearest.BusiestPeakQueue);
        }
    }

    [Fact]
    public void With_no_queue_the_estimator_is_exact()
    {
        // Plenty of counters and everyone comes between 08:00 and 09:00 (far from the lunch break): nobody waits,
        // the estimate is zero, so the error is zero.
        SimulatedPoint[] ample = [Overloaded[0] with { Counters = 100 }, Overloaded[1] with { Counters = 100 }];
        var morning = Setup(5, ample) with { Demand = new DemandModel(1, [new HourShare(8, 1.0)]) };
        var outcome = NetworkSimulation.Run(morning, RoutingPolicy.Nearest);
        outcome.Visitors.ShouldBeGreaterThan(50);
        outcome.Wait.Mean.ShouldBe(0, tolerance: 1e-9);
        outcome.EstimatorMeanAbsoluteError.ShouldBe(0, tolerance: 1e-9);
    }

    [Fact]
    public void Visitors_who_arrive_in_the_lunch_break_wait_for_13_00()
    {
        // Everyone leaves home between 11:00 and 12:00; W1 is 5 minutes from A, so some arrive after 12:00 and wait.
        SimulatedPoint[] ample = [Overloaded[0] with { Counters = 100 }, Overloaded[1] with { Counters = 100 }];
        var late = Setup(5, ample) with { Demand = new DemandModel(1, [new HourShare(11, 1.0)]) };
        var outcome = NetworkSimulation.Run(late, RoutingPolicy.Nearest);
        outcome.Wait.Mean.ShouldBeGreaterThan(0);
        outcome.Wait.P95.ShouldBeLessThanOrEqualTo(60);
    }

    [Fact]
    public void Counters_come_from_the_staffing_plan_unless_fixed()
    {
        var points = Overloaded.Select(p => p.Location).ToList();
        var staffed = SimulatedNetwork.Staffed(Sites, points, DemandModel.WithVisits(1), Mix);
        // A serves 100,000 people: 100 a day, peak 16 an hour at 9.2 minutes (0.6 × 12 + 0.4 × 5).
        staffed[0].Counters.ShouldBe(CounterStaffing.MinimumCounters(16, 9.2).Counters);
        staffed[1].Counters.ShouldBe(1, "at least one counter everywhere");
        SimulatedNetwork.Staffed(Sites, points, DemandModel.Default, Mix, fixedCounters: 4).ShouldAllBe(p => p.Counters == 4);
        Should.Throw<PlanningInputException>(() => SimulatedNetwork.Staffed(Sites, points, DemandModel.Default, Mix, fixedCounters: 0));
    }

    [Fact]
    public void The_service_mix_covers_every_group_and_sums_to_one()
    {
        var mix = ServiceMix.Of(ServiceGroupList.Embedded());
        mix.Sum(g => g.Share).ShouldBe(1, tolerance: 1e-12);
        mix.Select(g => g.Code).ShouldBe(ServiceGroupList.Embedded().All.Select(g => g.Code));
        ServiceMix.MeanServiceMinutes(mix).ShouldBe(12.54, tolerance: 0.01);
    }
}
