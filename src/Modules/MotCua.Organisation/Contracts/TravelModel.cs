namespace MotCua.Organisation.Contracts;

/// <summary>
/// Travel time from straight-line distance: minutes = detour × km / speed × 60 + access.
/// Defaults: detour factor 1.3 (roads are longer than the straight line), 20 km/h (city traffic, motorbike or bus),
/// 5 minutes to get going and to park or walk in. All configurable; the model is monotonic in distance.
/// </summary>
public sealed record TravelModel(double DetourFactor = 1.3, double SpeedKmh = 20, double AccessMinutes = 5)
{
    public static TravelModel Default { get; } = new();

    public double Minutes(double straightLineKm) => (DetourFactor * straightLineKm / SpeedKmh * 60) + AccessMinutes;

    /// <summary>Great-circle (haversine) distance in kilometres.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
                + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * R * Math.Asin(Math.Sqrt(a));
    }
}
