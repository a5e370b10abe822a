using MotCua.Calendar.Clock;
using MotCua.Calendar.Working;
using static MotCua.Tests.Calendar.Local;

namespace MotCua.Tests.Calendar;

public sealed class DeadlineClockTests
{
    private static readonly DeadlineClock Clock = new(WorkingCalendar.Default, TimeProvider.System);

    private static string Due(string received, ClockBudget budget, ClockRules? rules = null)
        => Show(Clock.DueAt(At(received), budget, rules));

    private static string Due(ClockRequest request) => Show(Clock.Compute(request).Due);

    private static ClockPause Pause(string from, string to, PauseReason reason = PauseReason.Supplement) => new(At(from), At(to), reason);

    // The examples (defaults: Mon–Fri 08:00–12:00, 13:00–17:00). 11/03/2025 is a Tuesday.
    [Fact]
    public void Received_Tuesday_09_30_one_working_day_is_due_Wednesday_09_30()
        => Due("2025-03-11T09:30", ClockBudget.WorkingDays(1)).ShouldBe("2025-03-12T09:30");

    [Fact]
    public void Received_Saturday_10_00_online_one_working_day_is_due_Monday_17_00()
        => Due("2025-03-15T10:00", ClockBudget.WorkingDays(1)).ShouldBe("2025-03-17T17:00");

    [Fact]
    public void Received_Tuesday_16_30_two_working_days_is_due_Thursday_16_30()
        => Due("2025-03-11T16:30", ClockBudget.WorkingDays(2)).ShouldBe("2025-03-13T16:30");

    [Theory]
    [InlineData("2025-03-11T08:00", 4, "2025-03-11T12:00")]  // ends at the end of the morning, not at 13:00
    [InlineData("2025-03-11T08:00", 8, "2025-03-11T17:00")]  // ends at 17:00, not at 08:00 next day
    [InlineData("2025-03-11T12:30", 1, "2025-03-11T14:00")]  // received at lunch: counting starts at 13:00
    [InlineData("2025-03-11T18:00", 1, "2025-03-12T09:00")]  // received after hours: counting starts next morning
    [InlineData("2025-03-11T06:00", 2, "2025-03-11T10:00")]  // received before hours
    [InlineData("2025-03-11T11:00", 2, "2025-03-11T14:00")]  // crosses the lunch break
    [InlineData("2025-03-14T16:00", 3, "2025-03-17T10:00")]  // crosses a weekend
    public void Working_hours_count_inside_the_working_periods(string received, int hours, string due)
        => Due(received, ClockBudget.WorkingHours(hours)).ShouldBe(due);

    [Fact]
    public void One_working_day_received_at_the_start_of_a_day_ends_at_17_00_the_same_day()
        => Due("2025-03-11T08:00", ClockBudget.WorkingDays(1)).ShouldBe("2025-03-11T17:00");

    [Fact]
    public void Tet_2025_days_off_are_skipped()
        // Fri 24/01/2025: then Mon 27 – Fri 31 (Tết), Sat 1/2 (Tết, entered), Sun 2/2 → Mon 3/2.
        => Due("2025-01-24T10:00", ClockBudget.WorkingDays(1)).ShouldBe("2025-02-03T10:00");

    [Fact]
    public void A_make_up_Saturday_counts_with_the_normal_periods()
        // Saturday 26/04/2025 is a make-up working day (ngày làm bù) for Friday 2/5.
        => Due("2025-04-25T09:00", ClockBudget.WorkingDays(1)).ShouldBe("2025-04-26T09:00");

    [Fact]
    public void Five_working_days_over_30_April_2025_skip_the_holidays_and_the_swapped_day()
        // Tue 29/4 09:00 + 5 days: 29/4 (7 h), 30/4–2/5 off, 3–4/5 weekend, 5, 6, 7, 8/5 (32 h), 9/5 08:00–09:00.
        => Due("2025-04-29T09:00", ClockBudget.WorkingDays(5)).ShouldBe("2025-05-09T09:00");

    [Fact]
    public void A_year_without_data_skips_the_generated_Tet()
        // Tết 2027: Fri 5/2 (eve) to Tue 9/2, compensated Wed 10 and Thu 11.
        => Due("2027-02-04T10:00", ClockBudget.WorkingDays(1)).ShouldBe("2027-02-12T10:00");

    [Fact]
    public void Fractions_of_a_working_day_are_working_time()
        => Due("2025-03-11T08:00", ClockBudget.WorkingDays(0.5m)).ShouldBe("2025-03-11T12:00");

    // Calendar days: the end of the last working period of the Nth day after the day of reception; if that day is
    // not a working day, the end of the next working day (Civil Code 2015, Art. 148).
    [Theory]
    [InlineData("2025-03-10T10:00", 3, "2025-03-13T17:00")]  // Mon + 3 → Thu
    [InlineData("2025-03-10T16:59", 1, "2025-03-11T17:00")]  // the day of reception never counts
    [InlineData("2025-03-10T10:00", 5, "2025-03-17T17:00")]  // day 5 is Saturday → Monday
    [InlineData("2025-03-15T10:00", 1, "2025-03-17T17:00")]  // received Saturday: day 1 is Sunday → Monday
    [InlineData("2025-01-20T10:00", 10, "2025-02-03T17:00")] // day 10 is 30/1 (Tết) → Mon 3/2
    [InlineData("2025-04-16T10:00", 10, "2025-04-26T17:00")] // day 10 is Sat 26/4, a make-up working day: it stays
    [InlineData("2025-04-20T10:00", 10, "2025-05-05T17:00")] // day 10 is Wed 30/4 → 1/5, 2/5 (swapped), weekend → Mon 5/5
    public void Calendar_days_end_at_the_close_of_the_Nth_day_or_the_next_working_day(string received, int days, string due)
        => Due(received, ClockBudget.CalendarDays(days)).ShouldBe(due);

    [Fact]
    public void A_cut_off_moves_a_late_reception_to_the_next_working_day()
    {
        var rules = new ClockRules(CutOff: new TimeOnly(15, 0));
        Due("2025-03-11T15:30", ClockBudget.WorkingDays(1), rules).ShouldBe("2025-03-12T17:00");
        Due("2025-03-11T15:00", ClockBudget.WorkingDays(1), rules).ShouldBe("2025-03-12T15:00");
        Due("2025-03-11T15:30", ClockBudget.WorkingDays(1)).ShouldBe("2025-03-12T15:30");
        Due("2025-03-14T15:30", ClockBudget.CalendarDays(1), rules).ShouldBe("2025-03-18T17:00");
    }

    [Fact]
    public void A_pause_takes_its_working_time_out_of_the_count()
    {
        // Tue 09:00 + 3 days → Fri 09:00; paused Wed 10:00 – Thu 10:00 (8 working hours) → Mon 09:00.
        var request = new ClockRequest(At("2025-03-11T09:00"), ClockBudget.WorkingDays(3)) { Pauses = [Pause("2025-03-12T10:00", "2025-03-13T10:00")] };
        Due(request with { Pauses = [] }).ShouldBe("2025-03-14T09:00");
        Due(request).ShouldBe("2025-03-17T09:00");
    }

    [Fact]
    public void A_restarting_supplement_counts_the_whole_budget_again_from_the_resume()
    {
        var request = new ClockRequest(At("2025-03-11T09:00"), ClockBudget.WorkingDays(3))
        {
            Pauses = [Pause("2025-03-12T10:00", "2025-03-13T10:00")],
            Rules = new ClockRules(SupplementMode: SupplementMode.Restart),
        };
        Due(request).ShouldBe("2025-03-18T10:00");

        // Waiting for a fee is still a plain pause under the restart rule.
        Due(request with { Pauses = [Pause("2025-03-12T10:00", "2025-03-13T10:00", PauseReason.FinancialObligation)] }).ShouldBe("2025-03-17T09:00");
    }

    [Fact]
    public void A_pause_across_Tet_counts_only_the_working_time_it_covers()
    {
        // Mon 20/1/2025 09:00 + 5 days → Mon 3/2 09:00 (Tết 27/1–2/2). Paused Thu 23/1 09:00 – Tue 4/2 09:00:
        // 7 + 8 + 8 + 1 = 24 working hours lost → Thu 6/2 09:00.
        var request = new ClockRequest(At("2025-01-20T09:00"), ClockBudget.WorkingDays(5));
        Due(request).ShouldBe("2025-02-03T09:00");
        Due(request with { Pauses = [Pause("2025-01-23T09:00", "2025-02-04T09:00")] }).ShouldBe("2025-02-06T09:00");
    }

    [Fact]
    public void A_pause_over_holidays_only_changes_nothing()
    {
        var request = new ClockRequest(At("2025-01-20T09:00"), ClockBudget.WorkingDays(5)) { Pauses = [Pause("2025-01-25T08:00", "2025-02-02T20:00")] };
        Due(request).ShouldBe("2025-02-03T09:00");
    }

    [Fact]
    public void Overlapping_pauses_are_not_counted_twice()
    {
        var request = new ClockRequest(At("2025-03-11T09:00"), ClockBudget.WorkingDays(3))
        {
            Pauses = [Pause("2025-03-12T10:00", "2025-03-13T10:00"), Pause("2025-03-12T14:00", "2025-03-12T16:00", PauseReason.FinancialObligation)],
        };
        Due(request).ShouldBe("2025-03-17T09:00");
    }

    [Fact]
    public void A_pause_starting_at_or_after_the_due_instant_is_ignored()
    {
        var request = new ClockRequest(At("2025-03-11T09:00"), ClockBudget.WorkingDays(1)) { Pauses = [Pause("2025-03-12T09:00", "2025-03-13T09:00")] };
        var deadline = Clock.Compute(request);
        Show(deadline.Due).ShouldBe("2025-03-12T09:00");
        deadline.IgnoredPauses.Count.ShouldBe(1);
    }

    [Fact]
    public void An_open_pause_leaves_no_due_instant_and_keeps_the_time_left()
    {
        var request = new ClockRequest(At("2025-03-11T09:00"), ClockBudget.WorkingDays(3)) { Pauses = [new ClockPause(At("2025-03-12T10:00"), null)] };
        var deadline = Clock.Compute(request);
        deadline.Due.ShouldBeNull();
        deadline.IsPaused.ShouldBeTrue();
        deadline.LeftWhenPaused.ShouldBe(TimeSpan.FromHours(15)); // 24 h − (7 h Tue + 2 h Wed)
    }

    [Fact]
    public void A_calendar_day_clock_moves_by_the_pause_rounded_up_to_whole_days()
    {
        var request = new ClockRequest(At("2025-03-10T10:00"), ClockBudget.CalendarDays(5));
        Due(request).ShouldBe("2025-03-17T17:00");
        // 4 hours → 1 day: day 6 is Sunday 16/3 → Monday 17/3.
        Due(request with { Pauses = [Pause("2025-03-11T10:00", "2025-03-11T14:00")] }).ShouldBe("2025-03-17T17:00");
        // 49 hours → 3 days: day 8 is Tuesday 18/3.
        Due(request with { Pauses = [Pause("2025-03-11T10:00", "2025-03-13T11:00")] }).ShouldBe("2025-03-18T17:00");
    }

    [Fact]
    public void An_extension_adds_working_days_to_the_current_due_instant()
    {
        var request = new ClockRequest(At("2025-03-11T09:00"), ClockBudget.WorkingDays(3))
        {
            Extensions = [ClockExtension.ByWorkingDays(At("2025-03-13T09:00"), 2, "Cần xác minh thực địa", "Điều 19 Nghị định 61/2018/NĐ-CP")],
        };
        Due(request).ShouldBe("2025-03-18T09:00");
    }

    [Fact]
    public void An_extension_to_an_explicit_instant_sets_the_due_instant()
    {
        var request = new ClockRequest(At("2025-03-11T09:00"), ClockBudget.WorkingDays(3))
        {
            Extensions = [ClockExtension.ToInstant(At("2025-03-13T09:00"), At("2025-03-20T17:00"), "Phải lấy ý kiến cơ quan khác", "Văn bản xin lỗi, hẹn lại ngày trả kết quả (mẫu 04)")],
        };
        Due(request).ShouldBe("2025-03-20T17:00");
    }

    [Fact]
    public void An_extension_needs_a_reason_and_a_legal_basis()
        => Should.Throw<ArgumentException>(() => ClockExtension.ByWorkingDays(At("2025-03-13T09:00"), 2, "", "Điều 19"));

    [Fact]
    public void Each_step_has_its_own_due_instant_from_its_own_start()
    {
        var steps = Clock.Steps(
        [
            new StepBudget("Tiếp nhận và chuyển hồ sơ", At("2025-03-11T09:00"), ClockBudget.WorkingHours(4)),
            new StepBudget("Thẩm định", At("2025-03-11T15:00"), ClockBudget.WorkingDays(2)),
        ]);
        steps.Select(s => Show(s.Due)).ShouldBe(["2025-03-11T14:00", "2025-03-13T15:00"]);
    }

    [Fact]
    public void A_pause_whose_end_is_not_after_its_start_is_refused()
        => Should.Throw<ArgumentException>(() => Clock.Compute(new ClockRequest(At("2025-03-11T09:00"), ClockBudget.WorkingDays(3)) { Pauses = [Pause("2025-03-12T10:00", "2025-03-12T10:00")] }));

    [Fact]
    public void Due_instants_come_back_in_UTC_ready_to_store()
    {
        var due = Clock.DueAt(At("2025-03-11T09:30"), ClockBudget.WorkingDays(1));
        due.Offset.ShouldBe(TimeSpan.Zero);
        due.ShouldBe(new DateTimeOffset(2025, 3, 12, 2, 30, 0, TimeSpan.Zero));
        Clock.Compute(new ClockRequest(At("2025-03-11T09:30"), ClockBudget.CalendarDays(2))).Due!.Value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Budgets_must_be_positive()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ClockBudget.WorkingDays(0));
        Should.Throw<ArgumentOutOfRangeException>(() => ClockBudget.CalendarDays(-1));
    }
}
