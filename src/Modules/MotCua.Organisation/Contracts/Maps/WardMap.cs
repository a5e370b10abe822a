using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using MotCua.Organisation.Seed;
using MotCua.Platform.Text;

namespace MotCua.Organisation.Contracts.Maps;

/// <summary>A ward or commune of 1/7/2025 with its centroid and its outline (longitude, latitude pairs; X = lon, Y = lat).</summary>
public sealed record WardShape(string Code, string Name, double Latitude, double Longitude, IReadOnlyList<PlanePoint> Ring);

/// <summary>
/// What a page says about its map: the svg's class and id (its title and description get <c>{Id}-title</c> and
/// <c>{Id}-desc</c>), the title and description read by screen readers, the north letter, the note on the
/// approximate outlines; <paramref name="PadKm"/> keeps room around the positions (e.g. for radius circles).
/// </summary>
public sealed record MapFrame(string CssClass, string Id, string Title, string Description, string North, string? Note, double PadKm = 0);

/// <summary>
/// Hanoi's 126 wards and communes as polygons for the server-drawn base map. No permissively licensed boundary file
/// of the 2025 units could be had here (the seed holds only centroids and bounding boxes), so the outlines are an
/// <b>approximation</b>, and every map that draws them says so: each ward is the Voronoi cell of its centroid (the
/// part of the plane nearer to it than to any other centroid, in kilometres at Hanoi's latitude), clipped to the
/// ward's own bounding box from seed/hanoi_units_2025.csv. Cells never overlap, each holds its own centroid, and
/// their union follows the city's outline to within the boxes.
/// <para>
/// The base map depends on the embedded seed file only (not on the database), so it is computed once per process:
/// the cells and their bounds on first use, the outlines' SVG path data once per projection (<see cref="Svg"/>: a
/// page's map and a point's map share one; a map whose points reach past the wards' bounds gets its own). A page
/// draws its own layer over it and nothing more.
/// </para>
/// </summary>
public static class WardMap
{
    /// <summary>Hanoi's latitude used to turn degrees into kilometres for the cells.</summary>
    private const double Lat0 = 21.0;

    /// <summary>Projections whose outlines are kept; past it the cache starts again (positions edited far off the city).</summary>
    private const int OutlineCacheSize = 16;

    private static readonly Lazy<IReadOnlyList<WardShape>> Shapes = new(Build);

    private static readonly Lazy<(double West, double South, double East, double North)> Bounds = new(() =>
    {
        var points = Shapes.Value.SelectMany(w => w.Ring).ToList();
        return (points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y));
    });

    private static readonly ConcurrentDictionary<(double, double, double, double, double), IReadOnlyDictionary<string, string>> Outlines = new();

    /// <summary>True: the outlines are approximate (Voronoi cells in bounding boxes), not surveyed boundaries.</summary>
    public static bool IsApproximate => true;

    /// <summary>The 126 wards and communes in code order.</summary>
    public static IReadOnlyList<WardShape> Hanoi2025() => Shapes.Value;

    /// <summary>The projection that shows every ward and these positions whole (as <see cref="MapProjection.Fit"/> over the wards, from their bounds computed once).</summary>
    public static MapProjection Fit(IEnumerable<(double Latitude, double Longitude)> positions, double padKm = 0)
    {
        var (west, south, east, north) = Bounds.Value;
        foreach (var (lat, lon) in positions)
        {
            (west, east) = (Math.Min(west, lon), Math.Max(east, lon));
            (south, north) = (Math.Min(south, lat), Math.Max(north, lat));
        }

        return new MapProjection(west, south, east, north, padKm: padKm);
    }

    /// <summary>
    /// A whole map as inline SVG: the frame, the wards filled by <paramref name="fill"/> (colour, class), the page's own
    /// <paramref name="layer"/> drawn over them with the projection, then the scale, the north arrow and the note.
    /// The projection fits the wards and <paramref name="positions"/>; the outlines come from the cache.
    /// </summary>
    public static string Svg(MapFrame frame, IEnumerable<(double Latitude, double Longitude)> positions, Func<WardShape, (string Fill, string Class)> fill, Action<StringBuilder, MapProjection> layer)
    {
        var map = Fit(positions, frame.PadKm);
        var outlines = OutlinesFor(map);
        var svg = new StringBuilder();
        BaseMapSvg.Open(svg, map, frame.CssClass, frame.Id, frame.Title, frame.Description);
        BaseMapSvg.Wards(svg, Shapes.Value, fill, w => outlines[w.Code]);
        layer(svg, map);
        BaseMapSvg.Furniture(svg, map, frame.North, frame.Note);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The wards' path data in this projection's pixels, drawn once per projection (the same object while it is cached).</summary>
    internal static IReadOnlyDictionary<string, string> OutlinesFor(MapProjection map)
    {
        if (Outlines.TryGetValue(map.Key, out var cached))
        {
            return cached;
        }

        if (Outlines.Count >= OutlineCacheSize)
        {
            Outlines.Clear();
        }

        return Outlines.GetOrAdd(map.Key, _ => Shapes.Value.ToDictionary(w => w.Code, w => BaseMapSvg.PathData(map, w.Ring), StringComparer.Ordinal));
    }

    private static double Kx => Math.Cos(Lat0 * Math.PI / 180) * MapProjection.KmPerDegree;

    private static List<WardShape> Build()
    {
        var rows = SeedFiles.Csv("hanoi_units_2025.csv").Rows
            .Select(r => new
            {
                Code = r["code"],
                Name = VietnameseText.Canonical(r["name"]),
                Lat = Number(r["lat"]),
                Lon = Number(r["lon"]),
                Box = r["bbox"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Number).ToArray(),
            })
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var centres = rows.Select(r => Km(r.Lon, r.Lat)).ToList();
        var shapes = new List<WardShape>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var (w, s) = Km(r.Box[0], r.Box[1]);
            var (e, n) = Km(r.Box[2], r.Box[3]);
            IReadOnlyList<PlanePoint> cell = [new(w, s), new(e, s), new(e, n), new(w, n)];
            var p = centres[i];
            for (var j = 0; j < rows.Count && cell.Count > 0; j++)
            {
                if (j == i)
                {
                    continue;
                }

                // Nearer to p than to q: (q − p)·x ≤ (|q|² − |p|²) / 2.
                var q = centres[j];
                cell = PlaneGeometry.Clip(cell, q.X - p.X, q.Y - p.Y, ((q.X * q.X) + (q.Y * q.Y) - (p.X * p.X) - (p.Y * p.Y)) / 2);
            }

            var ring = PlaneGeometry.Simplify(cell, 0.01).Select(k => new PlanePoint(k.X / Kx, k.Y / MapProjection.KmPerDegree)).ToList();
            shapes.Add(new WardShape(r.Code, r.Name, r.Lat, r.Lon, ring));
        }

        return shapes;
    }

    private static PlanePoint Km(double lon, double lat) => new(lon * Kx, lat * MapProjection.KmPerDegree);

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
