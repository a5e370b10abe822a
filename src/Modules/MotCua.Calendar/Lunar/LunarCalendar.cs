namespace MotCua.Calendar.Lunar;

/// <summary>
/// The Vietnamese lunar calendar for 1900–2100, by Hồ Ngọc Đức's astronomical method: months begin on the
/// day (local time) of the new moon; the month containing the winter solstice is month 11; in a year with 13
/// months the leap month is the first month after month 11 that contains no major solar term (trung khí).
/// Vietnam computes at UTC+7 (<see cref="Vietnam"/>); China computes the same rules at UTC+8, which is why
/// the two calendars differ in some years (Tết 1985, 2007 …).
/// </summary>
/// <remarks>
/// All month starts from lunar month 11 of 1898 to lunar month 11 of 2102 are computed once, so a conversion
/// is a binary search.
/// </remarks>
public sealed class LunarCalendar
{
    public static readonly DateOnly MinSolar = new(1900, 1, 1);
    public static readonly DateOnly MaxSolar = new(2100, 12, 31);
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    private static readonly Lazy<LunarCalendar> VietnamCalendar = new(() => new LunarCalendar(7.0));

    /// <summary>The Vietnamese calendar (UTC+7).</summary>
    public static LunarCalendar Vietnam => VietnamCalendar.Value;

    private const int FirstCycleYear = 1899;
    private const int LastCycleYear = 2102;

    // One row per lunar month, ordered: the day number (DateOnly.DayNumber) it starts on, its year, number, leap flag.
    private readonly int[] starts;
    private readonly int[] years;
    private readonly byte[] months;
    private readonly bool[] leaps;

    private LunarCalendar(double timeZoneHours)
    {
        TimeZoneHours = timeZoneHours;
        var rows = new List<(int Start, int Year, int Month, bool Leap)>(13 * (LastCycleYear - FirstCycleYear + 1));
        for (var y = FirstCycleYear; y <= LastCycleYear; y++)
        {
            // The cycle from month 11 of year y-1 up to (not including) month 11 of year y.
            var a11 = Month11(y - 1, timeZoneHours);
            var b11 = Month11(y, timeZoneHours);
            var k = (int)Math.Floor(0.5 + ((a11 - 2415021.076998695) / 29.530588853));
            var count = (int)Math.Round((b11 - a11) / 29.530588853);
            var leapOffset = count == 13 ? LeapMonthOffset(a11, timeZoneHours) : int.MaxValue;
            for (var i = 0; i < count; i++)
            {
                var start = i == 0 ? a11 : NewMoonDay(k + i, timeZoneHours);
                var month = i >= leapOffset ? 10 + i : 11 + i;
                if (month > 12)
                {
                    month -= 12;
                }

                var year = month >= 11 && i < 4 ? y - 1 : y;
                rows.Add((start - JulianDayOffset, year, month, i == leapOffset));
            }
        }

        starts = rows.Select(r => r.Start).ToArray();
        years = rows.Select(r => r.Year).ToArray();
        months = rows.Select(r => (byte)r.Month).ToArray();
        leaps = rows.Select(r => r.Leap).ToArray();
    }

    /// <summary>A calendar computed by the same rules at another offset (China: 8.0), for comparison.</summary>
    public static LunarCalendar ForTimeZone(double hours) => hours == 7.0 ? Vietnam : new LunarCalendar(hours);

    public double TimeZoneHours { get; }

    public LunarDate FromSolar(DateOnly date)
    {
        if (date < MinSolar || date > MaxSolar)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "The lunar calendar covers 1900-01-01 to 2100-12-31.");
        }

        var i = MonthIndexOf(date.DayNumber);
        return new LunarDate(years[i], months[i], date.DayNumber - starts[i] + 1, leaps[i]);
    }

    /// <summary>The solar date of a lunar date, or null when that lunar date does not exist (no such leap
    /// month that year, day 30 of a 29-day month, a solar date outside 1900–2100).</summary>
    public DateOnly? ToSolar(LunarDate date)
    {
        if (date.Year is < MinYear - 1 or > MaxYear || date.Month is < 1 or > 12 || date.Day < 1)
        {
            return null;
        }

        var i = FindMonth(date.Year, date.Month, date.IsLeapMonth);
        if (i < 0 || date.Day > starts[i + 1] - starts[i])
        {
            return null;
        }

        var solar = DateOnly.FromDayNumber(starts[i] + date.Day - 1);
        return solar >= MinSolar && solar <= MaxSolar ? solar : null;
    }

    public DateOnly ToSolar(int year, int month, int day, bool leap = false)
        => ToSolar(new LunarDate(year, month, day, leap))
           ?? throw new ArgumentOutOfRangeException(nameof(day), $"The lunar date {new LunarDate(year, month, day, leap)} does not exist.");

    /// <summary>Mùng 1 Tết: the first day of lunar year <paramref name="year"/>.</summary>
    public DateOnly NewYear(int year) => ToSolar(year, 1, 1);

    /// <summary>The leap month of a lunar year (the month number it repeats), or null when the year has 12 months.</summary>
    public int? LeapMonth(int year)
    {
        for (var m = 1; m <= 12; m++)
        {
            if (FindMonth(year, m, leap: true) >= 0)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>29 or 30; 0 when the month does not exist.</summary>
    public int MonthLength(int year, int month, bool leap = false)
    {
        var i = FindMonth(year, month, leap);
        return i < 0 ? 0 : starts[i + 1] - starts[i];
    }

    private int MonthIndexOf(int dayNumber)
    {
        var i = Array.BinarySearch(starts, dayNumber);
        return i >= 0 ? i : ~i - 1;
    }

    private int FindMonth(int year, int month, bool leap)
    {
        if (year is < FirstCycleYear or > LastCycleYear - 1)
        {
            return -1;
        }

        // Month 1 of a lunar year starts between 20 January and 21 February; search around it.
        var approx = MonthIndexOf(new DateOnly(year, 2, 1).DayNumber);
        for (var i = Math.Max(0, approx - 3); i < Math.Min(starts.Length - 1, approx + 15); i++)
        {
            if (years[i] == year && months[i] == month && leaps[i] == leap)
            {
                return i;
            }
        }

        return -1;
    }

    // ---- Hồ Ngọc Đức's algorithm (https://www.informatik.uni-leipzig.de/~duc/amlich/calrules.html) ----
    // Julian day numbers; DateOnly.DayNumber 0 is 0001-01-01 = JDN 1721426.
    private const int JulianDayOffset = 1721426;

    private static int JulianDay(int year, int month, int day) => new DateOnly(year, month, day).DayNumber + JulianDayOffset;

    /// <summary>The Julian day (with fraction, UTC) of new moon number k after the one of 1900-01-01.</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin((166.56 + (132.87 * t) - (0.009173 * t2)) * dr);
        var m = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var mpr = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var f = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);
        var c1 = ((0.1734 - (0.000393 * t)) * Math.Sin(m * dr)) + (0.0021 * Math.Sin(2 * dr * m));
        c1 = c1 - (0.4068 * Math.Sin(mpr * dr)) + (0.0161 * Math.Sin(dr * 2 * mpr));
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + (0.0104 * Math.Sin(dr * 2 * f)) - (0.0051 * Math.Sin(dr * (m + mpr)));
        c1 = c1 - (0.0074 * Math.Sin(dr * (m - mpr))) + (0.0004 * Math.Sin(dr * ((2 * f) + m)));
        c1 = c1 - (0.0004 * Math.Sin(dr * ((2 * f) - m))) - (0.0006 * Math.Sin(dr * ((2 * f) + mpr)));
        c1 = c1 + (0.0010 * Math.Sin(dr * ((2 * f) - mpr))) + (0.0005 * Math.Sin(dr * ((2 * mpr) + m)));
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + c1 - deltaT;
    }

    /// <summary>The sun's apparent longitude in radians [0, 2π) at Julian day <paramref name="jdn"/>.</summary>
    private static double SunLongitude(double jdn)
    {
        var t = (jdn - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var l0 = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var dl = (1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(dr * m);
        dl = dl + ((0.019993 - (0.000101 * t)) * Math.Sin(dr * 2 * m)) + (0.000290 * Math.Sin(dr * 3 * m));
        var l = (l0 + dl) * dr;
        return l - (Math.PI * 2 * Math.Floor(l / (Math.PI * 2)));
    }

    /// <summary>Which of the 12 thirty-degree arcs (0–11) the sun is in at the start of local day <paramref name="dayNumber"/>.</summary>
    private static int SunArc(int dayNumber, double tz) => (int)Math.Floor(SunLongitude(dayNumber - 0.5 - (tz / 24.0)) / Math.PI * 6);

    private static int NewMoonDay(int k, double tz) => (int)Math.Floor(NewMoon(k) + 0.5 + (tz / 24.0));

    /// <summary>The Julian day month 11 (the month containing the winter solstice) of solar year <paramref name="year"/> starts.</summary>
    private static int Month11(int year, double tz)
    {
        var off = JulianDay(year, 12, 31) - 2415021;
        var k = (int)Math.Floor(off / 29.530588853);
        var nm = NewMoonDay(k, tz);
        return SunArc(nm, tz) >= 9 ? NewMoonDay(k - 1, tz) : nm;
    }

    /// <summary>How many months after month 11 (starting at <paramref name="a11"/>) the leap month comes.</summary>
    private static int LeapMonthOffset(int a11, double tz)
    {
        var k = (int)Math.Floor(((a11 - 2415021.076998695) / 29.530588853) + 0.5);
        var i = 1;
        var arc = SunArc(NewMoonDay(k + i, tz), tz);
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunArc(NewMoonDay(k + i, tz), tz);
        }
        while (arc != last && i < 14);
        return i - 1;
    }
}
