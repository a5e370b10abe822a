using System.Globalization;
using System.Text;
using MotCua.Calendar.Holidays;
using MotCua.Calendar.Working;

namespace MotCua.Tests.Calendar;

public sealed class HolidayArrangementsTests
{
    private static readonly WorkingCalendar Bundled = WorkingCalendar.Default;

    /// <summary>The seed file read naively (date → is_working_day), independent of the module's reader.</summary>
    private static Dictionary<DateOnly, bool> SeedRows()
        => File.ReadAllLines(Local.SeedCsv(), Encoding.UTF8).Skip(1).Where(l => l.Length > 0)
            .ToDictionary(
                l => DateOnly.ParseExact(l[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                l => l.Contains(",make_up_working_day,true,", StringComparison.Ordinal));

    private static List<DateOnly> WeekdaysOff(WorkingCalendar calendar, int year)
    {
        var result = new List<DateOnly>();
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.IsWorkingDay(d))
            {
                result.Add(d);
            }
        }

        return result;
    }

    [Fact]
    public void The_bundled_file_is_read_whole_with_every_kind()
    {
        var entries = HolidayArrangements.ReadBundled();
        entries.Count.ShouldBe(SeedRows().Count);
        entries.Count(e => e.Kind == DayKind.Holiday).ShouldBe(85);
        entries.Count(e => e.Kind == DayKind.CompensatoryDayOff).ShouldBe(10);
        entries.Count(e => e.Kind == DayKind.SwappedDayOff).ShouldBe(4);
        entries.Count(e => e.Kind == DayKind.MakeUpWorkingDay).ShouldBe(4);
        HolidayArrangements.Bundled.EnteredYears.Order().ShouldBe([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    }

    [Theory]
    [InlineData(2020)]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Every_day_of_a_seeded_year_is_working_or_not_exactly_as_the_file_says(int year)
    {
        var rows = SeedRows();
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            var expected = rows.TryGetValue(d, out var working) ? working : d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            Bundled.IsWorkingDay(d).ShouldBe(expected, d.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void The_weekdays_off_of_2025_are_the_entered_ones()
        => WeekdaysOff(Bundled, 2025).Select(d => d.ToString("MM-dd", CultureInfo.InvariantCulture)).ShouldBe(
            ["01-01", "01-27", "01-28", "01-29", "01-30", "01-31", "04-07", "04-30", "05-01", "05-02", "09-01", "09-02"]);

    [Theory]
    [InlineData("2024-05-04")]
    [InlineData("2025-04-26")]
    [InlineData("2026-08-22")]
    [InlineData("2026-01-10")]
    public void A_make_up_Saturday_is_a_working_day(string day)
    {
        var status = Bundled.Describe(Local.Day(day));
        status.IsWorkingDay.ShouldBeTrue();
        status.Entry!.Kind.ShouldBe(DayKind.MakeUpWorkingDay);
        status.ReasonVi.ShouldStartWith("ngày làm bù theo ");
    }

    [Fact]
    public void A_seeded_year_is_complete_as_entered_so_the_rules_add_nothing_to_it()
    {
        // The rules would not give 2 January 2026 off, nor compensate Tết 2020's weekend days; the entered data does
        // give 2 January 2026 off, and nothing else is added.
        LaborCodeHolidays.Generate(2026).ShouldNotContain(e => e.Date == new DateOnly(2026, 1, 2));
        Bundled.IsWorkingDay(new DateOnly(2026, 1, 2)).ShouldBeFalse();
        Bundled.Describe(new DateOnly(2026, 1, 2)).ReasonVi.ShouldContain("ngày nghỉ hoán đổi theo Thông báo của Bộ Nội vụ ngày 25/12/2025");
        Bundled.IsWorkingDay(new DateOnly(2020, 1, 30)).ShouldBeTrue();
        Bundled.IsWorkingDay(new DateOnly(2020, 9, 3)).ShouldBeTrue();
    }

    [Fact]
    public void The_rules_reproduce_2022_whose_arrangement_had_no_swap()
    {
        var rulesOnly = new WorkingCalendar(HolidayArrangements.RulesOnly);
        WeekdaysOff(rulesOnly, 2022).ShouldBe(WeekdaysOff(Bundled, 2022));
    }

    [Fact]
    public void A_year_without_data_is_generated_from_the_Labor_Code_2027()
    {
        // Tết 2027 is Saturday 6 February: eve Fri 5/2, Tết Sat–Tue, the weekend days compensated Wed 10 and Thu 11;
        // Giỗ Tổ Fri 16/4; 1/5 a Saturday compensated Mon 3/5; 2/9 a Thursday with the day after.
        Bundled.Arrangements.HasEnteredData(2027).ShouldBeFalse();
        WeekdaysOff(Bundled, 2027).Select(d => d.ToString("MM-dd", CultureInfo.InvariantCulture)).ShouldBe(
            ["01-01", "02-05", "02-08", "02-09", "02-10", "02-11", "04-16", "04-30", "05-03", "09-02", "09-03"]);
        var compensation = Bundled.Describe(new DateOnly(2027, 2, 10));
        compensation.Entry!.Kind.ShouldBe(DayKind.CompensatoryDayOff);
        compensation.ReasonVi.ShouldStartWith("nghỉ bù");
    }

    [Theory]
    [InlineData(2027, "09-02", "09-03")]               // Thursday → the day after
    [InlineData(2028, "09-01", "09-04")]               // Saturday → the day before, and Saturday compensated on Monday
    [InlineData(2029, "09-03", "09-04")]               // Sunday → the day after (Mon), and Sunday compensated on Tuesday
    [InlineData(2030, "09-02", "09-03")]               // Monday → the day after
    [InlineData(2031, "09-01", "09-02")]               // Tuesday → the day before
    [InlineData(2032, "09-02", "09-03")]               // Thursday
    [InlineData(2033, "09-01", "09-02")]               // Friday → the day before
    [InlineData(2037, "09-01", "09-02")]               // Wednesday → the day before
    public void National_Day_takes_an_adjacent_day_by_its_weekday(int year, string first, string second)
        => WeekdaysOff(Bundled, year).Where(d => d.Month is 8 or 9).Select(d => d.ToString("MM-dd", CultureInfo.InvariantCulture))
            .ShouldBe([first, second]);

    [Fact]
    public void Generated_years_always_have_the_eleven_statutory_days()
    {
        for (var year = 1900; year <= 2100; year++)
        {
            var days = LaborCodeHolidays.Generate(year);
            days.Count(d => d.Kind == DayKind.Holiday).ShouldBe(year == 1947 ? 10 : 11, $"{year}: Giỗ Tổ fell on 30/4 in 1947");
            days.Where(d => d.Kind == DayKind.CompensatoryDayOff).ShouldAllBe(d => d.Date.DayOfWeek != DayOfWeek.Saturday && d.Date.DayOfWeek != DayOfWeek.Sunday);
            days.Count(d => d.Kind == DayKind.CompensatoryDayOff).ShouldBe(days.Count(d => d.Kind == DayKind.Holiday && LaborCodeHolidays.IsWeekend(d.Date)));
            days.Select(d => d.Date).Distinct().Count().ShouldBe(days.Count);
        }
    }

    [Fact]
    public void Arrangements_can_come_from_a_list_of_entries()
    {
        var entries = new[]
        {
            new ArrangementEntry(new DateOnly(2027, 1, 1), DayKind.Holiday, "Tết Dương lịch", "New Year's Day", "BLLĐ 2019"),
            new ArrangementEntry(new DateOnly(2027, 1, 4), DayKind.SwappedDayOff, "Nghỉ hoán đổi", "Swapped day off", "Thông báo 1/TB-BNV"),
            new ArrangementEntry(new DateOnly(2027, 1, 9), DayKind.MakeUpWorkingDay, "Làm bù", "Make-up day", "Thông báo 1/TB-BNV"),
        };
        var calendar = new WorkingCalendar(new HolidayArrangements(entries));

        calendar.IsWorkingDay(new DateOnly(2027, 1, 4)).ShouldBeFalse();
        calendar.IsWorkingDay(new DateOnly(2027, 1, 9)).ShouldBeTrue();
        calendar.IsWorkingDay(new DateOnly(2027, 2, 8)).ShouldBeTrue("2027 is entered, so the rules do not add Tết");
        calendar.IsWorkingDay(new DateOnly(2028, 1, 26)).ShouldBeFalse("2028 has no data: Tết comes from the rules");
    }

    [Fact]
    public void An_administrator_change_makes_a_new_arrangement_and_leaves_the_old_one_alone()
    {
        var before = HolidayArrangements.Bundled;
        var makeUp = new ArrangementEntry(new DateOnly(2027, 2, 20), DayKind.MakeUpWorkingDay, "Làm bù cho ngày 12/02/2027", "Make-up day for 2027-02-12", "Thông báo 123/TB-VPCP");
        var after = before
            .With(makeUp)
            .With(new ArrangementEntry(new DateOnly(2027, 2, 12), DayKind.SwappedDayOff, "Nghỉ hoán đổi", "Swapped day off", "Thông báo 123/TB-VPCP"));

        var calendar = new WorkingCalendar(after);
        calendar.IsWorkingDay(new DateOnly(2027, 2, 20)).ShouldBeTrue();
        calendar.IsWorkingDay(new DateOnly(2027, 2, 12)).ShouldBeFalse();
        calendar.IsWorkingDay(new DateOnly(2027, 2, 8)).ShouldBeFalse("the generated Tết stays when a year gets its first entry");
        after.HasEnteredData(2027).ShouldBeTrue();
        before.HasEnteredData(2027).ShouldBeFalse();
        WorkingCalendar.Default.IsWorkingDay(new DateOnly(2027, 2, 12)).ShouldBeTrue("calendars built before the change do not move");

        new WorkingCalendar(after.Without(new DateOnly(2027, 2, 12))).IsWorkingDay(new DateOnly(2027, 2, 12)).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => before.With(makeUp with { Source = " " }));
    }

    [Fact]
    public void A_bad_row_is_reported_with_its_line()
    {
        const string csv = "date,weekday,name_vi,name_en,kind,is_working_day,source,verified,legal_basis_vi\n2027-01-01,Fri,A,B,festival,false,x,y,z\n";
        Should.Throw<FormatException>(() => HolidayArrangements.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv))))
            .Message.ShouldContain("Line 2");
    }

    [Fact]
    public void A_day_entered_twice_is_refused()
        => Should.Throw<ArgumentException>(() => new HolidayArrangements(
        [
            new ArrangementEntry(new DateOnly(2027, 1, 1), DayKind.Holiday, "A", "A", "x"),
            new ArrangementEntry(new DateOnly(2027, 1, 1), DayKind.SwappedDayOff, "B", "B", "y"),
        ]));
}
