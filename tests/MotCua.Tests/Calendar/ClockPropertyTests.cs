using MotCua.Calendar.Clock;
using MotCua.Calendar.Working;

namespace MotCua.Tests.Calendar;

/// <summary>Properties over many receptions (a fixed seed, so a failure can be replayed), 2019–2030 including Tết.</summary>
public sealed class ClockPropertyTests
{
    private static readonly DeadlineClock Clock = new(WorkingCalendar.Default, TimeProvider.System);
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;

    private static IEnumerable<DateTimeOffset> Receptions(int seed, int count)
    {
        var random = new Random(seed);
        var first = new DateTimeOffset(2019, 1, 1, 0, 0, 0, Local.Offset);
        for (var i = 0; i < count; i++)
        {
            // Any minute of the day, weekends and holidays included; a few around each Tết.
            var day = i % 5 == 0
                ? new DateTimeOffset(2019 + random.Next(12), 1, 15, 0, 0, 0, Local.Offset).AddDays(random.Next(40))
                : first.AddDays(random.Next(365 * 12));
            yield return day.AddMinutes(random.Next(24 * 60));
        }
    }

    [Fact]
    public void Adding_A_then_B_working_days_equals_adding_A_plus_B()
    {
        var random = new Random(7);
        foreach (var received in Receptions(1, 3000))
        {
            var a = random.Next(1, 40);
            var b = random.Next(1, 40);
            var stepwise = Clock.DueAt(Clock.DueAt(received, ClockBudget.WorkingDays(a)), ClockBudget.WorkingDays(b));
            stepwise.ShouldBe(Clock.DueAt(received, ClockBudget.WorkingDays(a + b)), $"{received:O} + {a} + {b}");
        }
    }

    [Fact]
    public void Adding_A_then_B_working_hours_equals_adding_A_plus_B()
    {
        var random = new Random(8);
        foreach (var received in Receptions(2, 3000))
        {
            var a = random.Next(1, 30);
            var b = random.Next(1, 30);
            Clock.DueAt(Clock.DueAt(received, ClockBudget.WorkingHours(a)), ClockBudget.WorkingHours(b))
                .ShouldBe(Clock.DueAt(received, ClockBudget.WorkingHours(a + b)), $"{received:O} + {a} h + {b} h");
        }
    }

    [Fact]
    public void A_pause_never_makes_a_due_instant_earlier()
    {
        var random = new Random(9);
        foreach (var received in Receptions(3, 2000))
        {
            var budget = random.Next(3) switch
            {
                0 => ClockBudget.WorkingDays(random.Next(1, 60)),
                1 => ClockBudget.WorkingHours(random.Next(1, 40)),
                _ => ClockBudget.CalendarDays(random.Next(1, 30)),
            };
            var request = new ClockRequest(received, budget);
            var without = Clock.Compute(request).Due!.Value;
            var start = received.AddMinutes(random.Next((int)Math.Max(1, (without - received).TotalMinutes)));
            var pause = new ClockPause(start, start.AddMinutes(random.Next(1, 60 * 24 * 20)));
            var with = Clock.Compute(request with { Pauses = [pause] }).Due!.Value;
            with.ShouldBeGreaterThanOrEqualTo(without, $"{received:O} {budget} paused {pause.Start:O}–{pause.End:O}");

            var restart = Clock.Compute(request with { Pauses = [pause], Rules = new ClockRules(SupplementMode: SupplementMode.Restart) }).Due!.Value;
            restart.ShouldBeGreaterThanOrEqualTo(without, "a restarting supplement never makes the due instant earlier either");
            if (budget.Unit != ClockUnit.CalendarDays)
            {
                restart.ShouldBeGreaterThanOrEqualTo(with, "in working time a restart never gives back less time than a pause");
            }
        }
    }

    [Fact]
    public void A_due_instant_is_always_inside_or_at_the_end_of_a_working_period_of_a_working_day()
    {
        var random = new Random(10);
        foreach (var received in Receptions(4, 3000))
        {
            var due = Clock.DueAt(received, ClockBudget.WorkingDays(random.Next(1, 60))).ToOffset(Local.Offset);
            var day = DateOnly.FromDateTime(due.DateTime);
            Calendar.IsWorkingDay(day).ShouldBeTrue($"{due:O}");
            var time = TimeOnly.FromTimeSpan(due.TimeOfDay);
            Calendar.Hours.Periods.ShouldContain(p => time > p.Start && time <= p.End, $"{due:O}");
        }
    }

    [Fact]
    public void The_working_time_from_reception_to_due_is_exactly_the_budget()
    {
        var random = new Random(11);
        foreach (var received in Receptions(5, 3000))
        {
            var days = random.Next(1, 60);
            var due = Clock.DueAt(received, ClockBudget.WorkingDays(days));
            Calendar.WorkingTimeBetween(received, due).ShouldBe(TimeSpan.FromHours(8 * days), $"{received:O} + {days}");
        }
    }

    [Fact]
    public void The_fast_path_and_a_computation_without_pauses_agree()
    {
        foreach (var received in Receptions(6, 1000))
        {
            foreach (var budget in new[] { ClockBudget.WorkingDays(7), ClockBudget.WorkingHours(5), ClockBudget.CalendarDays(15) })
            {
                Clock.Compute(new ClockRequest(received, budget)).Due.ShouldBe(Clock.DueAt(received, budget));
            }
        }
    }

    [Fact]
    public void Adding_working_time_step_by_step_agrees_with_walking_the_days()
    {
        // An independent, slow reference: walk hour by hour over working periods.
        var random = new Random(12);
        foreach (var received in Receptions(7, 300))
        {
            var hours = random.Next(1, 120);
            Clock.DueAt(received, ClockBudget.WorkingHours(hours)).ShouldBe(Walk(received, TimeSpan.FromHours(hours)), $"{received:O} + {hours} h");
        }
    }

    private static DateTimeOffset Walk(DateTimeOffset start, TimeSpan amount)
    {
        var local = start.ToOffset(Local.Offset);
        var day = DateOnly.FromDateTime(local.DateTime);
        var from = local.TimeOfDay;
        while (true)
        {
            if (Calendar.IsWorkingDay(day))
            {
                foreach (var p in Calendar.Hours.Periods)
                {
                    var begin = from > p.Start.ToTimeSpan() ? from : p.Start.ToTimeSpan();
                    var available = p.End.ToTimeSpan() - begin;
                    if (available <= TimeSpan.Zero)
                    {
                        continue;
                    }

                    if (amount <= available)
                    {
                        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue) + begin + amount, Local.Offset);
                    }

                    amount -= available;
                }
            }

            day = day.AddDays(1);
            from = TimeSpan.Zero;
        }
    }
}
