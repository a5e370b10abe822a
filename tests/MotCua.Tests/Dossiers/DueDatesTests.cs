using MotCua.Catalog.Procedures;
using MotCua.Dossiers.Reception;

namespace MotCua.Tests.Dossiers;

public sealed class DueDatesTests
{
    private static readonly DueDates Dates = new();

    private static DateTimeOffset Local(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.FromHours(7));

    private static DateTimeOffset Due(DateTimeOffset received, decimal value, TimeUnit unit = TimeUnit.WorkingDays)
        => Dates.DueAt(received, new ProcessingTime(value, unit, "")).ToOffset(TimeSpan.FromHours(7));

    [Fact]
    public void One_working_day_from_Tuesday_morning_is_Wednesday_same_time()
        => Due(Local(2026, 11, 24, 9, 30), 1).ShouldBe(Local(2026, 11, 25, 9, 30));

    [Fact]
    public void A_Saturday_online_submission_counts_from_Monday_morning()
        => Due(Local(2026, 11, 28, 10, 0), 1).ShouldBe(Local(2026, 11, 30, 17, 0));

    [Fact]
    public void Two_working_days_from_Tuesday_afternoon_end_Thursday_afternoon()
        => Due(Local(2026, 11, 24, 16, 30), 2).ShouldBe(Local(2026, 11, 26, 16, 30));

    [Fact]
    public void Tet_2026_is_skipped_as_entered_in_the_arrangements()
    {
        // Tết Bính Ngọ: Mon 16 – Fri 20/02/2026 off (bundled arrangements), weekends around it: Fri 13/02 + 1 day → Mon 23/02.
        Dates.IsWorkingDay(new DateOnly(2026, 2, 16)).ShouldBeFalse();
        Due(Local(2026, 2, 13, 10, 0), 1).ShouldBe(Local(2026, 2, 23, 10, 0));
    }

    [Fact]
    public void Calendar_days_end_at_close_of_the_next_working_day_when_the_last_falls_on_a_weekend()
        => Due(Local(2026, 11, 25, 9, 0), 3, TimeUnit.CalendarDays).ShouldBe(Local(2026, 11, 30, 17, 0));

    [Fact]
    public void Working_hours_cross_the_lunch_break()
        => Due(Local(2026, 11, 24, 11, 0), 2, TimeUnit.WorkingHours).ShouldBe(Local(2026, 11, 24, 14, 0));
}
