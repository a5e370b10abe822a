namespace MotCua.Organisation.Contracts.Maps;

/// <summary>A point on a plane (kilometres east and north of an origin, or SVG pixels).</summary>
public readonly record struct PlanePoint(double X, double Y);

/// <summary>The few plane-geometry steps the base map needs: half-plane clipping, area, point in polygon, Douglas–Peucker.</summary>
public static class PlaneGeometry
{
    /// <summary>Keeps the part of a convex or simple polygon where a·x + b·y ≤ c (Sutherland–Hodgman, one edge).</summary>
    public static IReadOnlyList<PlanePoint> Clip(IReadOnlyList<PlanePoint> polygon, double a, double b, double c)
    {
        var result = new List<PlanePoint>(polygon.Count + 1);
        for (var i = 0; i < polygon.Count; i++)
        {
            var p = polygon[i];
            var q = polygon[(i + 1) % polygon.Count];
            var fp = (a * p.X) + (b * p.Y) - c;
            var fq = (a * q.X) + (b * q.Y) - c;
            if (fp <= 0)
            {
                result.Add(p);
            }

            if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0))
            {
                var t = fp / (fp - fq);
                result.Add(new PlanePoint(p.X + (t * (q.X - p.X)), p.Y + (t * (q.Y - p.Y))));
            }
        }

        return result;
    }

    /// <summary>Signed area (shoelace): positive when the ring runs counter-clockwise in a y-up plane.</summary>
    public static double SignedArea(IReadOnlyList<PlanePoint> ring)
    {
        double sum = 0;
        for (var i = 0; i < ring.Count; i++)
        {
            var p = ring[i];
            var q = ring[(i + 1) % ring.Count];
            sum += (p.X * q.Y) - (q.X * p.Y);
        }

        return sum / 2;
    }

    public static double Area(IReadOnlyList<PlanePoint> ring) => Math.Abs(SignedArea(ring));

    /// <summary>Whether the point lies inside the ring (even–odd ray casting; points on an edge may go either way).</summary>
    public static bool Contains(IReadOnlyList<PlanePoint> ring, PlanePoint point)
    {
        var inside = false;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            var (a, b) = (ring[i], ring[j]);
            if ((a.Y > point.Y) != (b.Y > point.Y)
                && point.X < ((b.X - a.X) * (point.Y - a.Y) / (b.Y - a.Y)) + a.X)
            {
                inside = !inside;
            }
        }

        return inside;
    }

    /// <summary>Douglas–Peucker on a closed ring: drops vertices closer than <paramref name="tolerance"/> to the simplified line.</summary>
    public static IReadOnlyList<PlanePoint> Simplify(IReadOnlyList<PlanePoint> ring, double tolerance)
    {
        if (ring.Count <= 4)
        {
            return ring;
        }

        // Split the ring at its first vertex and the vertex farthest from it, simplify both halves.
        var far = 0;
        var best = -1.0;
        for (var i = 1; i < ring.Count; i++)
        {
            var d = Distance2(ring[0], ring[i]);
            if (d > best)
            {
                best = d;
                far = i;
            }
        }

        var keep = new bool[ring.Count];
        keep[0] = keep[far] = true;
        Mark(ring, 0, far, tolerance, keep);
        Mark(ring, far, ring.Count, tolerance, keep);
        var result = ring.Where((_, i) => keep[i]).ToList();
        return result.Count >= 3 ? result : ring;
    }

    private static void Mark(IReadOnlyList<PlanePoint> ring, int from, int to, double tolerance, bool[] keep)
    {
        if (to - from < 2)
        {
            return;
        }

        var a = ring[from];
        var b = ring[to % ring.Count];
        var index = -1;
        var max = tolerance;
        for (var i = from + 1; i < to; i++)
        {
            var d = SegmentDistance(ring[i], a, b);
            if (d > max)
            {
                max = d;
                index = i;
            }
        }

        if (index < 0)
        {
            return;
        }

        keep[index] = true;
        Mark(ring, from, index, tolerance, keep);
        Mark(ring, index, to, tolerance, keep);
    }

    private static double Distance2(PlanePoint a, PlanePoint b) => ((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y));

    private static double SegmentDistance(PlanePoint p, PlanePoint a, PlanePoint b)
    {
        var l2 = Distance2(a, b);
        if (l2 == 0)
        {
            return Math.Sqrt(Distance2(p, a));
        }

        var t = Math.Clamp((((p.X - a.X) * (b.X - a.X)) + ((p.Y - a.Y) * (b.Y - a.Y))) / l2, 0, 1);
        return Math.Sqrt(Distance2(p, new PlanePoint(a.X + (t * (b.X - a.X)), a.Y + (t * (b.Y - a.Y)))));
    }
}
