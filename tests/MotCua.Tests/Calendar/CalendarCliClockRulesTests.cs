using System.CommandLine;
using MotCua.Cli.Calendar;

namespace MotCua.Tests.Calendar;

/// <summary>`motcua calendar due` with fractional working days, `--same-day` and `--cut-off HH:MM` (docs/calendar.md §3–4).</summary>
public sealed class CalendarCliClockRulesTests
{
    private static readonly CalendarCli Cli = new();

    /// <summary>The command line as typed, through the real parser: exit code and the one line written.</summary>
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { CalendarCommand.Create(output, error) };
        var exit = root.Parse(["calendar", "due", .. args]).Invoke();
        return (exit, output.ToString().Trim(), error.ToString().Trim());
    }

    [Theory]
    [InlineData("0.5", "2025-03-11T13:30")] // 4 working hours: 08:30–12:00, 13:00–13:30
    [InlineData("0,5", "2025-03-11T13:30")]
    [InlineData("1.5", "2025-03-12T13:30")]
    public void Fractional_working_days_are_accepted_as_the_docs_say(string days, string due)
        => Cli.Due("2025-03-11T08:30", days, null, null, [], false).ShouldBe(new CliAnswer(0, due));

    [Fact]
    public void Fractional_working_hours_are_accepted_and_calendar_days_stay_whole()
    {
        Cli.Due("2025-03-11T08:00", null, "1.5", null, [], false).ShouldBe(new CliAnswer(0, "2025-03-11T09:30"));
        var bad = Cli.Due("2025-03-11T08:00", null, null, "1.5", [], false);
        bad.ExitCode.ShouldBe(2);
        bad.Output.ShouldStartWith("--calendar-days:");
    }

    [Theory]
    [InlineData("2025-03-11T09:00", "2025-03-11T17:00")]
    [InlineData("2025-03-11T15:30", "2025-03-12T17:00")]
    [InlineData("2025-03-14T16:00", "2025-03-17T17:00")]
    public void Same_day_with_a_cut_off(string received, string due)
        => Cli.Due(received, null, null, null, [], false, sameDay: true, cutOff: "15:00").ShouldBe(new CliAnswer(0, due));

    [Fact]
    public void A_cut_off_applies_to_working_days_too()
    {
        Cli.Due("2025-03-11T15:30", "1", null, null, [], false, cutOff: "15:00").ShouldBe(new CliAnswer(0, "2025-03-12T17:00"));
        Cli.Due("2025-03-11T15:30", "1", null, null, [], false).ShouldBe(new CliAnswer(0, "2025-03-12T15:30"));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("15h")]
    [InlineData("")]
    public void A_bad_cut_off_is_named(string cutOff)
    {
        var answer = Cli.Due("2025-03-11T09:00", null, null, null, [], false, sameDay: true, cutOff: cutOff);
        answer.ExitCode.ShouldBe(2);
        answer.Output.ShouldStartWith("--cut-off:");
    }

    [Fact]
    public void Same_day_is_one_of_the_budgets()
    {
        var both = Cli.Due("2025-03-11T09:00", "1", null, null, [], false, sameDay: true);
        both.ExitCode.ShouldBe(2);
        both.Output.ShouldStartWith("--same-day:");
    }

    [Fact]
    public void The_command_line_takes_the_new_options()
    {
        Run("--received", "2025-03-11T09:00", "--working-days", "0.5").ShouldBe((0, "2025-03-11T14:00", ""));
        Run("--received", "2025-03-11T15:30", "--same-day", "--cut-off", "15:00").ShouldBe((0, "2025-03-12T17:00", ""));
        var explained = Run("--received", "2025-03-11T15:30", "--same-day", "--cut-off", "15:00", "--explain");
        explained.Exit.ShouldBe(0);
        explained.Out.ShouldContain("Thời hạn: trong ngày làm việc");
        explained.Out.ShouldContain("Hạn trả kết quả: 17:00 Thứ Tư 12/03/2025.");
        var bad = Run("--received", "2025-03-11T09:00", "--same-day", "--cut-off", "3pm");
        bad.Exit.ShouldBe(2);
        bad.Err.ShouldBe("motcua calendar due: --cut-off: '3pm' is not a local time HH:MM (00:00–23:59).");
    }
}
