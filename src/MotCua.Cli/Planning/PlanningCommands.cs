using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Organisation.Contracts;
using MotCua.Planning;
using MotCua.Planning.Simulation;
using MotCua.Planning.Siting;
using MotCua.Planning.Staffing;
using MotCua.Platform;
using MotCua.Platform.Startup;
using MotCua.Queues.ServiceGroups;

namespace MotCua.Cli.Planning;

/// <summary>
/// `motcua coverage` and `motcua staffing`: the planning tools of docs/planning.md. Coverage reads the wards
/// (population) and the active points from the database (migrated and seeded first, like `motcua sweep`);
/// staffing needs no database. The formulas and the text are in MotCua.Planning.Staffing.
/// </summary>
internal static class PlanningCommands
{
    public static Command Coverage()
    {
        var radius = new Option<double>("--radius-km") { Description = "Straight-line radius in km.", DefaultValueFactory = _ => CoveragePlanner.DefaultRadiusKm };
        var minutes = new Option<double>("--minutes") { Description = "Travel-time limit in minutes.", DefaultValueFactory = _ => CoveragePlanner.DefaultMinutes };
        var suggest = new Option<int>("--suggest") { Description = "How many new locations to suggest (greedy maximum coverage).", DefaultValueFactory = _ => 5 };
        var detour = new Option<double>("--detour") { Description = "Detour factor of the travel model.", DefaultValueFactory = _ => TravelModel.Default.DetourFactor };
        var speed = new Option<double>("--speed-kmh") { Description = "Speed of the travel model in km/h.", DefaultValueFactory = _ => TravelModel.Default.SpeedKmh };
        var access = new Option<double>("--access-minutes") { Description = "Fixed access minutes of the travel model.", DefaultValueFactory = _ => TravelModel.Default.AccessMinutes };
        var servicePoints = new Option<bool>("--include-service-points") { Description = "Count the ward service points too (then every ward is covered)." };
        var populationBase = new Option<string>("--base")
        {
            Description = "Population base: wards2025 (126 wards, estimated population) or communes2019 (579 pre-2025 communes, 2019 census).",
            DefaultValueFactory = _ => PopulationBases.Wards2025Name,
        };
        var command = new Command("coverage", "Population within a radius and a travel time of the open points; uncovered wards; suggested new locations.")
        {
            radius, minutes, suggest, detour, speed, access, servicePoints, populationBase,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (d, s, a) = (parse.GetValue(detour), parse.GetValue(speed), parse.GetValue(access));
            if (!(d >= 1 && d <= 5) || !(s > 0 && s <= 200) || !(a >= 0 && a <= 240))
            {
                await Console.Error.WriteLineAsync("motcua coverage: mô hình đi lại không hợp lệ (hệ số vòng 1–5, tốc độ 0–200 km/h, thời gian tiếp cận 0–240 phút).");
                return 2;
            }

            if (PopulationBases.Parse(parse.GetValue(populationBase)) is not { } chosenBase)
            {
                await Console.Error.WriteLineAsync($"motcua coverage: {PopulationBases.InvalidMessage}");
                return 2;
            }

            var travel = new TravelModel(d, s, a);
            await using var services = CliHost.Build();
            var initializer = services.GetRequiredService<DatabaseInitializer>();
            await initializer.MigrateAsync(ct);
            await initializer.SeedAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var data = scope.ServiceProvider.GetRequiredService<NetworkGeography>();
            var province = scope.ServiceProvider.GetRequiredService<IOptions<CenterOptions>>().Value.ProvinceCode;
            if (await data.SitesAsync(chosenBase, province, ct) is not { } wards)
            {
                await Console.Error.WriteLineAsync("motcua coverage: cơ sở communes2019 chỉ có cho Hà Nội (tỉnh 01).");
                return 2;
            }

            var points = await data.OpenPointsAsync(parse.GetValue(servicePoints), ct);
            try
            {
                var coverage = CoveragePlanner.Measure(wards, points, parse.GetValue(radius), parse.GetValue(minutes), travel);
                var picks = CoveragePlanner.Suggest(wards, points, wards, parse.GetValue(suggest), parse.GetValue(radius));
                Console.WriteLine($"Cơ sở dân số: {PopulationBases.Describe(chosenBase)}");
                Console.WriteLine(PlanningText.Coverage(coverage, picks, points.Count, travel));
                return 0;
            }
            catch (PlanningInputException e)
            {
                await Console.Error.WriteLineAsync($"motcua coverage: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>`motcua simulate`: one working day of the whole network under both routing policies (docs/planning.md §4).</summary>
    public static Command Simulate()
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the random numbers (same seed, same day).", DefaultValueFactory = _ => 42 };
        var visits = new Option<double>("--visits-per-1000") { Description = "Visits a working day per 1,000 inhabitants.", DefaultValueFactory = _ => DemandModel.DefaultVisitsPer1000 };
        var counters = new Option<int?>("--counters") { Description = "A fixed number of counters at every point (default: the Erlang C staffing plan)." };
        var populationBase = new Option<string>("--base")
        {
            Description = "Population base: wards2025 (126 wards) or communes2019 (579 pre-2025 communes, 2019 census).",
            DefaultValueFactory = _ => PopulationBases.Wards2025Name,
        };
        var servicePoints = new Option<bool>("--include-service-points") { Description = "Include the ward service points in the network." };
        var command = new Command("simulate", "Simulate one working day of the network: nearest point vs load-aware routing (deterministic with a seed).")
        {
            seed, visits, counters, populationBase, servicePoints,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (PopulationBases.Parse(parse.GetValue(populationBase)) is not { } chosenBase)
            {
                await Console.Error.WriteLineAsync($"motcua simulate: {PopulationBases.InvalidMessage}");
                return 2;
            }

            await using var services = CliHost.Build();
            var initializer = services.GetRequiredService<DatabaseInitializer>();
            await initializer.MigrateAsync(ct);
            await initializer.SeedAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var data = scope.ServiceProvider.GetRequiredService<NetworkGeography>();
            var province = scope.ServiceProvider.GetRequiredService<IOptions<CenterOptions>>().Value.ProvinceCode;
            if (await data.SitesAsync(chosenBase, province, ct) is not { } sites)
            {
                await Console.Error.WriteLineAsync("motcua simulate: cơ sở communes2019 chỉ có cho Hà Nội (tỉnh 01).");
                return 2;
            }

            var points = await data.OpenPointsAsync(parse.GetValue(servicePoints), ct);
            var mix = ServiceMix.Of(scope.ServiceProvider.GetRequiredService<MotCua.Queues.Contracts.IServiceGroups>());
            try
            {
                var demand = DemandModel.WithVisits(parse.GetValue(visits));
                var network = SimulatedNetwork.Staffed(sites, points, demand, mix, parse.GetValue(counters));
                var setup = new SimulationSetup(sites, network, mix, demand, TravelModel.Default, parse.GetValue(seed));
                Console.WriteLine(SimulatedNetwork.Table(setup, NetworkSimulation.Run(setup), PopulationBases.Describe(chosenBase)));
                return 0;
            }
            catch (PlanningInputException e)
            {
                await Console.Error.WriteLineAsync($"motcua simulate: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    public static Command Staffing()
    {
        var arrivals = new Option<double>("--arrivals-per-hour") { Description = "Arrivals per hour (λ).", Required = true };
        var service = new Option<double>("--service-minutes") { Description = "Mean service time in minutes.", Required = true };
        var target = new Option<double>("--target") { Description = "Share of waits within the limit (0–1).", DefaultValueFactory = _ => MotCua.Planning.Staffing.CounterStaffing.DefaultTarget };
        var within = new Option<double>("--within-minutes") { Description = "The wait limit in minutes.", DefaultValueFactory = _ => MotCua.Planning.Staffing.CounterStaffing.DefaultWithinMinutes };
        var command = new Command("staffing", "Counters needed for a service level (Erlang C), and the wait figures (no database needed).")
        {
            arrivals, service, target, within,
        };
        command.SetAction(parse =>
        {
            var answer = StaffingText.Staffing(parse.GetValue(arrivals), parse.GetValue(service), parse.GetValue(target), parse.GetValue(within));
            if (answer.ExitCode == 0)
            {
                Console.WriteLine(answer.Output);
            }
            else
            {
                Console.Error.WriteLine($"motcua staffing: {answer.Output}");
            }

            return answer.ExitCode;
        });
        return command;
    }
}
