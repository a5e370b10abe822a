namespace MotCua.Calendar.Holidays;

/// <summary>
/// One day of a year's arrangement: a holiday, a compensatory or swapped day off, or a make-up working day,
/// with its name in Vietnamese and English, where the data comes from (<see cref="Source"/>: research notes,
/// never shown to users) and <see cref="LegalBasisVi"/>, the legal document users are shown as the basis
/// ("Thông báo của Bộ Nội vụ ngày 25/12/2025 …"). For a day an administrator entered both hold the legal
/// document they gave.
/// </summary>
public sealed record ArrangementEntry(DateOnly Date, DayKind Kind, string NameVi, string NameEn, string Source, string LegalBasisVi = "")
{
    /// <summary>Only make-up working days are working days; every other entry is a day off.</summary>
    public bool IsWorkingDay => Kind == DayKind.MakeUpWorkingDay;

    /// <summary>How the explanation names the day: "Tết Nguyên đán …", "nghỉ bù …", "ngày nghỉ hoán đổi theo …".</summary>
    public string ReasonVi => Kind switch
    {
        DayKind.Holiday => $"ngày lễ, Tết: {NameVi}",
        DayKind.CompensatoryDayOff => $"nghỉ bù: {NameVi}",
        DayKind.SwappedDayOff => $"ngày nghỉ hoán đổi{BasisVi}: {NameVi}",
        _ => $"ngày làm bù{BasisVi}: {NameVi}",
    };

    /// <summary>The English account; the legal basis is the Vietnamese document's name (the research notes are never shown).</summary>
    public string ReasonEn => Kind switch
    {
        DayKind.Holiday => $"public holiday: {NameEn}",
        DayKind.CompensatoryDayOff => $"compensatory day off: {NameEn}",
        DayKind.SwappedDayOff => $"swapped day off{BasisEn}: {NameEn}",
        _ => $"make-up working day{BasisEn}: {NameEn}",
    };

    private string BasisVi => string.IsNullOrWhiteSpace(LegalBasisVi) ? "" : $" theo {LegalBasisVi}";

    private string BasisEn => string.IsNullOrWhiteSpace(LegalBasisVi) ? "" : $" under {LegalBasisVi}";
}
