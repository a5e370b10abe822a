using MotCua.Organisation.Contracts;
using MotCua.Planning.Siting;
using MotCua.Planning.Staffing;

namespace MotCua.Planning;

/// <summary>One opening hour of the working day and the share of the day's visits that arrive in it.</summary>
internal sealed record HourShare(int StartHour, double Share);

/// <summary>
/// How many people come, and when: <see cref="VisitsPer1000PerDay"/> visits a working day per 1,000 inhabitants,
/// spread over the opening hours by <see cref="Profile"/>. The default profile is the center's day
/// (08:00–12:00, 13:00–17:00; no arrivals in the lunch break), busiest mid-morning and early afternoon:
/// 10 / 15 / 16 / 13 % in the morning hours, 11 / 14 / 12 / 9 % in the afternoon. Both are planning assumptions
/// (no observed data yet), configurable on the pages, the API and the console.
/// </summary>
internal sealed record DemandModel(double VisitsPer1000PerDay, IReadOnlyList<HourShare> Profile)
{
    public const double DefaultVisitsPer1000 = 1.0;

    public static IReadOnlyList<HourShare> WorkingDayProfile { get; } =
    [
        new(8, 0.10), new(9, 0.15), new(10, 0.16), new(11, 0.13),
        new(13, 0.11), new(14, 0.14), new(15, 0.12), new(16, 0.09),
    ];

    public static DemandModel Default { get; } = new(DefaultVisitsPer1000, WorkingDayProfile);

    public static DemandModel WithVisits(double visitsPer1000)
    {
        if (!(visitsPer1000 > 0 && visitsPer1000 <= 1_000))
        {
            throw new PlanningInputException("Số lượt đến mỗi ngày trên 1.000 dân phải lớn hơn 0 và không quá 1.000.");
        }

        return Default with { VisitsPer1000PerDay = visitsPer1000 };
    }

    public double VisitsPerDay(long population) => population * VisitsPer1000PerDay / 1000.0;
}

/// <summary>A point, the population it serves (the sites nearest to it) and its forecast.</summary>
internal sealed record PointDemand(ServiceLocation Point, long Population, int Sites, double VisitsPerDay, PointForecast Forecast);

/// <summary>
/// The forecast of arrivals per hour at each point: every site's population goes to its nearest open point
/// (straight line, haversine); visits a day = population × visits per 1,000 ÷ 1,000; each hour gets its share of
/// the profile. Pure and deterministic; points nobody is nearest to get a zero forecast.
/// </summary>
internal static class ArrivalForecast
{
    public static IReadOnlyList<PointDemand> ByNearestPoint(IReadOnlyList<Site> sites, IReadOnlyList<ServiceLocation> points, DemandModel model)
    {
        if (points.Count == 0)
        {
            throw new PlanningInputException("Không có điểm phục vụ nào đang mở có tọa độ.");
        }

        var population = new long[points.Count];
        var count = new int[points.Count];
        foreach (var s in sites)
        {
            var k = Nearest(points, s.Latitude, s.Longitude);
            population[k] += s.Population;
            count[k]++;
        }

        return points.Select((p, k) =>
        {
            var perDay = model.VisitsPerDay(population[k]);
            var hours = model.Profile.Select(h => perDay * h.Share).ToList();
            return new PointDemand(p, population[k], count[k], perDay, new PointForecast(p.Code, p.Name, hours));
        }).ToList();
    }

    /// <summary>The index of the nearest point (the first when tied).</summary>
    public static int Nearest(IReadOnlyList<ServiceLocation> points, double latitude, double longitude)
    {
        var best = 0;
        var bestKm = double.PositiveInfinity;
        for (var i = 0; i < points.Count; i++)
        {
            var km = CoveragePlanner.HaversineKm(latitude, longitude, points[i].Latitude, points[i].Longitude);
            if (km < bestKm)
            {
                bestKm = km;
                best = i;
            }
        }

        return best;
    }
}
