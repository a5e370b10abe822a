using MotCua.Organisation.Contracts;
using MotCua.Organisation.Network;
using MotCua.Planning;
using MotCua.Planning.Siting;
using MotCua.Planning.Staffing;

namespace MotCua.Tests.Planning;

public sealed class CoverageTests
{
    // Along a meridian one kilometre is 360 / (2π · 6,371) = 0.0089932° of latitude.
    private const double DegreesPerKm = 360 / (2 * Math.PI * 6371.0);

    private static Site North(string code, double km, int population) => new(code, $"Xã {code}", 21.0 + (km * DegreesPerKm), 105.8, population);

    // One point P at 0 km; sites north of it at 0, 3, 8.5, 20 and 6 km.
    private static readonly ServiceLocation[] Points = [new("P", "Điểm P", 21.0, 105.8)];

    private static readonly Site[] Map =
    [
        North("A", 0, 100),
        North("B", 3, 200),
        North("C", 8.5, 300),
        North("D", 20, 400),
        North("E", 6, 50),
    ];

    [Fact]
    public void Haversine_hanoi_to_ho_chi_minh_city_is_about_1138_km()
        // Hanoi 21.0278 N 105.8342 E, Ho Chi Minh City 10.8231 N 106.6297 E; R = 6,371 km.
        => CoveragePlanner.HaversineKm(21.0278, 105.8342, 10.8231, 106.6297).ShouldBe(1137.88, tolerance: 0.01);

    [Fact]
    public void The_travel_model_is_detour_times_distance_over_speed_plus_access()
    {
        TravelModel.Default.Minutes(10).ShouldBe((1.3 * 10 / 20 * 60) + 5, tolerance: 1e-12); // 44 minutes
        new TravelModel(1, 60, 0).Minutes(30).ShouldBe(30, tolerance: 1e-12);
    }

    [Fact]
    public void Coverage_counts_whole_sites_within_the_radius_and_within_the_time()
    {
        var r = CoveragePlanner.Measure(Map, Points);

        r.TotalPopulation.ShouldBe(1050);
        r.WithinRadius.ShouldBe(300); // A, B
        r.ShareWithinRadius.ShouldBe(300.0 / 1050, tolerance: 1e-12);

        // 30 minutes ⇔ (30 − 5) × 20 / (1.3 × 60) = 6.41 km: A, B and E (6 km → 28.4 minutes).
        r.WithinMinutes.ShouldBe(350);
        r.Sites.Single(s => s.Site.WardCode == "E").Minutes.ShouldBe(28.4, tolerance: 1e-6);

        r.UncoveredByRadius.Select(s => s.Site.WardCode).ShouldBe(["D", "C", "E"]);
        r.UncoveredByMinutes.Select(s => s.Site.WardCode).ShouldBe(["D", "C"]);
        r.Sites.Single(s => s.Site.WardCode == "D").Km.ShouldBe(20, tolerance: 1e-6);
    }

    [Fact]
    public void Greedy_picks_the_largest_gain_first_breaks_ties_by_order_and_stops_when_nothing_is_left()
    {
        // Uncovered: C 300, D 400, E 50. A site at C reaches C and E (2.5 km) = 350; at E reaches C and E = 350;
        // at D reaches only D = 400. First D (400), then C and E tie at 350 → C (earlier), then nothing is left.
        var picks = CoveragePlanner.Suggest(Map, Points, Map, k: 3);

        picks.Select(p => p.Candidate.WardCode).ShouldBe(["D", "C"]);
        picks.Select(p => p.Gain).ShouldBe([400L, 350L]);
        picks.Select(p => p.CoveredAfter).ShouldBe([700L, 1050L]);
        picks.Select(p => p.Rank).ShouldBe([1, 2]);
    }

    [Fact]
    public void With_no_open_point_everything_is_uncovered_and_greedy_starts_from_zero()
    {
        var r = CoveragePlanner.Measure(Map, []);
        r.WithinRadius.ShouldBe(0);
        r.WithinMinutes.ShouldBe(0);
        r.UncoveredByRadius.Count.ShouldBe(5);

        // Gains from nothing: A {A, B} 300; B {A, B, E} 350; C {C, E} 350; D {D} 400; E {B, C, E} 550.
        // First E (550); then D (400); then A and B both add only A's 100 → A (earlier in the list).
        var picks = CoveragePlanner.Suggest(Map, [], Map, k: 3);
        picks.Select(p => p.Candidate.WardCode).ShouldBe(["E", "D", "A"]);
        picks.Select(p => p.Gain).ShouldBe([550L, 400L, 100L]);
        picks[^1].CoveredAfter.ShouldBe(1050);
    }

    [Fact]
    public void A_larger_radius_covers_more_and_the_same_input_gives_the_same_answer()
    {
        CoveragePlanner.Measure(Map, Points, radiusKm: 9).WithinRadius.ShouldBe(650);
        CoveragePlanner.Suggest(Map, Points, Map, 2).ShouldBe(CoveragePlanner.Suggest(Map, Points, Map, 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void A_bad_radius_is_refused(double radius)
        => Should.Throw<PlanningInputException>(() => CoveragePlanner.Measure(Map, Points, radius));

    [Fact]
    public void The_console_text_lists_shares_uncovered_sites_and_suggestions()
    {
        var text = PlanningText.Coverage(CoveragePlanner.Measure(Map, Points), CoveragePlanner.Suggest(Map, Points, Map, 3), 1, TravelModel.Default);

        text.ShouldContain("dân số: 1.050");
        text.ShouldContain("300 người (28,6 %)");
        text.ShouldContain("Địa bàn ngoài bán kính 5,0 km: 3 (750 người)");
        text.ShouldContain("1. D Xã D: thêm 400 người; tổng được phủ 700 (66,7 %)");
    }
}
