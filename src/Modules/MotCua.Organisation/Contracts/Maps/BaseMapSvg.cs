using System.Globalization;
using System.Net;
using System.Text;

namespace MotCua.Organisation.Contracts.Maps;

/// <summary>
/// The pieces of a server-drawn map as inline SVG (no tiles, no script, no outside requests — the CSP allows
/// none): the frame with its title and description (role="img"), the ward polygons, a scale bar, a north arrow and
/// the note that the boundaries are approximate. Colours are SVG presentation attributes (no style attributes).
/// </summary>
public static class BaseMapSvg
{
    public const string Ink = "#102a43";

    public static void Open(StringBuilder svg, MapProjection map, string cssClass, string id, string title, string description)
    {
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{cssClass}\" viewBox=\"0 0 {map.Width:0} {map.Height:0}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">"));
        svg.Append(Inv($"<title id=\"{id}-title\">")).Append(WebUtility.HtmlEncode(title)).Append("</title>");
        svg.Append(Inv($"<desc id=\"{id}-desc\">")).Append(WebUtility.HtmlEncode(description)).Append("</desc>");
        svg.Append(Inv($"<rect x=\"0\" y=\"0\" width=\"{map.Width:0}\" height=\"{map.Height:0}\" fill=\"#eef3f7\" stroke=\"#c5ccd3\"/>"));
    }

    /// <summary>The ward polygons, each with its name as a tooltip, filled by <paramref name="fill"/> (colour, class).</summary>
    public static void Wards(StringBuilder svg, MapProjection map, IEnumerable<WardShape> wards, Func<WardShape, (string Fill, string Class)> fill)
        => Wards(svg, wards, fill, w => PathData(map, w.Ring));

    /// <summary>The ward polygons with their path data given (<see cref="WardMap"/> passes the outlines it drew once for this projection).</summary>
    internal static void Wards(StringBuilder svg, IEnumerable<WardShape> wards, Func<WardShape, (string Fill, string Class)> fill, Func<WardShape, string> path)
    {
        svg.Append("<g class=\"wards\" stroke=\"#8a99a8\" stroke-width=\"0.6\" stroke-linejoin=\"round\">");
        foreach (var w in wards)
        {
            var (colour, cls) = fill(w);
            svg.Append(Inv($"<path class=\"ward {cls}\" data-ward=\"{w.Code}\" fill=\"{colour}\" d=\"")).Append(path(w)).Append("\"><title>")
                .Append(WebUtility.HtmlEncode(w.Name)).Append("</title></path>");
        }

        svg.Append("</g>");
    }

    /// <summary>SVG path data of a ring in pixels ("M x y L … Z"), one decimal.</summary>
    public static string PathData(MapProjection map, IReadOnlyList<PlanePoint> ring)
    {
        var d = new StringBuilder();
        for (var i = 0; i < ring.Count; i++)
        {
            d.Append(i == 0 ? 'M' : 'L').Append(Inv($"{map.X(ring[i].X):0.#} {map.Y(ring[i].Y):0.#}"));
        }

        return d.Append('Z').ToString();
    }

    /// <summary>A scale bar (the largest of 1, 2, 5, 10, 20 km that fits in a quarter of the width), a north arrow, and the approximation note.</summary>
    public static void Furniture(StringBuilder svg, MapProjection map, string north, string? note)
    {
        var barKm = new[] { 20.0, 10, 5, 2, 1 }.FirstOrDefault(k => k * map.PixelsPerKm <= map.Width / 4, 1);
        var by = map.Height - 12;
        var m = map.Margin;
        svg.Append(Inv($"<g class=\"scale\"><line x1=\"{m:0}\" y1=\"{by:0}\" x2=\"{m + (barKm * map.PixelsPerKm):0.#}\" y2=\"{by:0}\" stroke=\"{Ink}\" stroke-width=\"3\"/>"));
        svg.Append(Inv($"<text x=\"{m:0}\" y=\"{by - 6:0}\" font-size=\"14\" fill=\"{Ink}\">{barKm:0} km</text></g>"));
        var nx = map.Width - m - 10;
        svg.Append(Inv($"<g class=\"north\"><path d=\"M{nx:0} {m:0} L{nx + 8:0} {m + 22:0} L{nx:0} {m + 16:0} L{nx - 8:0} {m + 22:0} Z\" fill=\"{Ink}\"/>"));
        svg.Append(Inv($"<text x=\"{nx:0}\" y=\"{m + 38:0}\" font-size=\"14\" text-anchor=\"middle\" fill=\"{Ink}\">")).Append(WebUtility.HtmlEncode(north)).Append("</text></g>");
        if (note is not null)
        {
            svg.Append(Inv($"<text class=\"map-note\" x=\"{map.Width - m:0}\" y=\"{by:0}\" font-size=\"14\" text-anchor=\"end\" fill=\"{Ink}\">")).Append(WebUtility.HtmlEncode(note)).Append("</text>");
        }
    }

    public static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
