using MotCua.Calendar.Holidays;

namespace MotCua.Organisation.WorkingCalendar;

/// <summary>
/// One entered day of the yearly arrangements (holiday, compensatory or swapped day off, make-up working
/// day), with the legal document it rests on. Seeded from the bundled file; administrators add and remove.
/// </summary>
internal sealed class CalendarDay
{
    public DateOnly Date { get; init; }
    public DayKind Kind { get; init; }
    public string NameVi { get; init; } = "";
    public string NameEn { get; init; } = "";

    /// <summary>Where the day comes from: research notes for a bundled day (never shown), the legal document for an entered one.</summary>
    public string Source { get; init; } = "";

    /// <summary>The legal document shown to users as the day's basis (bundled <c>legal_basis_vi</c>, or what the administrator entered).</summary>
    public string LegalBasisVi { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";

    public ArrangementEntry ToEntry() => new(Date, Kind, NameVi, NameEn, Source, LegalBasisVi);
}
