using System.Net;
using System.Text;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Contracts.Maps;
using static MotCua.Organisation.Contracts.Maps.BaseMapSvg;

namespace MotCua.Planning.Siting;

/// <summary>
/// The coverage map as inline SVG, drawn on the server (no external tiles, no script) on the base map of Hanoi's
/// wards (<see cref="WardMap"/>: approximate outlines, labelled as such). Each ward is shaded by the coverage of its
/// centroid: within the radius of an open point (green), only within the travel-time limit (yellow), or neither
/// (red). Open points are dark squares with their radius circle, suggested sites orange diamonds with a dashed
/// circle; with the pre-2025 population base the old communes are drawn as dots too. A scale bar and a north
/// arrow. Accessible: role="img" with a &lt;title&gt; and a &lt;desc&gt;; the page shows the same data as tables.
/// The base map is <see cref="WardMap.Svg"/>'s; this class draws only the coverage layer.
/// </summary>
internal static class CoverageMap
{
    public const string CoveredFill = "#cfe8d5";
    public const string MinutesFill = "#fbe7a1";
    public const string UncoveredFill = "#f6c9c4";

    public static string Svg(CoverageResult coverage, IReadOnlyList<ServiceLocation> points, IReadOnlyList<SitingPick> picks, string title, string description, TravelModel? travel = null)
    {
        travel ??= TravelModel.Default;
        var sites = coverage.Sites;
        return WardMap.Svg(
            new MapFrame("coverage-map", "map", title, description, "B", "Ranh giới gần đúng", PadKm: 1),
            sites.Select(s => (s.Site.Latitude, s.Site.Longitude)).Concat(points.Select(p => (p.Latitude, p.Longitude))),
            w =>
            {
                var km = points.Count == 0 ? double.PositiveInfinity : points.Min(p => TravelModel.DistanceKm(w.Latitude, w.Longitude, p.Latitude, p.Longitude));
                return km <= coverage.RadiusKm ? (CoveredFill, "covered")
                    : travel.Minutes(km) <= coverage.MaxMinutes ? (MinutesFill, "within-minutes")
                    : (UncoveredFill, "uncovered");
            },
            (svg, map) => Layer(svg, map, coverage, points, picks));
    }

    /// <summary>The coverage layer: radius circles, the old communes as dots (other population bases), open points, suggestions.</summary>
    private static void Layer(StringBuilder svg, MapProjection map, CoverageResult coverage, IReadOnlyList<ServiceLocation> points, IReadOnlyList<SitingPick> picks)
    {
        var sites = coverage.Sites;
        var radius = coverage.RadiusKm * map.PixelsPerKm;
        svg.Append("<g class=\"reaches\">");
        foreach (var p in points)
        {
            svg.Append(Inv($"<circle class=\"reach\" cx=\"{map.X(p.Longitude):0.#}\" cy=\"{map.Y(p.Latitude):0.#}\" r=\"{radius:0.#}\" fill=\"none\" stroke=\"{Ink}\" stroke-opacity=\"0.35\"/>"));
        }

        foreach (var pick in picks)
        {
            svg.Append(Inv($"<circle class=\"suggested-reach\" cx=\"{map.X(pick.Candidate.Longitude):0.#}\" cy=\"{map.Y(pick.Candidate.Latitude):0.#}\" r=\"{radius:0.#}\" fill=\"none\" stroke=\"#b54708\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"));
        }

        svg.Append("</g>");

        // The 2025 wards are the polygons themselves; other bases (the 579 communes of 2019) show as dots on them.
        var wardCodes = WardMap.Hanoi2025().Select(w => w.Code).ToHashSet(StringComparer.Ordinal);
        if (!sites.All(s => wardCodes.Contains(s.Site.WardCode)))
        {
            var maxPop = Math.Max(1, sites.Count == 0 ? 1 : sites.Max(s => s.Site.Population));
            svg.Append("<g class=\"sites\">");
            foreach (var s in sites)
            {
                var covered = s.Km <= coverage.RadiusKm;
                var r = 1.5 + (4 * Math.Sqrt((double)s.Site.Population / maxPop));
                svg.Append(Inv($"<circle class=\"site {(covered ? "covered" : "uncovered")}\" cx=\"{map.X(s.Site.Longitude):0.#}\" cy=\"{map.Y(s.Site.Latitude):0.#}\" r=\"{r:0.#}\" fill=\"{(covered ? "#1a7f37" : "#b42318")}\"><title>"));
                svg.Append(WebUtility.HtmlEncode($"{s.Site.WardName}: {PlanningText.Number(s.Site.Population)} người, {PlanningText.Number(s.Km, 1)} km"));
                svg.Append("</title></circle>");
            }

            svg.Append("</g>");
        }

        svg.Append("<g class=\"points\">");
        foreach (var p in points)
        {
            svg.Append(Inv($"<rect class=\"point\" x=\"{map.X(p.Longitude) - 4:0.#}\" y=\"{map.Y(p.Latitude) - 4:0.#}\" width=\"8\" height=\"8\" fill=\"{Ink}\" stroke=\"#fff\"><title>"));
            svg.Append(WebUtility.HtmlEncode(p.Name)).Append("</title></rect>");
        }

        foreach (var pick in picks)
        {
            var (x, y) = (map.X(pick.Candidate.Longitude), map.Y(pick.Candidate.Latitude));
            svg.Append(Inv($"<path class=\"suggested\" d=\"M{x:0.#} {y - 8:0.#} L{x + 8:0.#} {y:0.#} L{x:0.#} {y + 8:0.#} L{x - 8:0.#} {y:0.#} Z\" fill=\"#b54708\" stroke=\"#fff\"><title>"));
            svg.Append(WebUtility.HtmlEncode($"Đề xuất {pick.Rank}: {pick.Candidate.WardName}, thêm {PlanningText.Number(pick.Gain)} người")).Append("</title></path>");
        }

        svg.Append("</g>");
    }
}
