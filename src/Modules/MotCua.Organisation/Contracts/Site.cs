namespace MotCua.Organisation.Contracts;

/// <summary>A place that can host a point: a ward centroid with its population.</summary>
public sealed record Site(string WardCode, string WardName, double Latitude, double Longitude, int Population);
