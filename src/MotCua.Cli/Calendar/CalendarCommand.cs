using System.CommandLine;
using System.CommandLine.Invocation;

namespace MotCua.Cli.Calendar;

/// <summary>
/// `motcua calendar lunar | solar | working-day | due`: no database; the bundled arrangements and the default
/// working periods; local times (Asia/Ho_Chi_Minh). The logic is <see cref="CalendarCli"/>; this only reads the
/// command line. Values are read as text so that every bad value gets exit code 2 and one line naming it,
/// and parse errors of these commands (a missing value, an unknown token) are answered the same way.
/// </summary>
public static class CalendarCommand
{
    public static Command Create() => Create(Console.Out, Console.Error);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var cli = new CalendarCli();
        var calendar = new Command("calendar", "Lunar dates, working days and due instants (no database needed).");
        calendar.Subcommands.Add(Lunar(cli, output, error));
        calendar.Subcommands.Add(Solar(cli, output, error));
        calendar.Subcommands.Add(WorkingDay(cli, output, error));
        calendar.Subcommands.Add(Due(cli, output, error));
        return calendar;
    }

    private static Command Lunar(CalendarCli cli, TextWriter output, TextWriter error)
    {
        var date = new Argument<string>("date") { Description = "A solar date YYYY-MM-DD (1900–2100).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("lunar", "The lunar date of a solar date, as one line of JSON.") { date };
        Answer(command, output, error, parse => cli.Lunar(parse.GetValue(date)));
        return command;
    }

    private static Command Solar(CalendarCli cli, TextWriter output, TextWriter error)
    {
        var year = new Option<string>("--lunar-year") { Description = "Lunar year (1900–2100)." };
        var month = new Option<string>("--lunar-month") { Description = "Lunar month (1–12)." };
        var day = new Option<string>("--lunar-day") { Description = "Lunar day (1–30)." };
        var leap = new Option<bool>("--leap") { Description = "The month is the leap month (tháng nhuận)." };
        var command = new Command("solar", "The solar date (YYYY-MM-DD) of a lunar date.") { year, month, day, leap };
        Answer(command, output, error, parse => cli.Solar(parse.GetValue(year), parse.GetValue(month), parse.GetValue(day), parse.GetValue(leap)));
        return command;
    }

    private static Command WorkingDay(CalendarCli cli, TextWriter output, TextWriter error)
    {
        var date = new Argument<string>("date") { Description = "A date YYYY-MM-DD (1900–2100).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("working-day", "true if the date is a working day, else false.") { date };
        Answer(command, output, error, parse => cli.WorkingDay(parse.GetValue(date)));
        return command;
    }

    private static Command Due(CalendarCli cli, TextWriter output, TextWriter error)
    {
        var received = new Option<string>("--received") { Description = "Reception instant, local time YYYY-MM-DDTHH:mm." };
        var workingDays = new Option<string>("--working-days") { Description = "N working days (N × 8 working hours); fractions allowed, e.g. 0.5." };
        var hours = new Option<string>("--hours") { Description = "N working hours; fractions allowed." };
        var sameDay = new Option<bool>("--same-day") { Description = "Trong ngày: due at the end of the working day of reception (the next working day after the cut-off, after hours or on a day off)." };
        var cutOff = new Option<string>("--cut-off") { Description = "Reception cut-off HH:MM (e.g. 15:00): a reception after it counts from the next working day." };
        var calendarDays = new Option<string>("--calendar-days") { Description = "N calendar days (Civil Code 2015, Art. 148)." };
        var pauses = new Option<string[]>("--pause")
        {
            Description = "A pause START/END (YYYY-MM-DDTHH:mm/YYYY-MM-DDTHH:mm); may be repeated.",
            AllowMultipleArgumentsPerToken = false,
            Arity = ArgumentArity.OneOrMore,
        };
        var explain = new Option<bool>("--explain") { Description = "Print the explanation (Vietnamese, then English) instead of the instant." };
        var command = new Command("due", "The due instant YYYY-MM-DDTHH:mm of a time budget from a reception.")
        {
            received, workingDays, hours, calendarDays, sameDay, cutOff, pauses, explain,
        };
        Answer(command, output, error, parse => cli.Due(
            parse.GetValue(received), parse.GetValue(workingDays), parse.GetValue(hours), parse.GetValue(calendarDays),
            parse.GetValue(pauses) ?? [], parse.GetValue(explain), parse.GetValue(sameDay), parse.GetValue(cutOff)));
        return command;
    }

    private static void Answer(Command command, TextWriter output, TextWriter error, Func<ParseResult, CliAnswer> run)
        => command.Action = new CalendarAction(command.Name, output, error, run);

    /// <summary>Runs even when the command line has parse errors, to answer them with exit code 2 and one line.</summary>
    private sealed class CalendarAction(string name, TextWriter output, TextWriter error, Func<ParseResult, CliAnswer> run) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            if (parseResult.Errors.Count > 0)
            {
                error.WriteLine($"motcua calendar {name}: {parseResult.Errors[0].Message.ReplaceLineEndings(" ")}");
                return 2;
            }

            if (parseResult.UnmatchedTokens.Count > 0)
            {
                error.WriteLine($"motcua calendar {name}: {parseResult.UnmatchedTokens[0]}: unknown argument.");
                return 2;
            }

            var answer = run(parseResult);
            (answer.ExitCode == 0 ? output : error).WriteLine(answer.ExitCode == 0 ? answer.Output : $"motcua calendar {name}: {answer.Output}");
            return answer.ExitCode;
        }
    }
}
