using System.Globalization;
using MotCua.Organisation.Seed;
using MotCua.Platform.Text;

namespace MotCua.Organisation.Contracts.Maps;

/// <summary>A ward or commune of 1/7/2025 with its centroid and its outline (longitude, latitude pairs; X = lon, Y = lat).</summary>
public sealed record WardShape(string Code, string Name, double Latitude, double Longitude, IReadOnlyList<PlanePoint> Ring);

/// <summary>
/// Hanoi's 126 wards and communes as polygons for the server-drawn base map. No permissively licensed boundary file
/// of the 2025 units could be had here (the seed holds only centroids and bounding boxes), so the outlines are an
/// <b>approximation</b>, and every map that draws them says so: each ward is the Voronoi cell of its centroid (the
/// part of the plane nearer to it than to any other centroid, in kilometres at Hanoi's latitude), clipped to the
/// ward's own bounding box from seed/hanoi_units_2025.csv. Cells never overlap, each holds its own centroid, and
/// their union follows the city's outline to within the boxes. Computed once from the embedded seed file.
/// </summary>
public static class WardMap
{
    /// <summary>Hanoi's latitude used to turn degrees into kilometres for the cells.</summary>
    private const double Lat0 = 21.0;

    private static readonly Lazy<IReadOnlyList<WardShape>> Shapes = new(Build);

    /// <summary>True: the outlines are approximate (Voronoi cells in bounding boxes), not surveyed boundaries.</summary>
    public static bool IsApproximate => true;

    /// <summary>The 126 wards and communes in code order.</summary>
    public static IReadOnlyList<WardShape> Hanoi2025() => Shapes.Value;

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
