namespace MotCua.Dossiers.Book;

/// <summary>The last entry number of a receiving unit's tracking book for a year (one row per unit and year).</summary>
internal sealed class TrackingBookCounter
{
    /// <summary>The receiving unit (<see cref="Guid.Empty"/> for a reception made outside any unit).</summary>
    public Guid UnitId { get; init; }
    public int Year { get; init; }
    public int Last { get; set; }
}
