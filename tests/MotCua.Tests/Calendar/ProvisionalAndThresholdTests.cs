using MotCua.Calendar.Clock;
using MotCua.Calendar.Holidays;
using MotCua.Calendar.Working;

namespace MotCua.Tests.Calendar;

/// <summary>Years not announced make dates provisional; warning thresholds scale with the budget.</summary>
public sealed class ProvisionalAndThresholdTests
{
    private static readonly WorkingCalendar Bundled = WorkingCalendar.Default;
    private static readonly DeadlineClock Clock = new(Bundled, TimeProvider.System);
    private static readonly TimeSpan Day = TimeSpan.FromHours(8);

    [Fact]
    public void The_bundled_years_are_announced_and_the_years_after_are_computed()
    {
        HolidayArrangements.Bundled.IsAnnounced(2026).ShouldBeTrue();
        HolidayArrangements.Bundled.IsAnnounced(2020).ShouldBeTrue();
        HolidayArrangements.Bundled.IsAnnounced(2027).ShouldBeFalse();
        HolidayArrangements.Bundled.ProvisionalYears(new DateOnly(2026, 12, 20), new DateOnly(2028, 1, 5)).ShouldBe([2027, 2028]);
        HolidayArrangements.Bundled.ProvisionalYears(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)).ShouldBeEmpty();

        var entered = HolidayArrangements.Bundled.With(new ArrangementEntry(new DateOnly(2027, 1, 4), DayKind.SwappedDayOff, "Nghỉ hoán đổi", "Swapped", "TB 1/TB-BNV", "TB 1/TB-BNV"));
        entered.IsAnnounced(2027).ShouldBeTrue("entering the first day of a year writes the year, which is then announced");
    }

    [Fact]
    public void A_due_date_in_a_computed_year_is_explained_as_provisional()
    {
        var across = Clock.Explain(new ClockRequest(Local.At("2026-12-21T09:00"), ClockBudget.WorkingDays(10)));
        across.ProvisionalYears.ShouldBe([2027]);
        across.TextVi.ShouldContain("TẠM TÍNH: lịch nghỉ năm 2027 chưa được công bố");
        across.TextEn.ShouldContain("PROVISIONAL: the 2027 arrangement is not announced yet");

        var inside = Clock.Explain(new ClockRequest(Local.At("2026-12-01T09:00"), ClockBudget.WorkingDays(5)));
        inside.IsProvisional.ShouldBeFalse();
        inside.TextVi.ShouldNotContain("TẠM TÍNH");

        var calendarDays = Clock.Explain(new ClockRequest(Local.At("2026-12-21T09:00"), ClockBudget.CalendarDays(15)));
        calendarDays.ProvisionalYears.ShouldBe([2027]);
    }

    [Fact]
    public void A_one_working_day_budget_warns_two_hours_before_and_never_asks_for_an_apology()
    {
        var oneDay = ClockBudget.WorkingDays(1);
        WarningThresholds.DueSoonWithin(oneDay, Day).ShouldBe(TimeSpan.FromHours(2));
        WarningThresholds.ApologyReminder(oneDay, Day).ShouldBeFalse();

        // At reception the dossier is running, not "due soon" (it was with the old one-working-day threshold).
        var request = new ClockRequest(Local.At("2026-12-08T09:00"), oneDay);
        Clock.VerdictAt(request, Local.At("2026-12-08T09:00")).State.ShouldBe(ClockState.Running);
        Clock.VerdictAt(request, Local.At("2026-12-08T15:00")).State.ShouldBe(ClockState.Running, "3 h left");
        Clock.VerdictAt(request, Local.At("2026-12-08T16:30")).State.ShouldBe(ClockState.DueSoon, "1 h 30 left");
        Clock.VerdictAt(request, Local.At("2026-12-09T08:30")).State.ShouldBe(ClockState.DueSoon);
    }

    [Fact]
    public void A_fifteen_day_budget_warns_two_working_days_before_with_the_apology_reminder()
    {
        var fifteen = ClockBudget.WorkingDays(15);
        WarningThresholds.DueSoonWithin(fifteen, Day).ShouldBe(TimeSpan.FromHours(16));
        WarningThresholds.ApologyReminder(fifteen, Day).ShouldBeTrue();
        WarningThresholds.DueSoonWithin(fifteen, Day).ShouldBeGreaterThan(Day, "the reminder comes before the last moment for an apology in time");
    }

    [Theory]
    [InlineData(1, 0.5)]       // one working hour: half of it
    [InlineData(4, 2)]         // half a day: the 2 h floor
    [InlineData(12, 3)]        // 1.5 days: a quarter, no apology reminder
    [InlineData(16, 10)]       // 2 days: at least D + D/4 for the apology in time
    [InlineData(40, 10)]       // 5 days: a quarter
    [InlineData(480, 16)]      // 60 days: capped at two working days
    public void The_due_soon_threshold_scales_with_the_budget(double budgetHours, double expectedHours)
        => WarningThresholds.DueSoonWithin(ClockBudget.WorkingHours((decimal)budgetHours), Day).ShouldBe(TimeSpan.FromHours(expectedHours));

    [Fact]
    public void Clock_hours_count_as_hours_and_the_same_day_as_one_day()
    {
        // "24 giờ" runs day and night: one working day's worth, not 24 working days — the 2 h floor, no apology reminder.
        WarningThresholds.DueSoonWithin(ClockBudget.ClockHours(24), Day).ShouldBe(TimeSpan.FromHours(2));
        WarningThresholds.ApologyReminder(ClockBudget.ClockHours(24), Day).ShouldBeFalse();
        WarningThresholds.DueSoonWithin(ClockBudget.SameDay(), Day).ShouldBe(TimeSpan.FromHours(2));
    }
}
