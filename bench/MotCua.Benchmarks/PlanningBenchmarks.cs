using BenchmarkDotNet.Attributes;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Network;
using MotCua.Planning;
using MotCua.Planning.Simulation;
using MotCua.Planning.Siting;
using MotCua.Planning.Staffing;
using MotCua.Queues.ServiceGroups;

namespace MotCua.Benchmarks;

/// <summary>
/// The planning tools on Hanoi's seeded network (12 branches + 30 reception points, placed as the seeder does,
/// without a database): coverage for the 579 pre-2025 communes (2019 census) and the 126 wards, greedy siting of
/// k = 5 new points over candidates at every ward centroid, and a full simulated day of the whole network
/// (the default of `motcua simulate`: seed 42, 1 visit per 1,000 a day, counters from the staffing plan).
/// docs/planning.md has the figures and the command.
/// </summary>
[MemoryDiagnoser]
public class PlanningBenchmarks
{
    private IReadOnlyList<Site> wards = [];
    private IReadOnlyList<Site> communes = [];
    private IReadOnlyList<ServiceLocation> points = [];
    private SimulationSetup setup = null!;

    [GlobalSetup]
    public void Prepare()
    {
        wards = PopulationBases.Wards2025();
        communes = PopulationBases.Communes2019();
        points = SeededNetwork.Locations(wards);
        var mix = ServiceMix.Of(ServiceGroupList.Embedded());
        var demand = DemandModel.Default;
        setup = new SimulationSetup(wards, SimulatedNetwork.Staffed(wards, points, demand, mix), mix, demand, TravelModel.Default, 42);
    }

    [Benchmark(Description = "coverage, 579 pre-2025 communes × 42 points")]
    public long CoverageCommunes2019() => CoveragePlanner.Measure(communes, points).WithinRadius;

    [Benchmark(Description = "coverage, 126 wards × 42 points")]
    public long CoverageWards2025() => CoveragePlanner.Measure(wards, points).WithinRadius;

    [Benchmark(Description = "siting k=5, candidates at the 126 ward centroids")]
    public long SitingWards() => CoveragePlanner.Suggest(wards, points, wards, 5).Sum(p => p.Gain);

    [Benchmark(Description = "siting k=5 for the 579 communes, candidates at the 126 ward centroids")]
    public long SitingCommunes() => CoveragePlanner.Suggest(communes, points, wards, 5).Sum(p => p.Gain);

    [Benchmark(Description = "simulated day, nearest point")]
    public int SimulateNearest() => NetworkSimulation.Run(setup, RoutingPolicy.Nearest).Served;

    [Benchmark(Description = "simulated day, load-aware")]
    public int SimulateLoadAware() => NetworkSimulation.Run(setup, RoutingPolicy.LoadAware).Served;
}
