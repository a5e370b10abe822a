namespace MotCua.Calendar.Holidays;

/// <summary>
/// One day of a year's arrangement: a holiday, a compensatory or swapped day off, or a make-up working day,
/// with its name in Vietnamese and English and the legal document (or other source) it comes from.
/// </summary>
public sealed record ArrangementEntry(DateOnly Date, DayKind Kind, string NameVi, string NameEn, string Source)
{
    /// <summary>Only make-up working days are working days; every other entry is a day off.</summary>
    public bool IsWorkingDay => Kind == DayKind.MakeUpWorkingDay;

    /// <summary>How the explanation names the day: "Tết Nguyên đán …", "nghỉ bù …", "ngày nghỉ hoán đổi theo văn bản …".</summary>
    public string ReasonVi => Kind switch
    {
        DayKind.Holiday => $"ngày lễ, Tết: {NameVi}",
        DayKind.CompensatoryDayOff => $"nghỉ bù: {NameVi}",
        DayKind.SwappedDayOff => $"ngày nghỉ hoán đổi theo văn bản {Source}: {NameVi}",
        _ => $"ngày làm bù theo văn bản {Source}: {NameVi}",
    };

    public string ReasonEn => Kind switch
    {
        DayKind.Holiday => $"public holiday: {NameEn}",
        DayKind.CompensatoryDayOff => $"compensatory day off: {NameEn}",
        DayKind.SwappedDayOff => $"swapped day off under {Source}: {NameEn}",
        _ => $"make-up working day under {Source}: {NameEn}",
    };
}
