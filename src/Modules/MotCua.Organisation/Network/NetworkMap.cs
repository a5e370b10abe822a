using System.Net;
using System.Text;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Contracts.Maps;
using static MotCua.Organisation.Contracts.Maps.BaseMapSvg;

namespace MotCua.Organisation.Network;

/// <summary>
/// The network on the base map, drawn on the server as inline SVG: Hanoi's wards (approximate outlines, see
/// <see cref="WardMap"/>), the center as a star, branches as dark squares, reception points as triangles and commune
/// service points as small circles, each with its name as a tooltip. One point may be highlighted (its ward filled).
/// The page lists the same points as text. The base map is <see cref="WardMap.Svg"/>'s; this class draws only the points.
/// </summary>
internal static class NetworkMap
{
    public const string CenterColour = "#7a2e8e";
    public const string BranchColour = "#102a43";
    public const string ReceptionColour = "#b54708";
    public const string ServicePointColour = "#1a7f37";

    public static string Svg(IReadOnlyList<PointSummary> points, string title, string description, string north, string note, string? highlight = null)
    {
        var located = points.Where(p => p.Latitude is not null && p.Longitude is not null).ToList();
        var marked = points.FirstOrDefault(p => p.Code == highlight)?.WardCode;
        return WardMap.Svg(
            new MapFrame("network-map", "network-map", title, description, north, note),
            located.Select(p => (p.Latitude!.Value, p.Longitude!.Value)),
            w => w.Code == marked ? ("#fde68a", "marked") : ("#ffffff", "plain"),
            (svg, map) => Points(svg, map, located, highlight));
    }

    /// <summary>The points' layer: the center, branches, reception points and service points, the commune ones underneath.</summary>
    private static void Points(StringBuilder svg, MapProjection map, IReadOnlyList<PointSummary> located, string? highlight)
    {
        svg.Append("<g class=\"points\" stroke=\"#ffffff\" stroke-width=\"1\">");
        foreach (var p in located.OrderBy(p => Layer(p.Kind)))
        {
            var (x, y) = (map.X(p.Longitude!.Value), map.Y(p.Latitude!.Value));
            var big = p.Code == highlight ? 1.8 : 1;
            svg.Append(p.Kind switch
            {
                OrgUnitKind.Center => Inv($"<path class=\"center\" d=\"{Star(x, y, 9 * big)}\" fill=\"{CenterColour}\">"),
                OrgUnitKind.Branch => Inv($"<rect class=\"branch\" x=\"{x - (5 * big):0.#}\" y=\"{y - (5 * big):0.#}\" width=\"{10 * big:0.#}\" height=\"{10 * big:0.#}\" fill=\"{BranchColour}\">"),
                OrgUnitKind.ReceptionPoint => Inv($"<path class=\"reception\" d=\"M{x:0.#} {y - (6 * big):0.#}L{x + (6 * big):0.#} {y + (5 * big):0.#}L{x - (6 * big):0.#} {y + (5 * big):0.#}Z\" fill=\"{ReceptionColour}\">"),
                _ => Inv($"<circle class=\"service-point\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{3 * big:0.#}\" fill=\"{ServicePointColour}\">"),
            });
            svg.Append("<title>").Append(WebUtility.HtmlEncode(p.Name)).Append("</title>");
            svg.Append(p.Kind switch { OrgUnitKind.Center => "</path>", OrgUnitKind.Branch => "</rect>", OrgUnitKind.ReceptionPoint => "</path>", _ => "</circle>" });
        }

        svg.Append("</g>");
    }

    private static int Layer(OrgUnitKind kind) => kind switch { OrgUnitKind.ServicePoint => 0, OrgUnitKind.ReceptionPoint => 1, OrgUnitKind.Branch => 2, _ => 3 };

    private static string Star(double x, double y, double r)
    {
        var d = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            var a = (Math.PI / 2) + (i * Math.PI / 5);
            var rr = i % 2 == 0 ? r : r * 0.45;
            d.Append(i == 0 ? 'M' : 'L').Append(Inv($"{x + (rr * Math.Cos(a)):0.#} {y - (rr * Math.Sin(a)):0.#}"));
        }

        return d.Append('Z').ToString();
    }
}
