using MotCua.Organisation.Contracts;
using MotCua.Organisation.Network;
using MotCua.Planning;
using MotCua.Planning.Siting;
using MotCua.Planning.Staffing;

namespace MotCua.Tests.Planning;

public sealed class PlanningForecastTests
{
    private const double DegreesPerKm = 360 / (2 * Math.PI * 6371.0);

    private static Site North(string code, double km, int population) => new(code, $"Xã {code}", 21.0 + (km * DegreesPerKm), 105.8, population);

    // Two points 10 km apart on a meridian; sites at 0, 4, 6 and 12 km: A and B go to P (0 km), C and D to Q (10 km).
    private static readonly ServiceLocation[] Points = [new("P", "Điểm P", 21.0, 105.8), new("Q", "Điểm Q", 21.0 + (10 * DegreesPerKm), 105.8)];

    private static readonly Site[] Map = [North("A", 0, 10_000), North("B", 4, 30_000), North("C", 6, 20_000), North("D", 12, 40_000)];

    [Fact]
    public void Each_site_goes_to_its_nearest_point_and_the_day_is_spread_by_the_profile()
    {
        var demand = DemandModel.WithVisits(2); // 2 visits a day per 1,000 inhabitants
        var f = ArrivalForecast.ByNearestPoint(Map, Points, demand);

        f[0].Population.ShouldBe(40_000);
        f[0].Sites.ShouldBe(2);
        f[0].VisitsPerDay.ShouldBe(80, tolerance: 1e-9);
        f[1].Population.ShouldBe(60_000);
        f[1].VisitsPerDay.ShouldBe(120, tolerance: 1e-9);

        // 10 a.m. has 16 % of the day: 80 × 0.16 = 12.8 an hour at P.
        f[0].Forecast.ArrivalsPerHour.Count.ShouldBe(8);
        f[0].Forecast.ArrivalsPerHour[2].ShouldBe(12.8, tolerance: 1e-9);
        f[0].Forecast.ArrivalsPerHour.Sum().ShouldBe(80, tolerance: 1e-9);
        DemandModel.WorkingDayProfile.Sum(h => h.Share).ShouldBe(1, tolerance: 1e-12);
        DemandModel.WorkingDayProfile.ShouldNotContain(h => h.StartHour == 12, "no arrivals in the lunch break");
    }

    [Fact]
    public void The_forecast_sizes_each_point_at_its_peak_hour()
    {
        // Q: 120 a day → peak 10:00 with 19.2 an hour; at 12 minutes a = 3.84 erlangs.
        var f = ArrivalForecast.ByNearestPoint(Map, Points, DemandModel.WithVisits(2));
        var plan = StaffingPlanner.Plan(f.Select(x => x.Forecast), serviceMinutes: 12);
        plan.Points[1].PeakHourIndex.ShouldBe(2);
        plan.Points[1].PeakArrivalsPerHour.ShouldBe(19.2, tolerance: 1e-9);
        var expected = CounterStaffing.MinimumCounters(19.2, 12).Counters;
        plan.Points[1].AtPeak.Counters.ShouldBe(expected);
        expected.ShouldBeGreaterThan(3);
        plan.TotalCounters.ShouldBe(CounterStaffing.MinimumCounters(12.8, 12).Counters + expected);
    }

    [Fact]
    public void Bad_visit_rates_are_refused_in_vietnamese()
        => Should.Throw<PlanningInputException>(() => DemandModel.WithVisits(0)).Message.ShouldContain("1.000 dân");

    [Fact]
    public void The_pre_2025_base_has_hanois_579_communes_with_the_census_population()
    {
        var communes = PopulationBases.Communes2019();
        communes.Count.ShouldBe(579);
        communes.Sum(c => (long)c.Population).ShouldBe(8_016_666);
        communes.Count(c => c.Population == 0).ShouldBe(3, "three communes have no census figure");
        communes.ShouldAllBe(c => c.Latitude > 20.5 && c.Latitude < 21.5 && c.Longitude > 105.2 && c.Longitude < 106.1);

        PopulationBases.Wards2025().Count.ShouldBe(126);
        PopulationBases.Parse("COMMUNES2019").ShouldBe(PopulationBase.Communes2019);
        PopulationBases.Parse(null).ShouldBe(PopulationBase.Wards2025);
        PopulationBases.Parse("districts").ShouldBeNull();
    }

    [Fact]
    public void The_seeded_network_without_a_database_is_12_branches_and_30_reception_points()
    {
        var points = SeededNetwork.Locations(PopulationBases.Wards2025());
        points.Count.ShouldBe(42);
        points.Count(p => p.Code.StartsWith("CN", StringComparison.Ordinal)).ShouldBe(12);
        points.Select(p => (p.Latitude, p.Longitude)).Distinct().Count().ShouldBe(42);

        // The same shares as the seeded database gives (docs/planning.md; the integration test checks the database).
        CoveragePlanner.Measure(PopulationBases.Wards2025(), points).ShareWithinRadius.ShouldBe(0.837, tolerance: 0.001);
        CoveragePlanner.Measure(PopulationBases.Communes2019(), points).ShareWithinRadius.ShouldBe(0.849, tolerance: 0.001);
    }

    [Fact]
    public void The_map_draws_one_radius_circle_per_open_point_one_dot_per_site_and_the_suggestions()
    {
        // E at 20 km is 10 km from Q: the only site outside 5 km, so the one greedy pick is E itself, gaining 5,000.
        Site[] map = [.. Map, North("E", 20, 5_000)];
        var coverage = CoveragePlanner.Measure(map, Points, radiusKm: 5);
        coverage.WithinRadius.ShouldBe(100_000);
        var picks = CoveragePlanner.Suggest(map, Points, map, 2, 5);
        picks.Single().Candidate.WardCode.ShouldBe("E");
        picks.Single().Gain.ShouldBe(5_000);
        var svg = CoverageMap.Svg(coverage, Points, picks, "Bản đồ", "Mô tả <thử>");
        CountOf(svg, "class=\"reach\"").ShouldBe(2);
        CountOf(svg, "class=\"site ").ShouldBe(5);
        CountOf(svg, "class=\"site uncovered\"").ShouldBe(1);
        CountOf(svg, "class=\"suggested\"").ShouldBe(1);
        svg.ShouldContain("<title id=\"map-title\">Bản đồ</title>");
        svg.ShouldContain("&lt;thử&gt;");
        svg.ShouldContain(" km</text>");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
