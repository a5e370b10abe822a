using System.Globalization;
using System.Net;
using System.Text;
using MotCua.Organisation.Contracts;
using MotCua.Planning;
using MotCua.Planning.Siting;

namespace MotCua.Planning.Siting;

/// <summary>
/// The coverage map as inline SVG, drawn on the server (no external tiles, no script): an equirectangular
/// projection at the map's mean latitude (x = Δλ·cos φ₀, y = −Δφ, both in km at 111.195 km per degree — within
/// 0.2 % over a city), ward centroids as dots (area ∝ population; green when within the radius, red when not),
/// open points as dark squares with their radius circle, suggested sites as orange diamonds with a dashed circle,
/// a kilometre scale bar and a north arrow. Accessible: role="img" with a &lt;title&gt; and a &lt;desc&gt;; the
/// page shows the same data as tables.
/// </summary>
internal static class CoverageMap
{
    private const double KmPerDegree = Math.PI * 6371.0 / 180.0;
    private const double Width = 720;
    private const double Margin = 24;

    public static string Svg(CoverageResult coverage, IReadOnlyList<ServiceLocation> points, IReadOnlyList<SitingPick> picks, string title, string description)
    {
        var sites = coverage.Sites;
        var lats = sites.Select(s => s.Site.Latitude).Concat(points.Select(p => p.Latitude)).ToList();
        var lons = sites.Select(s => s.Site.Longitude).Concat(points.Select(p => p.Longitude)).ToList();
        if (lats.Count == 0)
        {
            lats.Add(21.0);
            lons.Add(105.85);
        }

        var lat0 = (lats.Min() + lats.Max()) / 2;
        var cos0 = Math.Cos(lat0 * Math.PI / 180);
        var pad = coverage.RadiusKm; // room for the circles of points at the edge
        double Xkm(double lon) => ((lon - lons.Min()) * cos0 * KmPerDegree) + pad;
        double Ykm(double lat) => ((lats.Max() - lat) * KmPerDegree) + pad;
        var widthKm = Math.Max(1, Xkm(lons.Max()) + pad);
        var heightKm = Math.Max(1, Ykm(lats.Min()) + pad);
        var scale = (Width - (2 * Margin)) / widthKm; // px per km
        var height = Math.Min(1_200, (heightKm * scale) + (2 * Margin) + 30);
        scale = Math.Min(scale, (height - (2 * Margin) - 30) / heightKm);
        double X(double lon) => Margin + (Xkm(lon) * scale);
        double Y(double lat) => Margin + (Ykm(lat) * scale);
        var radius = coverage.RadiusKm * scale;
        var maxPop = Math.Max(1, sites.Count == 0 ? 1 : sites.Max(s => s.Site.Population));

        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"coverage-map\" viewBox=\"0 0 {Width:0} {height:0}\" width=\"100%\" role=\"img\" aria-labelledby=\"map-title map-desc\">"));
        svg.Append("<title id=\"map-title\">").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        svg.Append("<desc id=\"map-desc\">").Append(WebUtility.HtmlEncode(description)).Append("</desc>");
        svg.Append(Inv($"<rect x=\"0\" y=\"0\" width=\"{Width:0}\" height=\"{height:0}\" fill=\"#f7f9fb\" stroke=\"#c5ccd3\"/>"));

        svg.Append("<g class=\"reaches\">");
        foreach (var p in points)
        {
            svg.Append(Inv($"<circle class=\"reach\" cx=\"{X(p.Longitude):0.#}\" cy=\"{Y(p.Latitude):0.#}\" r=\"{radius:0.#}\" fill=\"#1f4e79\" fill-opacity=\"0.06\" stroke=\"#1f4e79\" stroke-opacity=\"0.45\"/>"));
        }

        foreach (var pick in picks)
        {
            svg.Append(Inv($"<circle class=\"suggested-reach\" cx=\"{X(pick.Candidate.Longitude):0.#}\" cy=\"{Y(pick.Candidate.Latitude):0.#}\" r=\"{radius:0.#}\" fill=\"none\" stroke=\"#b54708\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"));
        }

        svg.Append("</g><g class=\"sites\">");
        foreach (var s in sites)
        {
            var covered = s.Km <= coverage.RadiusKm;
            var r = 1.5 + (5 * Math.Sqrt((double)s.Site.Population / maxPop));
            svg.Append(Inv($"<circle class=\"site {(covered ? "covered" : "uncovered")}\" cx=\"{X(s.Site.Longitude):0.#}\" cy=\"{Y(s.Site.Latitude):0.#}\" r=\"{r:0.#}\" fill=\"{(covered ? "#1a7f37" : "#b42318")}\"><title>"));
            svg.Append(WebUtility.HtmlEncode($"{s.Site.WardName}: {PlanningText.Number(s.Site.Population)} người, {PlanningText.Number(s.Km, 1)} km"));
            svg.Append("</title></circle>");
        }

        svg.Append("</g><g class=\"points\">");
        foreach (var p in points)
        {
            svg.Append(Inv($"<rect class=\"point\" x=\"{X(p.Longitude) - 4:0.#}\" y=\"{Y(p.Latitude) - 4:0.#}\" width=\"8\" height=\"8\" fill=\"#102a43\"><title>"));
            svg.Append(WebUtility.HtmlEncode(p.Name)).Append("</title></rect>");
        }

        foreach (var pick in picks)
        {
            var (x, y) = (X(pick.Candidate.Longitude), Y(pick.Candidate.Latitude));
            svg.Append(Inv($"<path class=\"suggested\" d=\"M{x:0.#} {y - 8:0.#} L{x + 8:0.#} {y:0.#} L{x:0.#} {y + 8:0.#} L{x - 8:0.#} {y:0.#} Z\" fill=\"#b54708\" stroke=\"#fff\"><title>"));
            svg.Append(WebUtility.HtmlEncode($"Đề xuất {pick.Rank}: {pick.Candidate.WardName}, thêm {PlanningText.Number(pick.Gain)} người")).Append("</title></path>");
        }

        svg.Append("</g>");

        // Scale bar: the largest of 1, 2, 5, 10, 20 km that fits in a quarter of the width.
        var barKm = new[] { 20.0, 10, 5, 2, 1 }.FirstOrDefault(k => k * scale <= Width / 4, 1);
        var by = height - 16;
        svg.Append(Inv($"<g class=\"scale\"><line x1=\"{Margin:0}\" y1=\"{by:0}\" x2=\"{Margin + (barKm * scale):0.#}\" y2=\"{by:0}\" stroke=\"#102a43\" stroke-width=\"3\"/>"));
        svg.Append(Inv($"<text x=\"{Margin:0}\" y=\"{by - 6:0}\" font-size=\"12\" fill=\"#102a43\">{barKm:0} km</text></g>"));
        var nx = Width - Margin - 10;
        svg.Append(Inv($"<g class=\"north\"><path d=\"M{nx:0} {Margin:0} L{nx + 8:0} {Margin + 22:0} L{nx:0} {Margin + 16:0} L{nx - 8:0} {Margin + 22:0} Z\" fill=\"#102a43\"/>"));
        svg.Append(Inv($"<text x=\"{nx:0}\" y=\"{Margin + 36:0}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#102a43\">B</text></g>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
