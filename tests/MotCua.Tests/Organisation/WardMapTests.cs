using MotCua.Organisation.Contracts.Maps;

namespace MotCua.Tests.Organisation;

public sealed class WardMapTests
{
    private static readonly IReadOnlyList<WardShape> Wards = WardMap.Hanoi2025();

    [Fact]
    public void Every_ward_of_2025_has_an_outline_that_holds_its_centroid()
    {
        Wards.Count.ShouldBe(126);
        Wards.Select(w => w.Code).Distinct().Count().ShouldBe(126);
        foreach (var w in Wards)
        {
            w.Ring.Count.ShouldBeGreaterThanOrEqualTo(3, w.Name);
            PlaneGeometry.Contains(w.Ring, new PlanePoint(w.Longitude, w.Latitude)).ShouldBeTrue(w.Name);
        }
    }

    [Fact]
    public void Outlines_do_not_overlap_and_cover_the_city()
    {
        var west = Wards.Min(w => w.Ring.Min(p => p.X));
        var east = Wards.Max(w => w.Ring.Max(p => p.X));
        var south = Wards.Min(w => w.Ring.Min(p => p.Y));
        var north = Wards.Max(w => w.Ring.Max(p => p.Y));
        int inside = 0, overlapping = 0, samples = 0;
        for (var i = 0; i < 120; i++)
        {
            for (var j = 0; j < 120; j++)
            {
                // Off-grid offsets so that no sample sits exactly on a shared edge.
                var p = new PlanePoint(west + ((east - west) * (i + 0.37) / 120), south + ((north - south) * (j + 0.61) / 120));
                var count = Wards.Count(w => PlaneGeometry.Contains(w.Ring, p));
                samples++;
                inside += count > 0 ? 1 : 0;
                overlapping += count > 1 ? 1 : 0;
            }
        }

        overlapping.ShouldBe(0);
        // Hanoi (3,359 km²) fills a bit over half of its bounding box (about 6,900 km² at this latitude).
        ((double)inside / samples).ShouldBeInRange(0.35, 0.75);
    }

    [Fact]
    public void The_base_map_is_computed_once_and_its_outlines_once_per_projection()
    {
        WardMap.Hanoi2025().ShouldBeSameAs(WardMap.Hanoi2025());

        // Fitted from the bounds kept: the same projection as fitting every ward's ring again.
        var city = WardMap.Fit([]);
        city.Key.ShouldBe(MapProjection.Fit(Wards, []).Key);
        WardMap.Fit([(21.0285, 105.8542)]).Key.ShouldBe(city.Key, "a point inside the city does not move the map");
        WardMap.Fit([(22.5, 105.8542)]).Key.ShouldNotBe(city.Key);

        // The outlines of one projection are drawn once and shared by every map drawn with it.
        WardMap.OutlinesFor(city).ShouldBeSameAs(WardMap.OutlinesFor(WardMap.Fit([(21.0285, 105.8542)])));
        WardMap.OutlinesFor(city)["00004"].ShouldBe(BaseMapSvg.PathData(city, Wards.Single(w => w.Code == "00004").Ring));

        var frame = new MapFrame("test-map", "test-map", "Bản đồ", "Mô tả", "B", "Ranh giới gần đúng");
        var drawn = WardMap.Svg(frame, [], w => ("#ffffff", "plain"), (svg, map) => svg.Append("<g class=\"layer\"></g>"));
        drawn.ShouldBe(WardMap.Svg(frame, [], w => ("#ffffff", "plain"), (svg, map) => svg.Append("<g class=\"layer\"></g>")));
        System.Text.RegularExpressions.Regex.Count(drawn, "<path class=\"ward plain\"").ShouldBe(126);
        drawn.IndexOf("<g class=\"layer\">", StringComparison.Ordinal).ShouldBeGreaterThan(drawn.LastIndexOf("class=\"ward ", StringComparison.Ordinal), "the page's layer is drawn over the wards");
        drawn.ShouldEndWith("</svg>");
    }

    [Fact]
    public void The_projection_puts_north_up_and_east_right_at_the_stated_scale()
    {
        var map = new MapProjection(105.3, 20.5, 106.0, 21.4, width: 720, margin: 24);
        map.X(106.0).ShouldBeGreaterThan(map.X(105.3));
        map.Y(21.4).ShouldBeLessThan(map.Y(20.5));
        map.X(105.3).ShouldBe(24, 1e-9);
        map.Y(21.4).ShouldBe(24, 1e-9);
        // 0.1° of latitude is 11.12 km everywhere; 0.1° of longitude is shorter by cos(20.95°).
        (map.Y(20.9) - map.Y(21.0)).ShouldBe(11.1195 * map.PixelsPerKm, 0.01);
        (map.X(105.6) - map.X(105.5)).ShouldBe(11.1195 * Math.Cos(20.95 * Math.PI / 180) * map.PixelsPerKm, 0.01);
        map.X(106.0).ShouldBeLessThanOrEqualTo(720 - 24 + 1e-9);
    }

    [Fact]
    public void Clipping_keeps_the_side_asked_for_and_simplifying_drops_only_what_does_not_show()
    {
        IReadOnlyList<PlanePoint> square = [new(0, 0), new(2, 0), new(2, 2), new(0, 2)];
        var left = PlaneGeometry.Clip(square, 1, 0, 1); // x ≤ 1
        PlaneGeometry.Area(left).ShouldBe(2, 1e-12);
        left.ShouldAllBe(p => p.X <= 1 + 1e-12);

        IReadOnlyList<PlanePoint> noisy = [new(0, 0), new(1, 0.001), new(2, 0), new(2, 1), new(2.001, 1.5), new(2, 2), new(0, 2)];
        var simple = PlaneGeometry.Simplify(noisy, 0.01);
        simple.Count.ShouldBe(4);
        PlaneGeometry.Area(simple).ShouldBe(4, 1e-12);
    }
}
