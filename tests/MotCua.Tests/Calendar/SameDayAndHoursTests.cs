using MotCua.Calendar.Clock;
using MotCua.Calendar.Holidays;
using MotCua.Calendar.Working;
using static MotCua.Tests.Calendar.Local;

namespace MotCua.Tests.Calendar;

/// <summary>
/// "Trong ngày" procedures with a cut-off ("nếu tiếp nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo"),
/// working hours vs clock hours, and fractional working days. 11/03/2025 is a Tuesday.
/// </summary>
public sealed class SameDayAndHoursTests
{
    private static readonly DeadlineClock Clock = new(WorkingCalendar.Default, TimeProvider.System);

    private static readonly ClockRules CutOff15 = new(new TimeOnly(15, 0));

    private static string Due(string received, ClockBudget budget, ClockRules? rules = null, DeadlineClock? clock = null)
        => Show((clock ?? Clock).DueAt(At(received), budget, rules));

    [Theory]
    [InlineData("2025-03-11T09:00", "2025-03-11T17:00")] // before the cut-off: the end of the same working day (not 09:00 next day)
    [InlineData("2025-03-11T15:00", "2025-03-11T17:00")] // 15:00 itself is not after the cut-off
    [InlineData("2025-03-11T15:30", "2025-03-12T17:00")] // after the cut-off: the end of the next working day
    [InlineData("2025-03-11T17:30", "2025-03-12T17:00")] // after hours
    [InlineData("2025-03-11T07:00", "2025-03-11T17:00")] // before hours
    [InlineData("2025-03-14T16:00", "2025-03-17T17:00")] // Friday after the cut-off: Monday
    [InlineData("2025-03-15T10:00", "2025-03-17T17:00")] // Saturday (online): Monday
    public void A_same_day_procedure_is_due_at_the_end_of_the_working_day_or_the_next_after_the_cut_off(string received, string due)
    {
        Due(received, ClockBudget.SameDay(), CutOff15).ShouldBe(due);
        Clock.Compute(new ClockRequest(At(received), ClockBudget.SameDay()) { Rules = CutOff15 }).Due.ShouldBe(At(due), "the full computation agrees with the fast path");
    }

    [Fact]
    public void A_holiday_moves_a_same_day_due_instant_to_the_next_working_day()
    {
        // 30/8–2/9/2025 are days off (National Day, Mon 1/9 and Tue 2/9 included).
        Due("2025-09-02T09:00", ClockBudget.SameDay(), CutOff15).ShouldBe("2025-09-03T17:00");
        Due("2025-08-29T15:30", ClockBudget.SameDay(), CutOff15).ShouldBe("2025-09-03T17:00");
        Due("2025-08-29T14:00", ClockBudget.SameDay(), CutOff15).ShouldBe("2025-08-29T17:00");
    }

    [Fact]
    public void Without_a_cut_off_the_end_of_the_working_day_is_the_limit()
    {
        Due("2025-03-11T16:59", ClockBudget.SameDay()).ShouldBe("2025-03-11T17:00");
        Due("2025-03-11T17:00", ClockBudget.SameDay()).ShouldBe("2025-03-12T17:00");
    }

    [Fact]
    public void The_end_of_the_working_day_is_the_organisations()
    {
        var hours = new WorkingHours(
            [new WorkingPeriod(new TimeOnly(7, 30), new TimeOnly(11, 30)), new WorkingPeriod(new TimeOnly(13, 0), new TimeOnly(16, 30))],
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
        var clock = new DeadlineClock(new WorkingCalendar(HolidayArrangements.Bundled, hours), TimeProvider.System);

        Due("2025-03-11T09:00", ClockBudget.SameDay(), CutOff15, clock).ShouldBe("2025-03-11T16:30");
        Due("2025-03-11T15:10", ClockBudget.SameDay(), CutOff15, clock).ShouldBe("2025-03-12T16:30");
    }

    [Fact]
    public void A_pause_on_a_same_day_dossier_adds_the_paused_working_time()
    {
        var request = new ClockRequest(At("2025-03-11T09:00"), ClockBudget.SameDay())
        {
            Rules = CutOff15,
            Pauses = [new ClockPause(At("2025-03-11T10:00"), At("2025-03-12T10:00"))],
        };

        Clock.Compute(request).Due.ShouldBe(At("2025-03-12T17:00"), "one working day paused moves the end of the day by one working day");
    }

    [Fact]
    public void The_explanation_says_same_day_and_the_cut_off()
    {
        var explanation = Clock.Explain(new ClockRequest(At("2025-03-11T15:30"), ClockBudget.SameDay()) { Rules = CutOff15 });

        explanation.TextVi.ShouldContain("Thời hạn: trong ngày làm việc");
        explanation.TextVi.ShouldContain("giờ chốt 15:00");
        explanation.TextVi.ShouldContain("Hạn trả kết quả: 17:00 Thứ Tư 12/03/2025.");
        explanation.TextEn.ShouldContain("within the working day");
        explanation.TextEn.ShouldContain("Due: 17:00 Wed 12/03/2025.");
    }

    [Fact]
    public void Clock_hours_run_through_the_night_and_the_weekend_working_hours_do_not()
    {
        // Friday 10:00, 24 hours.
        Due("2025-03-14T10:00", ClockBudget.ClockHours(24)).ShouldBe("2025-03-15T10:00");
        Due("2025-03-14T10:00", ClockBudget.WorkingHours(24)).ShouldBe("2025-03-19T10:00");
    }

    [Fact]
    public void A_pause_adds_its_length_to_clock_hours()
    {
        var request = new ClockRequest(At("2025-03-14T10:00"), ClockBudget.ClockHours(24))
        {
            Pauses = [new ClockPause(At("2025-03-14T12:00"), At("2025-03-14T18:00"))],
        };

        Clock.Compute(request).Due.ShouldBe(At("2025-03-15T16:00"));
    }

    [Fact]
    public void The_explanation_says_which_hours_applied()
    {
        var clockHours = Clock.Explain(new ClockRequest(At("2025-03-14T10:00"), ClockBudget.ClockHours(24)));
        clockHours.TextVi.ShouldContain("Thời hạn: 24 giờ — tính theo giờ đồng hồ");
        clockHours.TextVi.ShouldNotContain("Tính theo giờ làm việc");
        clockHours.TextEn.ShouldContain("counted in clock hours");

        var workingHours = Clock.Explain(new ClockRequest(At("2025-03-14T10:00"), ClockBudget.WorkingHours(8)));
        workingHours.TextVi.ShouldContain("Tính theo giờ làm việc: chỉ tính thời gian trong giờ làm việc");
        workingHours.TextEn.ShouldContain("Counted in working hours");
        workingHours.TextVi.ShouldNotContain("giờ đồng hồ");
    }

    [Theory]
    [InlineData("2025-03-11T09:00", "0.5", "2025-03-11T14:00")] // 4 working hours, across lunch
    [InlineData("2025-03-11T08:00", "0.5", "2025-03-11T12:00")]
    [InlineData("2025-03-11T15:00", "1.5", "2025-03-13T10:00")]
    public void Fractional_working_days_are_fractions_of_a_working_day(string received, string days, string due)
        => Due(received, ClockBudget.WorkingDays(decimal.Parse(days, System.Globalization.CultureInfo.InvariantCulture))).ShouldBe(due);
}
