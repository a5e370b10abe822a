using MotCua.Organisation.Contracts;
using MotCua.Planning;
using MotCua.Planning.Siting;

namespace MotCua.Planning.Siting;

/// <summary>A site and its nearest open point (null when there is none).</summary>
internal sealed record SiteDistance(Site Site, ServiceLocation? Nearest, double Km, double Minutes);

internal sealed record CoverageResult(
    long TotalPopulation,
    long WithinRadius,
    long WithinMinutes,
    double RadiusKm,
    double MaxMinutes,
    IReadOnlyList<SiteDistance> Sites)
{
    public double ShareWithinRadius => TotalPopulation == 0 ? 0 : (double)WithinRadius / TotalPopulation;

    public double ShareWithinMinutes => TotalPopulation == 0 ? 0 : (double)WithinMinutes / TotalPopulation;

    /// <summary>Sites farther than the radius from every open point, most populous first.</summary>
    public IReadOnlyList<SiteDistance> UncoveredByRadius
        => Sites.Where(s => s.Km > RadiusKm).OrderByDescending(s => s.Site.Population).ThenBy(s => s.Site.WardCode, StringComparer.Ordinal).ToList();

    /// <summary>Sites more than the travel-time limit from every open point, most populous first.</summary>
    public IReadOnlyList<SiteDistance> UncoveredByMinutes
        => Sites.Where(s => s.Minutes > MaxMinutes).OrderByDescending(s => s.Site.Population).ThenBy(s => s.Site.WardCode, StringComparer.Ordinal).ToList();
}

/// <summary>One greedy pick: the candidate, the population it newly covers, and the running total covered.</summary>
internal sealed record SitingPick(int Rank, Site Candidate, long Gain, long CoveredAfter);

/// <summary>
/// Population coverage of a set of points. Each site (a ward or commune centroid with its population) counts as a
/// whole: covered when its centroid is within the radius (haversine, R = 6,371 km) of at least one open point, or
/// within the travel-time limit under a <see cref="TravelModel"/>. Pure and deterministic.
/// </summary>
internal static class CoveragePlanner
{
    public const double DefaultRadiusKm = 5;
    public const double DefaultMinutes = 30;

    /// <summary>Great-circle (haversine) distance in kilometres, R = 6,371 km.</summary>
    public static double HaversineKm(double lat1, double lon1, double lat2, double lon2) => TravelModel.DistanceKm(lat1, lon1, lat2, lon2);

    public static CoverageResult Measure(IReadOnlyList<Site> sites, IReadOnlyList<ServiceLocation> points,
        double radiusKm = DefaultRadiusKm, double maxMinutes = DefaultMinutes, TravelModel? travel = null)
    {
        CheckRadius(radiusKm);
        if (!(maxMinutes >= 0 && maxMinutes <= 1_440))
        {
            throw new PlanningInputException("Thời gian đi lại tối đa phải từ 0 đến 1.440 phút.");
        }

        travel ??= TravelModel.Default;
        var rows = new List<SiteDistance>(sites.Count);
        long total = 0, inRadius = 0, inMinutes = 0;
        foreach (var s in sites)
        {
            ServiceLocation? nearest = null;
            var best = double.PositiveInfinity;
            foreach (var p in points)
            {
                var d = HaversineKm(s.Latitude, s.Longitude, p.Latitude, p.Longitude);
                if (d < best)
                {
                    best = d;
                    nearest = p;
                }
            }

            var minutes = nearest is null ? double.PositiveInfinity : travel.Minutes(best);
            rows.Add(new SiteDistance(s, nearest, best, minutes));
            total += s.Population;
            inRadius += best <= radiusKm ? s.Population : 0;
            inMinutes += minutes <= maxMinutes ? s.Population : 0;
        }

        return new CoverageResult(total, inRadius, inMinutes, radiusKm, maxMinutes, rows);
    }

    /// <summary>
    /// Greedy maximum coverage: k times, pick the candidate whose radius covers the most population not yet
    /// covered (by the open points or earlier picks); ties go to the earlier candidate in the list. Stops early
    /// when no candidate adds anything. Greedy is within 1 − 1/e (≈ 63 %) of the best k-set (Nemhauser et al. 1978).
    /// </summary>
    public static IReadOnlyList<SitingPick> Suggest(IReadOnlyList<Site> sites, IReadOnlyList<ServiceLocation> points,
        IReadOnlyList<Site> candidates, int k, double radiusKm = DefaultRadiusKm)
    {
        CheckRadius(radiusKm);
        if (k is < 0 or > 1_000)
        {
            throw new PlanningInputException("Số địa điểm đề xuất phải từ 0 đến 1.000.");
        }

        var covered = new bool[sites.Count];
        long coveredPopulation = 0;
        for (var i = 0; i < sites.Count; i++)
        {
            var s = sites[i];
            if (points.Any(p => HaversineKm(s.Latitude, s.Longitude, p.Latitude, p.Longitude) <= radiusKm))
            {
                covered[i] = true;
                coveredPopulation += s.Population;
            }
        }

        // Which sites each candidate reaches, computed once.
        var reach = candidates.Select(c => Enumerable.Range(0, sites.Count)
            .Where(i => HaversineKm(c.Latitude, c.Longitude, sites[i].Latitude, sites[i].Longitude) <= radiusKm).ToArray()).ToArray();
        var used = new bool[candidates.Count];
        var picks = new List<SitingPick>();
        while (picks.Count < k)
        {
            var best = -1;
            long bestGain = 0;
            for (var j = 0; j < candidates.Count; j++)
            {
                if (used[j])
                {
                    continue;
                }

                long gain = 0;
                foreach (var i in reach[j])
                {
                    gain += covered[i] ? 0 : sites[i].Population;
                }

                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = j;
                }
            }

            if (best < 0)
            {
                break;
            }

            used[best] = true;
            foreach (var i in reach[best])
            {
                covered[i] = true;
            }

            coveredPopulation += bestGain;
            picks.Add(new SitingPick(picks.Count + 1, candidates[best], bestGain, coveredPopulation));
        }

        return picks;
    }

    private static void CheckRadius(double radiusKm)
    {
        if (!(radiusKm > 0 && radiusKm <= 1_000))
        {
            throw new PlanningInputException("Bán kính phải lớn hơn 0 và không quá 1.000 km.");
        }
    }
}
