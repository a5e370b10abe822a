namespace MotCua.Organisation.Contracts.Maps;

/// <summary>
/// Longitude/latitude to SVG pixels: an equirectangular projection at the mean latitude of the bounds
/// (x = Δλ·cos φ₀, y = −Δφ, both in km at 111.195 km per degree — within 0.2 % over a city), fitted into a
/// fixed width with a margin, north up. Pure; the same bounds give the same picture.
/// </summary>
public sealed class MapProjection
{
    public const double KmPerDegree = Math.PI * 6371.0 / 180.0;

    private readonly double west;
    private readonly double north;
    private readonly double cos0;

    /// <param name="padKm">Room kept around the bounds (e.g. for circles of points at the edge).</param>
    public MapProjection(double west, double south, double east, double north, double width = 720, double margin = 24, double padKm = 0, double bottomRoom = 30, double maxHeight = 1_200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(east, west);
        ArgumentOutOfRangeException.ThrowIfLessThan(north, south);
        cos0 = Math.Cos(((south + north) / 2) * Math.PI / 180);
        this.west = west - (padKm / (KmPerDegree * cos0));
        this.north = north + (padKm / KmPerDegree);
        var widthKm = Math.Max(0.5, (east - west) * cos0 * KmPerDegree) + (2 * padKm);
        var heightKm = Math.Max(0.5, (north - south) * KmPerDegree) + (2 * padKm);
        Width = width;
        Margin = margin;
        PixelsPerKm = (width - (2 * margin)) / widthKm;
        Height = Math.Min(maxHeight, (heightKm * PixelsPerKm) + (2 * margin) + bottomRoom);
        PixelsPerKm = Math.Min(PixelsPerKm, (Height - (2 * margin) - bottomRoom) / heightKm);
    }

    public double Width { get; }

    public double Height { get; }

    public double Margin { get; }

    public double PixelsPerKm { get; }

    /// <summary>What decides where a position lands: equal keys draw every shape at the same pixels (the base map's cache key).</summary>
    internal (double West, double North, double Cos0, double PixelsPerKm, double Margin) Key => (west, north, cos0, PixelsPerKm, Margin);

    /// <summary>The projection that shows all these wards (and any extra positions) whole.</summary>
    public static MapProjection Fit(IEnumerable<WardShape> wards, IEnumerable<(double Latitude, double Longitude)> extra, double padKm = 0, double width = 720)
    {
        var lons = new List<double>();
        var lats = new List<double>();
        foreach (var w in wards)
        {
            lons.AddRange(w.Ring.Select(p => p.X));
            lats.AddRange(w.Ring.Select(p => p.Y));
        }

        foreach (var (lat, lon) in extra)
        {
            lats.Add(lat);
            lons.Add(lon);
        }

        if (lats.Count == 0)
        {
            lats.Add(21.0);
            lons.Add(105.85);
        }

        return new MapProjection(lons.Min(), lats.Min(), lons.Max(), lats.Max(), width, padKm: padKm);
    }

    public double X(double longitude) => Margin + ((longitude - west) * cos0 * KmPerDegree * PixelsPerKm);

    public double Y(double latitude) => Margin + ((north - latitude) * KmPerDegree * PixelsPerKm);

    public PlanePoint Project(double latitude, double longitude) => new(X(longitude), Y(latitude));
}
