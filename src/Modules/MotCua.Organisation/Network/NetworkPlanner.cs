using MotCua.Organisation.Contracts;

namespace MotCua.Organisation.Network;


/// <summary>
/// Places N points over a city's wards: weighted k-means on the ward centroids (weight = population),
/// each centre snapped to the nearest ward centroid not taken yet. Deterministic for the same input,
/// so the demo network is the same on every machine. Used for the seed (12 branches + 30 reception
/// points as Hanoi runs since 1/7/2025, or the founding plan's 30 branches).
/// </summary>
internal static class NetworkPlanner
{
    public static IReadOnlyList<Site> Place(IReadOnlyList<Site> sites, int count, ISet<string> taken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var free = sites.Where(s => !taken.Contains(s.WardCode)).ToList();
        if (count == 0 || free.Count == 0)
        {
            return [];
        }

        count = Math.Min(count, free.Count);

        // Farthest-point start from the most populous ward.
        var centres = new List<(double Lat, double Lon)> { Pos(free.MaxBy(s => s.Population)!) };
        while (centres.Count < count)
        {
            var next = free.MaxBy(s => Math.Max(1, s.Population) * centres.Min(c => Distance2(c, Pos(s))))!;
            centres.Add(Pos(next));
        }

        for (var iteration = 0; iteration < 30; iteration++)
        {
            var sumLat = new double[count];
            var sumLon = new double[count];
            var weight = new double[count];
            foreach (var s in sites)
            {
                var k = Nearest(centres, Pos(s));
                var w = Math.Max(1, s.Population);
                sumLat[k] += s.Latitude * w;
                sumLon[k] += s.Longitude * w;
                weight[k] += w;
            }

            for (var k = 0; k < count; k++)
            {
                if (weight[k] > 0)
                {
                    centres[k] = (sumLat[k] / weight[k], sumLon[k] / weight[k]);
                }
            }
        }

        var chosen = new List<Site>();
        var used = new HashSet<string>(taken);
        foreach (var centre in centres)
        {
            var site = free.Where(s => !used.Contains(s.WardCode)).MinBy(s => Distance2(centre, Pos(s)))!;
            used.Add(site.WardCode);
            chosen.Add(site);
        }

        return chosen;
    }

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2) => Contracts.TravelModel.DistanceKm(lat1, lon1, lat2, lon2);

    public static int Nearest(IReadOnlyList<(double Lat, double Lon)> centres, (double Lat, double Lon) p)
    {
        var best = 0;
        var bestD = double.MaxValue;
        for (var i = 0; i < centres.Count; i++)
        {
            var d = Distance2(centres[i], p);
            if (d < bestD)
            {
                bestD = d;
                best = i;
            }
        }

        return best;
    }

    private static (double, double) Pos(Site s) => (s.Latitude, s.Longitude);

    // Equirectangular approximation, good enough inside one city.
    private static double Distance2((double Lat, double Lon) a, (double Lat, double Lon) b)
    {
        var x = (b.Lon - a.Lon) * Math.Cos(double.DegreesToRadians((a.Lat + b.Lat) / 2));
        var y = b.Lat - a.Lat;
        return (x * x) + (y * y);
    }
}
