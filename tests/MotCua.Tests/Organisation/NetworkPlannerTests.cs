using MotCua.Organisation.Contracts;
using MotCua.Organisation.Network;

namespace MotCua.Tests.Organisation;

public sealed class NetworkPlannerTests
{
    private static readonly Site[] Grid =
        Enumerable.Range(0, 10).SelectMany(i => Enumerable.Range(0, 10).Select(j =>
            new Site($"{i}{j}", $"Phường {i}{j}", 21.0 + (i * 0.01), 105.8 + (j * 0.01), i < 5 ? 50_000 : 5_000))).ToArray();

    [Fact]
    public void Points_land_on_distinct_wards_not_taken_yet()
    {
        var taken = new HashSet<string> { "00", "55" };
        var placed = NetworkPlanner.Place(Grid, 12, taken);

        placed.Count.ShouldBe(12);
        placed.Select(p => p.WardCode).Distinct().Count().ShouldBe(12);
        placed.ShouldAllBe(p => !taken.Contains(p.WardCode));
    }

    [Fact]
    public void Placement_is_the_same_every_time_and_follows_population()
    {
        var first = NetworkPlanner.Place(Grid, 6, new HashSet<string>());
        var second = NetworkPlanner.Place(Grid, 6, new HashSet<string>());

        second.Select(s => s.WardCode).ShouldBe(first.Select(s => s.WardCode));
        first.Count(s => s.Population == 50_000).ShouldBeGreaterThan(3);
    }

    [Fact]
    public void Asking_for_more_points_than_wards_places_one_per_ward()
        => NetworkPlanner.Place(Grid.Take(5).ToArray(), 30, new HashSet<string>()).Count.ShouldBe(5);

    [Fact]
    public void Distances_are_great_circle_kilometres()
    {
        // One degree along a meridian is 2πR/360 = 111.19 km (R = 6,371 km).
        NetworkPlanner.DistanceKm(21, 105.8, 22, 105.8).ShouldBe(111.19, tolerance: 0.01);
        NetworkPlanner.DistanceKm(21, 105.8, 21, 105.8).ShouldBe(0);
    }
}
