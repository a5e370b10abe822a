using MotCua.Cli.Calendar;

namespace MotCua.Tests.Calendar;

/// <summary>`motcua calendar …` as scripts see it: exit code and output (the console only passes the raw strings).</summary>
public sealed class CalendarCliTests
{
    private static readonly CalendarCli Cli = new();

    private static CliAnswer Due(string received, string? days = null, string? hours = null, string? calendarDays = null, bool explain = false, params string[] pauses)
        => Cli.Due(received, days, hours, calendarDays, pauses, explain);

    private static void ShouldBeBad(CliAnswer answer, string argument)
    {
        answer.ExitCode.ShouldBe(2);
        answer.Output.ShouldStartWith(argument + ":");
        answer.Output.ShouldNotContain("\n");
        answer.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public void Lunar_prints_one_line_of_json()
    {
        var answer = Cli.Lunar("2025-08-10");
        answer.ExitCode.ShouldBe(0);
        answer.Output.ShouldBe("""{"solar":"2025-08-10","lunarDay":17,"lunarMonth":6,"lunarYear":2025,"leap":true}""");
        Cli.Lunar("2024-02-10").Output.ShouldBe("""{"solar":"2024-02-10","lunarDay":1,"lunarMonth":1,"lunarYear":2024,"leap":false}""");
    }

    [Fact]
    public void Solar_prints_the_date_of_a_lunar_date()
    {
        Cli.Solar("2026", "1", "1", leap: false).ShouldBe(new CliAnswer(0, "2026-02-17"));
        Cli.Solar("2025", "6", "17", leap: true).ShouldBe(new CliAnswer(0, "2025-08-10"));
        Cli.Solar("2025", "3", "10", leap: false).ShouldBe(new CliAnswer(0, "2025-04-07"));
    }

    [Fact]
    public void Working_day_prints_true_or_false()
    {
        Cli.WorkingDay("2025-01-29").ShouldBe(new CliAnswer(0, "false"));
        Cli.WorkingDay("2025-04-26").ShouldBe(new CliAnswer(0, "true"));
        Cli.WorkingDay("2025-03-11").ShouldBe(new CliAnswer(0, "true"));
        Cli.WorkingDay("2025-03-15").ShouldBe(new CliAnswer(0, "false"));
    }

    [Fact]
    public void Due_prints_the_local_due_instant()
    {
        Due("2025-03-11T09:30", days: "1").ShouldBe(new CliAnswer(0, "2025-03-12T09:30"));
        Due("2025-03-15T10:00", days: "1").ShouldBe(new CliAnswer(0, "2025-03-17T17:00"));
        Due("2025-03-11T16:30", days: "2").ShouldBe(new CliAnswer(0, "2025-03-13T16:30"));
        Due("2025-03-11T08:00", hours: "4").ShouldBe(new CliAnswer(0, "2025-03-11T12:00"));
        Due("2025-03-10T10:00", calendarDays: "5").ShouldBe(new CliAnswer(0, "2025-03-17T17:00"));
    }

    [Fact]
    public void Due_takes_repeated_pauses()
        => Due("2025-01-20T09:00", days: "5", pauses: ["2025-01-21T09:00/2025-01-21T10:00", "2025-01-23T09:00/2025-02-04T09:00"])
            .ShouldBe(new CliAnswer(0, "2025-02-06T10:00"));

    [Fact]
    public void Due_explains_in_Vietnamese_then_English()
    {
        var answer = Due("2025-01-24T10:00", days: "1", explain: true);
        answer.ExitCode.ShouldBe(0);
        answer.Output.ShouldContain("Hạn trả kết quả: 10:00 Thứ Hai 03/02/2025.");
        answer.Output.ShouldContain("Due: 10:00 Mon 03/02/2025.");
        answer.Output.ShouldContain("Tết Nguyên Đán");
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("10/02/2025")]
    [InlineData("")]
    [InlineData("1899-12-31")]
    [InlineData("2101-01-01")]
    public void A_bad_date_is_named(string date)
    {
        ShouldBeBad(Cli.Lunar(date), "date");
        ShouldBeBad(Cli.WorkingDay(date), "date");
    }

    [Theory]
    [InlineData("1899", "1", "1", false, "--lunar-year")]
    [InlineData("2101", "1", "1", false, "--lunar-year")]
    [InlineData("x", "1", "1", false, "--lunar-year")]
    [InlineData("2025", "13", "1", false, "--lunar-month")]
    [InlineData("2025", "0", "1", false, "--lunar-month")]
    [InlineData("2025", "1", "31", false, "--lunar-day")]
    [InlineData("2024", "12", "30", false, "--lunar-day")]   // month 12 of 2024 has 29 days
    [InlineData("2024", "6", "1", true, "--leap")]           // 2024 has no leap month
    [InlineData("2025", "5", "1", true, "--leap")]           // 2025's leap month is 6
    [InlineData("2025", "6", "30", true, "--lunar-day")]     // the leap 6th month of 2025 has 29 days
    public void A_lunar_date_that_does_not_exist_is_named(string year, string month, string day, bool leap, string argument)
        => ShouldBeBad(Cli.Solar(year, month, day, leap), argument);

    [Theory]
    [InlineData("2025-03-11 09:30", "1", "--received")]
    [InlineData("2025-13-11T09:30", "1", "--received")]
    [InlineData("1899-03-11T09:30", "1", "--received")]
    [InlineData("2025-03-11T09:30", "0", "--working-days")]
    [InlineData("2025-03-11T09:30", "-3", "--working-days")]
    [InlineData("2025-03-11T09:30", "two", "--working-days")]
    [InlineData("2100-12-20T09:30", "60", "--working-days")]
    public void Bad_due_arguments_are_named(string received, string days, string argument)
        => ShouldBeBad(Due(received, days: days), argument);

    [Fact]
    public void A_budget_is_required_and_only_one()
    {
        ShouldBeBad(Due("2025-03-11T09:30"), "--working-days");
        ShouldBeBad(Due("2025-03-11T09:30", days: "1", hours: "2"), "--hours");
        ShouldBeBad(Due("2025-03-11T09:30", hours: "0"), "--hours");
        ShouldBeBad(Due("2025-03-11T09:30", calendarDays: "-1"), "--calendar-days");
    }

    [Theory]
    [InlineData("2025-03-12T10:00/2025-03-12T10:00")]   // the end is not after the start
    [InlineData("2025-03-12T10:00/2025-03-12T09:00")]
    [InlineData("2025-03-10T10:00/2025-03-12T09:00")]   // starts before the reception
    [InlineData("2025-03-20T10:00/2025-03-21T09:00")]   // starts after the due instant (Fri 14/3 09:30)
    [InlineData("2025-03-12T10:00")]                    // not START/END
    [InlineData("2025-03-12T10:00/tomorrow")]
    public void A_bad_pause_is_named(string pause)
        => ShouldBeBad(Due("2025-03-11T09:30", days: "3", pauses: [pause]), "--pause");

    [Fact]
    public void A_pause_may_start_only_before_the_due_instant_counting_the_earlier_pauses()
    {
        // 1 day from Tue 09:30 → Wed 09:30; the first pause (Wed 08:00 – Thu 08:00) moves it to Thu 09:30, so a
        // second pause at Thu 09:00 is accepted, one at Thu 10:00 is not.
        Due("2025-03-11T09:30", days: "1", pauses: ["2025-03-12T08:00/2025-03-13T08:00", "2025-03-13T09:00/2025-03-13T09:15"])
            .ShouldBe(new CliAnswer(0, "2025-03-13T09:45"));
        ShouldBeBad(Due("2025-03-11T09:30", days: "1", pauses: ["2025-03-12T08:00/2025-03-13T08:00", "2025-03-13T10:00/2025-03-13T11:00"]), "--pause");
        ShouldBeBad(Due("2025-03-11T09:30", days: "1", pauses: ["2025-03-12T08:00/2025-03-13T08:00", "2025-03-12T09:00/2025-03-12T10:00"]), "--pause");
    }
}
