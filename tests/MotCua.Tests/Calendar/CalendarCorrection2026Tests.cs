using System.Text;
using MotCua.Calendar.Clock;
using MotCua.Calendar.Holidays;
using MotCua.Calendar.Working;

namespace MotCua.Tests.Calendar;

/// <summary>
/// The bundled file as corrected on 2026-12-07: Friday 2/1/2026 swapped with Saturday 10/1/2026 (Ministry of
/// Home Affairs notice, 25/12/2025), and the legal basis users are shown (legal_basis_vi), never the research notes.
/// </summary>
public sealed class CalendarCorrection2026Tests
{
    private static readonly WorkingCalendar Bundled = WorkingCalendar.Default;
    private static readonly DeadlineClock Clock = new(Bundled, TimeProvider.System);

    [Fact]
    public void Saturday_10_January_2026_is_a_make_up_working_day_and_Friday_2_January_is_off()
    {
        Bundled.IsWorkingDay(new DateOnly(2026, 1, 10)).ShouldBeTrue();
        Bundled.Describe(new DateOnly(2026, 1, 10)).Entry!.Kind.ShouldBe(DayKind.MakeUpWorkingDay);
        Bundled.IsWorkingDay(new DateOnly(2026, 1, 2)).ShouldBeFalse();
        Bundled.Describe(new DateOnly(2026, 1, 2)).Entry!.Kind.ShouldBe(DayKind.SwappedDayOff);
        Bundled.IsWorkingDay(new DateOnly(2026, 1, 17)).ShouldBeFalse("only the announced Saturday is worked");
    }

    [Fact]
    public void A_deadline_across_the_swap_counts_the_make_up_Saturday_and_not_the_Friday()
    {
        // Wednesday 31/12/2025 09:00 + 3 working days: 31/12 09:00 → (1/1 holiday, 2/1 swapped, 3–4/1 weekend)
        // Mon 5/1 09:00 (1), Tue 6/1 09:00 (2), Wed 7/1 09:00 (3).
        Local.Show(Clock.DueAt(Local.At("2025-12-31T09:00"), ClockBudget.WorkingDays(3))).ShouldBe("2026-01-07T09:00");

        // Thursday 8/1/2026 09:00 + 2 working days: Fri 9/1 09:00 (1), Sat 10/1 09:00 (2) — not Monday 12/1.
        Local.Show(Clock.DueAt(Local.At("2026-01-08T09:00"), ClockBudget.WorkingDays(2))).ShouldBe("2026-01-10T09:00");

        // Without the correction (the old file had no make-up Saturday) it would have been Monday 12/1.
        var old = new WorkingCalendar(HolidayArrangements.Bundled.Without(new DateOnly(2026, 1, 10)));
        Local.Show(new DeadlineClock(old, TimeProvider.System).DueAt(Local.At("2026-01-08T09:00"), ClockBudget.WorkingDays(2))).ShouldBe("2026-01-12T09:00");
    }

    [Fact]
    public void The_explanation_shows_the_Vietnamese_legal_basis_never_the_research_notes()
    {
        var explanation = Clock.Explain(new ClockRequest(Local.At("2025-12-31T09:00"), ClockBudget.WorkingDays(8)));

        explanation.TextVi.ShouldContain("02/01/2026");
        explanation.TextVi.ShouldContain("ngày nghỉ hoán đổi theo Thông báo của Bộ Nội vụ ngày 25/12/2025 về hoán đổi ngày làm việc dịp Tết Dương lịch 2026");
        explanation.TextVi.ShouldContain("ngày làm bù theo Thông báo của Bộ Nội vụ ngày 25/12/2025");
        explanation.TextEn.ShouldContain("make-up working day under Thông báo của Bộ Nội vụ ngày 25/12/2025");
        foreach (var text in new[] { explanation.TextVi, explanation.TextEn })
        {
            text.ShouldNotContain("24h.com.vn");
            text.ShouldNotContain("Government approval");
            text.ShouldNotContain("python-holidays");
        }
    }

    [Fact]
    public void Every_bundled_day_has_its_legal_basis_and_the_swap_rows_name_the_notice()
    {
        var entries = HolidayArrangements.ReadBundled();
        entries.ShouldAllBe(e => e.LegalBasisVi.Length > 0 && e.LegalBasisVi != e.Source);
        entries.Single(e => e.Date == new DateOnly(2026, 1, 10)).LegalBasisVi.ShouldStartWith("Thông báo của Bộ Nội vụ ngày 25/12/2025");
        entries.Single(e => e.Date == new DateOnly(2026, 1, 1)).LegalBasisVi.ShouldBe("Bộ luật Lao động số 45/2019/QH14, Điều 112 khoản 1");
    }

    [Theory]
    [InlineData("date,weekday,name_vi,name_en,kind,is_working_day,source,verified\n2027-01-01,Fri,A,B,statutory_holiday,false,x,y\n", "legal_basis_vi")]
    [InlineData("date,weekday,name_vi,name_en,kind,is_working_day,source,verified,legal_basis_vi\n2027-01-01,Fri,A,B,statutory_holiday,false,x,y, \n", "Line 2")]
    public void A_file_without_the_legal_basis_is_refused(string csv, string message)
        => Should.Throw<FormatException>(() => HolidayArrangements.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)))).Message.ShouldContain(message);

    [Fact]
    public void Generated_days_carry_the_Labor_Code_as_their_legal_basis()
    {
        var days = LaborCodeHolidays.Generate(2027);
        days.Where(d => d.Kind == DayKind.Holiday).ShouldAllBe(d => d.LegalBasisVi == LaborCodeHolidays.LegalBasis);
        days.Where(d => d.Kind == DayKind.CompensatoryDayOff).ShouldAllBe(d => d.LegalBasisVi == LaborCodeHolidays.CompensationLegalBasis);
    }
}
