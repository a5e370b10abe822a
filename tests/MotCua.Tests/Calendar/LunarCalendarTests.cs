using MotCua.Calendar.Lunar;

namespace MotCua.Tests.Calendar;

public sealed class LunarCalendarTests
{
    private static readonly LunarCalendar Lunar = LunarCalendar.Vietnam;

    // Tết Nguyên đán (1/1 lunar) in Vietnam, 1970–2040. Where Vietnam differs from China (1985, 2007, 2030)
    // these are the Vietnamese dates.
    public static TheoryData<int, string> TetDates => new()
    {
        { 1970, "1970-02-06" }, { 1971, "1971-01-27" }, { 1972, "1972-02-15" }, { 1973, "1973-02-03" }, { 1974, "1974-01-23" },
        { 1975, "1975-02-11" }, { 1976, "1976-01-31" }, { 1977, "1977-02-18" }, { 1978, "1978-02-07" }, { 1979, "1979-01-28" },
        { 1980, "1980-02-16" }, { 1981, "1981-02-05" }, { 1982, "1982-01-25" }, { 1983, "1983-02-13" }, { 1984, "1984-02-02" },
        { 1985, "1985-01-21" }, { 1986, "1986-02-09" }, { 1987, "1987-01-29" }, { 1988, "1988-02-17" }, { 1989, "1989-02-06" },
        { 1990, "1990-01-27" }, { 1991, "1991-02-15" }, { 1992, "1992-02-04" }, { 1993, "1993-01-23" }, { 1994, "1994-02-10" },
        { 1995, "1995-01-31" }, { 1996, "1996-02-19" }, { 1997, "1997-02-07" }, { 1998, "1998-01-28" }, { 1999, "1999-02-16" },
        { 2000, "2000-02-05" }, { 2001, "2001-01-24" }, { 2002, "2002-02-12" }, { 2003, "2003-02-01" }, { 2004, "2004-01-22" },
        { 2005, "2005-02-09" }, { 2006, "2006-01-29" }, { 2007, "2007-02-17" }, { 2008, "2008-02-07" }, { 2009, "2009-01-26" },
        { 2010, "2010-02-14" }, { 2011, "2011-02-03" }, { 2012, "2012-01-23" }, { 2013, "2013-02-10" }, { 2014, "2014-01-31" },
        { 2015, "2015-02-19" }, { 2016, "2016-02-08" }, { 2017, "2017-01-28" }, { 2018, "2018-02-16" }, { 2019, "2019-02-05" },
        { 2020, "2020-01-25" }, { 2021, "2021-02-12" }, { 2022, "2022-02-01" }, { 2023, "2023-01-22" }, { 2024, "2024-02-10" },
        { 2025, "2025-01-29" }, { 2026, "2026-02-17" }, { 2027, "2027-02-06" }, { 2028, "2028-01-26" }, { 2029, "2029-02-13" },
        { 2030, "2030-02-02" }, { 2031, "2031-01-23" }, { 2032, "2032-02-11" }, { 2033, "2033-01-31" }, { 2034, "2034-02-19" },
        { 2035, "2035-02-08" }, { 2036, "2036-01-28" }, { 2037, "2037-02-15" }, { 2038, "2038-02-04" }, { 2039, "2039-01-24" },
        { 2040, "2040-02-12" },
    };

    // Giỗ Tổ Hùng Vương (10/3 lunar), 2000–2030; 2020–2026 as in the government's arrangements.
    public static TheoryData<int, string> HungKingsDates => new()
    {
        { 2000, "2000-04-14" }, { 2001, "2001-04-03" }, { 2002, "2002-04-22" }, { 2003, "2003-04-11" }, { 2004, "2004-04-28" },
        { 2005, "2005-04-18" }, { 2006, "2006-04-07" }, { 2007, "2007-04-26" }, { 2008, "2008-04-15" }, { 2009, "2009-04-04" },
        { 2010, "2010-04-23" }, { 2011, "2011-04-12" }, { 2012, "2012-03-31" }, { 2013, "2013-04-19" }, { 2014, "2014-04-09" },
        { 2015, "2015-04-28" }, { 2016, "2016-04-16" }, { 2017, "2017-04-06" }, { 2018, "2018-04-25" }, { 2019, "2019-04-14" },
        { 2020, "2020-04-02" }, { 2021, "2021-04-21" }, { 2022, "2022-04-10" }, { 2023, "2023-04-29" }, { 2024, "2024-04-18" },
        { 2025, "2025-04-07" }, { 2026, "2026-04-26" }, { 2027, "2027-04-16" }, { 2028, "2028-04-04" }, { 2029, "2029-04-23" },
        { 2030, "2030-04-12" },
    };

    // Leap months (tháng nhuận) of the Vietnamese calendar; the years between have none.
    public static TheoryData<int, int?> LeapMonths => new()
    {
        { 1984, null }, { 1985, 2 }, { 1987, 7 }, { 1990, 5 }, { 1993, 3 }, { 1995, 8 }, { 1998, 5 }, { 2001, 4 }, { 2004, 2 },
        { 2006, 7 }, { 2009, 5 }, { 2012, 4 }, { 2014, 9 }, { 2017, 6 }, { 2020, 4 }, { 2021, null }, { 2022, null },
        { 2023, 2 }, { 2024, null }, { 2025, 6 }, { 2026, null }, { 2028, 5 }, { 2031, 3 }, { 2033, 11 }, { 2036, 6 },
    };

    [Theory]
    [MemberData(nameof(TetDates))]
    public void Tet_falls_on_the_vietnamese_date(int year, string date)
    {
        Lunar.NewYear(year).ShouldBe(Local.Day(date));
        Lunar.FromSolar(Local.Day(date)).ShouldBe(new LunarDate(year, 1, 1));
        Lunar.FromSolar(Local.Day(date).AddDays(-1)).Month.ShouldBe(12);
    }

    [Theory]
    [MemberData(nameof(HungKingsDates))]
    public void Hung_Kings_day_is_the_tenth_of_the_third_lunar_month(int year, string date)
    {
        Lunar.ToSolar(year, 3, 10).ShouldBe(Local.Day(date));
        Lunar.FromSolar(Local.Day(date)).ShouldBe(new LunarDate(year, 3, 10));
    }

    [Theory]
    [MemberData(nameof(LeapMonths))]
    public void Leap_months_are_those_of_the_vietnamese_calendar(int year, int? leapMonth)
        => Lunar.LeapMonth(year).ShouldBe(leapMonth);

    [Fact]
    public void The_issue_example_10_August_2025_is_the_17th_of_leap_month_6()
        => Lunar.FromSolar(new DateOnly(2025, 8, 10)).ShouldBe(new LunarDate(2025, 6, 17, IsLeapMonth: true));

    [Fact]
    public void Leap_month_6_of_2025_follows_the_ordinary_month_6()
    {
        var ordinary = Lunar.ToSolar(2025, 6, 1);
        var leap = Lunar.ToSolar(2025, 6, 1, leap: true);
        ordinary.ShouldBe(new DateOnly(2025, 6, 25));
        leap.ShouldBe(new DateOnly(2025, 7, 25));
        Lunar.ToSolar(2025, 7, 1).ShouldBe(new DateOnly(2025, 8, 23));
        Lunar.ToSolar(new LunarDate(2024, 6, 1, IsLeapMonth: true)).ShouldBeNull();
    }

    [Theory]
    [InlineData(1985, "1985-01-21", "1985-02-20")]
    [InlineData(2007, "2007-02-17", "2007-02-18")]
    [InlineData(1968, "1968-01-29", "1968-01-30")]
    [InlineData(2030, "2030-02-02", "2030-02-03")]
    public void Vietnam_at_UTC_plus_7_and_China_at_UTC_plus_8_keep_Tet_on_different_days_in_some_years(int year, string vietnam, string china)
    {
        Lunar.NewYear(year).ShouldBe(Local.Day(vietnam));
        LunarCalendar.ForTimeZone(8).NewYear(year).ShouldBe(Local.Day(china));
    }

    [Theory]
    // The last month of the lunar year, read off the arrangements: 2020 and 2024 had a "29 Tết" before
    // giao thừa (30 days), 2022 and 2025 did not (29 days: no "30 Tết").
    [InlineData(2019, 12, 30)]
    [InlineData(2020, 12, 30)]
    [InlineData(2021, 12, 29)]
    [InlineData(2022, 12, 30)]
    [InlineData(2023, 12, 30)]
    [InlineData(2024, 12, 29)]
    [InlineData(2025, 6, 30)]
    public void Month_lengths_match_the_new_moons(int year, int month, int days)
        => Lunar.MonthLength(year, month).ShouldBe(days);

    [Fact]
    public void The_leap_month_of_2025_has_29_days_and_the_calendar_has_no_30th_in_it()
    {
        Lunar.MonthLength(2025, 6, leap: true).ShouldBe(29);
        Lunar.ToSolar(new LunarDate(2025, 6, 30, IsLeapMonth: true)).ShouldBeNull();
    }

    [Fact]
    public void Every_day_from_1900_to_2100_converts_to_lunar_and_back()
    {
        var previous = Lunar.FromSolar(LunarCalendar.MinSolar);
        for (var day = LunarCalendar.MinSolar.AddDays(1); day <= LunarCalendar.MaxSolar; day = day.AddDays(1))
        {
            var lunar = Lunar.FromSolar(day);
            lunar.Day.ShouldBeInRange(1, 30);
            Lunar.ToSolar(lunar).ShouldBe(day);
            if (lunar.Day == 1)
            {
                previous.Day.ShouldBeInRange(29, 30, $"the month before {day} must have 29 or 30 days");
            }
            else
            {
                lunar.Day.ShouldBe(previous.Day + 1);
            }

            previous = lunar;
        }
    }

    [Fact]
    public void Every_lunar_year_has_12_or_13_months_and_Tet_between_21_January_and_20_February()
    {
        for (var year = 1901; year <= 2100; year++)
        {
            var tet = Lunar.NewYear(year);
            tet.ShouldBeInRange(new DateOnly(year, 1, 21), new DateOnly(year, 2, 20));
            if (year < 2100)
            {
                var length = Lunar.NewYear(year + 1).DayNumber - tet.DayNumber;
                if (Lunar.LeapMonth(year) is null)
                {
                    length.ShouldBeInRange(353, 355, $"lunar year {year}");
                }
                else
                {
                    length.ShouldBeInRange(383, 385, $"lunar year {year}");
                }
            }
        }
    }

    [Fact]
    public void In_1984_month_11_ends_on_the_solstice_day_so_1985_has_its_leap_month_early_and_Tet_a_month_before_China()
    {
        // At UTC+7 the solstice falls on 21/12/1984 and the next new moon on 22/12/1984: month 12 starts on the 22nd.
        Lunar.FromSolar(new DateOnly(1984, 12, 21)).Month.ShouldBe(11);
        Lunar.FromSolar(new DateOnly(1984, 12, 22)).ShouldBe(new LunarDate(1984, 12, 1));
    }

    [Fact]
    public void The_winter_solstice_is_always_in_month_11()
    {
        for (var year = 1900; year <= 2100; year++)
        {
            // The December solstice falls on 21 or 22 December (UTC+7) over these two centuries.
            new[] { 21, 22 }.ShouldContain(d => Lunar.FromSolar(new DateOnly(year, 12, d)).Month == 11, $"December {year}");
        }
    }

    [Theory]
    [InlineData(1899, 1, 1, false)]
    [InlineData(2101, 1, 1, false)]
    [InlineData(2024, 12, 30, false)]
    [InlineData(2024, 13, 1, false)]
    [InlineData(2023, 3, 1, true)]
    public void A_lunar_date_that_does_not_exist_has_no_solar_date(int year, int month, int day, bool leap)
        => Lunar.ToSolar(new LunarDate(year, month, day, leap)).ShouldBeNull();

    [Fact]
    public void Dates_outside_1900_to_2100_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Lunar.FromSolar(new DateOnly(1899, 12, 31)));
        Should.Throw<ArgumentOutOfRangeException>(() => Lunar.FromSolar(new DateOnly(2101, 1, 1)));
    }
}
