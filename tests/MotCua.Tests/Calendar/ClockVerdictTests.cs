using MotCua.Calendar.Clock;
using MotCua.Calendar.Working;
using static MotCua.Tests.Calendar.Local;

namespace MotCua.Tests.Calendar;

public sealed class ClockVerdictTests
{
    private static readonly DeadlineClock Clock = new(WorkingCalendar.Default, TimeProvider.System);

    // Tue 11/03/2025 09:00, 3 working days → Fri 14/03/2025 09:00.
    private static readonly ClockRequest Request = new(At("2025-03-11T09:00"), ClockBudget.WorkingDays(3));

    [Theory]
    [InlineData("2025-03-11T08:00", ClockState.NotStarted)]
    [InlineData("2025-03-11T10:00", ClockState.Running)]
    [InlineData("2025-03-12T15:00", ClockState.Running)]   // 11 h left: a 3-day budget is "soon" under 10 h (WarningThresholds)
    [InlineData("2025-03-13T08:59", ClockState.DueSoon)]   // 8 h 01 left: a quarter day before the last apology in time
    [InlineData("2025-03-13T10:00", ClockState.DueSoon)]
    [InlineData("2025-03-14T09:00", ClockState.DueSoon)]
    [InlineData("2025-03-14T09:01", ClockState.Overdue)]
    public void The_state_of_a_running_clock_depends_on_the_working_time_left(string now, ClockState state)
        => Clock.VerdictAt(Request, At(now)).State.ShouldBe(state);

    [Fact]
    public void Due_soon_can_be_configured()
    {
        var request = Request with { Rules = new ClockRules(DueSoonWithin: TimeSpan.FromHours(2)) };
        Clock.VerdictAt(request, At("2025-03-13T10:00")).State.ShouldBe(ClockState.Running);
        Clock.VerdictAt(request, At("2025-03-14T08:00")).State.ShouldBe(ClockState.DueSoon);
    }

    [Fact]
    public void Overdue_says_by_how_much_working_time()
    {
        var verdict = Clock.VerdictAt(Request, At("2025-03-17T10:00"));
        verdict.State.ShouldBe(ClockState.Overdue);
        verdict.Overdue.ShouldBe(TimeSpan.FromHours(9)); // Fri 09:00–17:00 less lunch (7 h) + Mon 08:00–10:00 (2 h)
    }

    [Fact]
    public void A_clock_inside_a_pause_is_paused_with_its_time_left()
    {
        var request = Request with { Pauses = [new ClockPause(At("2025-03-12T10:00"), null)] };
        var verdict = Clock.VerdictAt(request, At("2025-03-20T10:00"));
        verdict.State.ShouldBe(ClockState.Paused);
        verdict.Left.ShouldBe(TimeSpan.FromHours(15));
        verdict.Due.ShouldBeNull();
    }

    [Fact]
    public void A_clock_before_its_open_pause_runs_with_the_time_until_the_pause_and_after_it()
    {
        var request = Request with { Pauses = [new ClockPause(At("2025-03-13T08:00"), null)] };
        var verdict = Clock.VerdictAt(request, At("2025-03-12T09:00"));
        verdict.State.ShouldBe(ClockState.Running);
        verdict.Left.ShouldBe(TimeSpan.FromHours(16));
        verdict.Due.ShouldBeNull();
    }

    [Fact]
    public void A_finish_during_an_open_pause_is_judged_as_if_resumed_then()
    {
        var request = Request with { Pauses = [new ClockPause(At("2025-03-12T10:00"), null)] };
        var completion = Clock.Judge(request, At("2025-03-20T10:00"));
        completion.Verdict.ShouldBe(CompletionVerdict.Early);
        completion.Margin.ShouldBe(TimeSpan.FromHours(15));
    }

    [Fact]
    public void The_explanation_says_when_a_supplement_restarts_the_clock()
    {
        var request = new ClockRequest(At("2025-03-11T09:00"), ClockBudget.WorkingDays(1))
        {
            Pauses = [new ClockPause(At("2025-03-11T10:00"), At("2025-03-13T10:00"))],
            Rules = new ClockRules(SupplementMode: SupplementMode.Restart),
        };
        var text = Clock.Explain(request).TextVi;
        text.ShouldContain("tính lại từ đầu: bắt đầu tính lại từ 10:00 Thứ Năm 13/03/2025");
        text.ShouldContain("Thứ Ba 11/03/2025: không tính — tạm dừng, sau đó tính lại từ đầu.");
        text.ShouldContain("Thứ Tư 12/03/2025: không tính — tạm dừng, sau đó tính lại từ đầu.");
        text.ShouldContain("Thứ Năm 13/03/2025: tính 6 giờ 00 phút (10:00–12:00, 13:00–17:00)");
        text.ShouldEndWith("Hạn trả kết quả: 10:00 Thứ Sáu 14/03/2025.");
    }

    [Fact]
    public void The_explanation_says_when_the_cut_off_moved_the_start()
    {
        var request = new ClockRequest(At("2025-03-11T15:30"), ClockBudget.WorkingDays(1)) { Rules = new ClockRules(CutOff: new TimeOnly(15, 0)) };
        var text = Clock.Explain(request).TextVi;
        text.ShouldContain("Tiếp nhận sau giờ chốt 15:00");
        text.ShouldContain("Bắt đầu tính: 08:00 Thứ Tư 12/03/2025.");
        text.ShouldContain("Thứ Ba 11/03/2025: không tính — trước thời điểm bắt đầu tính.");
    }

    [Fact]
    public void The_verdict_now_uses_the_injected_time()
    {
        var clock = new DeadlineClock(WorkingCalendar.Default, new FixedTime(At("2025-03-12T09:00")));
        var verdict = clock.VerdictNow(Request);
        verdict.State.ShouldBe(ClockState.Running);
        verdict.Left.ShouldBe(TimeSpan.FromHours(16));
    }

    [Theory]
    [InlineData("2025-03-13T16:00", CompletionVerdict.Early, 2)]    // a day before the due day: Thu 16–17 h + Fri 08–09 h
    [InlineData("2025-03-14T08:30", CompletionVerdict.OnTime, 0.5)] // on the due day, before 09:00
    [InlineData("2025-03-14T09:00", CompletionVerdict.OnTime, 0)]
    [InlineData("2025-03-14T11:00", CompletionVerdict.Late, 2)]
    [InlineData("2025-03-17T09:00", CompletionVerdict.Late, 8)]
    public void A_finished_clock_is_early_on_time_or_late_by_working_time(string finished, CompletionVerdict verdict, double hours)
    {
        var completion = Clock.Judge(Request, At(finished));
        completion.Verdict.ShouldBe(verdict);
        completion.Margin.ShouldBe(TimeSpan.FromHours(hours));
    }

    [Fact]
    public void The_explanation_names_every_skipped_day_and_its_reason()
    {
        // Received Thu 24/04/2025 10:00, 5 days: Sat 26/4 is a make-up day, 30/4–1/5 holidays, 2/5 swapped.
        var request = new ClockRequest(At("2025-04-24T10:00"), ClockBudget.WorkingDays(5))
        {
            Pauses = [new ClockPause(At("2025-04-28T08:00"), At("2025-04-28T12:00"), PauseReason.FinancialObligation)],
            Extensions = [ClockExtension.ByWorkingDays(At("2025-05-05T09:00"), 1, "Chờ ý kiến", "Điều 19 Nghị định 61/2018/NĐ-CP")],
        };
        var explanation = Clock.Explain(request);
        var vi = explanation.TextVi;

        vi.ShouldContain("Tiếp nhận: 10:00 Thứ Năm 24/04/2025.");
        vi.ShouldContain("Thứ Bảy 26/04/2025: tính 8 giờ 00 phút (08:00–12:00, 13:00–17:00)");
        vi.ShouldContain("ngày làm bù theo Thông báo về hoán đổi ngày làm việc dịp 30/4–1/5/2025");
        vi.ShouldContain("Chủ nhật 27/04/2025: không tính — ngày nghỉ hằng tuần (cuối tuần).");
        vi.ShouldContain("Thứ Hai 28/04/2025: tính 4 giờ 00 phút (13:00–17:00)");
        vi.ShouldContain("Thứ Tư 30/04/2025: không tính — ngày lễ, Tết: Ngày Chiến thắng.");
        vi.ShouldContain("Thứ Sáu 02/05/2025: không tính — ngày nghỉ hoán đổi theo Thông báo về hoán đổi ngày làm việc dịp 30/4–1/5/2025");
        vi.ShouldNotContain("VietnamPlus", Case.Insensitive, "the research notes are never shown");
        vi.ShouldContain("chờ thực hiện nghĩa vụ tài chính");
        vi.ShouldContain("Gia hạn thêm 1 ngày làm việc");
        vi.ShouldContain("Căn cứ: Điều 19 Nghị định 61/2018/NĐ-CP".Replace("Căn cứ", "căn cứ", StringComparison.Ordinal));
        vi.ShouldEndWith($"Hạn trả kết quả: {Words(Clock.Compute(request).Due!.Value)}.");
        explanation.TextEn.ShouldContain("weekly rest day (weekend)");
        explanation.TextEn.ShouldContain("public holiday: Liberation Day/Reunification Day");
        explanation.Vietnamese.Count.ShouldBe(explanation.English.Count);
    }

    [Fact]
    public void The_explanation_of_Tet_says_Tet_and_compensatory_days_say_nghi_bu()
    {
        var tet = Clock.Explain(new ClockRequest(At("2025-01-24T10:00"), ClockBudget.WorkingDays(1))).TextVi;
        tet.ShouldContain("Thứ Hai 27/01/2025: không tính — ngày lễ, Tết: Nghỉ Tết Nguyên đán (28 tháng Chạp).");
        tet.ShouldContain("Thứ Tư 29/01/2025: không tính — ngày lễ, Tết: Tết Nguyên Đán.");
        tet.ShouldContain("Hạn trả kết quả: 10:00 Thứ Hai 03/02/2025.");

        var compensated = Clock.Explain(new ClockRequest(At("2023-04-28T10:00"), ClockBudget.WorkingDays(1))).TextVi;
        compensated.ShouldContain("Thứ Ba 02/05/2023: không tính — nghỉ bù: Ngày Giỗ Tổ Hùng Vương (nghỉ bù).");
    }

    [Fact]
    public void The_explanation_of_calendar_days_cites_article_148_and_the_moved_day()
    {
        var text = Clock.Explain(new ClockRequest(At("2025-03-10T10:00"), ClockBudget.CalendarDays(5))).TextVi;
        text.ShouldContain("Điều 147–148");
        text.ShouldContain("ngày thứ 5 là Thứ Bảy 15/03/2025");
        text.ShouldContain("Thứ Bảy 15/03/2025 không phải ngày làm việc");
        text.ShouldContain("Hạn trả kết quả: 17:00 Thứ Hai 17/03/2025.");
    }

    private static string Words(DateTimeOffset due)
    {
        var local = due.ToOffset(Offset);
        string[] days = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
        return $"{local:HH:mm} {days[(int)local.DayOfWeek]} {local:dd/MM/yyyy}";
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
