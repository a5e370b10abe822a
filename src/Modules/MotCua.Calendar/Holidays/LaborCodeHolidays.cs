using MotCua.Calendar.Lunar;

namespace MotCua.Calendar.Holidays;

/// <summary>
/// The days off of a year with no entered arrangement, from the Labor Code 2019 (Art. 111–112): 1/1; Tết —
/// the last day of the lunar year and days 1–4 of month 1; Giỗ Tổ Hùng Vương (10/3 lunar); 30/4; 1/5; 2/9 and
/// one adjacent day (the day before when 2/9 is a Tuesday, Wednesday, Friday or Saturday, the day after when
/// it is a Monday, Thursday or Sunday). A holiday on a Saturday or Sunday is compensated (nghỉ bù) on the
/// next working day — the next Monday–Friday that is neither a holiday nor already a compensatory day.
/// Two holidays falling on the same day make one day off (the code compensates only weekly rest days).
/// </summary>
public static class LaborCodeHolidays
{
    public const string Source = "Bộ luật Lao động 2019, Điều 112 (sinh theo quy tắc)";
    public const string CompensationSource = "Bộ luật Lao động 2019, Điều 111 khoản 3 (sinh theo quy tắc)";

    /// <summary>The legal basis shown for a generated holiday (the same wording as the bundled data).</summary>
    public const string LegalBasis = "Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 1";

    /// <summary>The legal basis shown for a generated compensatory day off.</summary>
    public const string CompensationLegalBasis = "Bộ luật Lao động số 45/2019/QH14, Điều 111 khoản 3 (nghỉ bù khi ngày lễ, tết trùng ngày nghỉ hằng tuần)";

    public static IReadOnlyList<ArrangementEntry> Generate(int year)
    {
        if (year is < LunarCalendar.MinYear or > LunarCalendar.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Holidays are generated for 1900–2100.");
        }

        var lunar = LunarCalendar.Vietnam;
        var tet = lunar.NewYear(year);
        var national = new DateOnly(year, 9, 2);
        var adjacent = national.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Friday or DayOfWeek.Saturday
            ? national.AddDays(-1)
            : national.AddDays(1);
        var holidays = new List<ArrangementEntry>
        {
            Holiday(new DateOnly(year, 1, 1), "Tết Dương lịch", "New Year's Day"),
            Holiday(tet.AddDays(-1), "Tết Nguyên đán (ngày cuối năm âm lịch)", "Lunar New Year (last day of the lunar year)"),
            Holiday(tet, "Tết Nguyên đán (mùng 1)", "Lunar New Year (day 1)"),
            Holiday(tet.AddDays(1), "Tết Nguyên đán (mùng 2)", "Lunar New Year (day 2)"),
            Holiday(tet.AddDays(2), "Tết Nguyên đán (mùng 3)", "Lunar New Year (day 3)"),
            Holiday(tet.AddDays(3), "Tết Nguyên đán (mùng 4)", "Lunar New Year (day 4)"),
            Holiday(lunar.ToSolar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Hung Kings' Commemoration Day (10th day of the 3rd lunar month)"),
            Holiday(new DateOnly(year, 4, 30), "Ngày Chiến thắng", "Reunification Day"),
            Holiday(new DateOnly(year, 5, 1), "Ngày Quốc tế Lao động", "International Labour Day"),
            Holiday(national, "Quốc khánh", "National Day"),
            Holiday(adjacent, "Quốc khánh (ngày liền kề)", "National Day (adjacent day)"),
        };
        // Two holidays on one day (Giỗ Tổ on 30/4 in 1947) are one day off: the Labor Code compensates only weekly rest days.
        holidays = holidays
            .GroupBy(h => h.Date)
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { NameVi = string.Join("; ", g.Select(h => h.NameVi)), NameEn = string.Join("; ", g.Select(h => h.NameEn)) })
            .OrderBy(h => h.Date)
            .ToList();

        var taken = holidays.Select(h => h.Date).ToHashSet();
        var result = new List<ArrangementEntry>(holidays);
        foreach (var h in holidays.Where(h => IsWeekend(h.Date)))
        {
            var day = h.Date.AddDays(1);
            while (IsWeekend(day) || taken.Contains(day))
            {
                day = day.AddDays(1);
            }

            taken.Add(day);
            result.Add(new ArrangementEntry(day, DayKind.CompensatoryDayOff, $"{h.NameVi} (nghỉ bù)", $"{h.NameEn} (observed)", CompensationSource, CompensationLegalBasis));
        }

        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        return result;
    }

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static ArrangementEntry Holiday(DateOnly date, string vi, string en) => new(date, DayKind.Holiday, vi, en, Source, LegalBasis);
}
