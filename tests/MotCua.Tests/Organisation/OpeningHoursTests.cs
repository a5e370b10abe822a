using MotCua.Organisation.Network;

namespace MotCua.Tests.Organisation;

public sealed class OpeningHoursTests
{
    [Fact]
    public void Posted_hours_round_trip_with_day_ranges_collapsed()
    {
        var hours = OpeningHours.Parse("T2-T6 08:00-12:00,13:00-17:00; T7 08:00-12:00")!;

        hours.Days.Count.ShouldBe(6);
        hours.Days[DayOfWeek.Saturday].Count.ShouldBe(1);
        hours.ToString().ShouldBe("T2-T6 08:00-12:00,13:00-17:00; T7 08:00-12:00");
    }

    [Fact]
    public void A_lunch_break_is_closed_and_a_period_end_is_exclusive()
    {
        var hours = OpeningHours.Default;

        hours.IsOpenAt(new DateTime(2026, 11, 24, 9, 30, 0)).ShouldBeTrue();
        hours.IsOpenAt(new DateTime(2026, 11, 24, 12, 30, 0)).ShouldBeFalse();
        hours.IsOpenAt(new DateTime(2026, 11, 24, 17, 0, 0)).ShouldBeFalse();
        hours.IsOpenAt(new DateTime(2026, 11, 29, 9, 0, 0)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("", "Vui lòng nhập giờ làm việc")]
    [InlineData("Thứ hai 8h-17h", "không phải ngày hợp lệ")]
    [InlineData("T2-T6 17:00-08:00", "không hợp lệ")]
    [InlineData("T2 08:00-12:00,11:00-13:00", "chồng lên")]
    [InlineData("T6-T2 08:00-12:00", "không phải ngày hợp lệ")]
    [InlineData("T2", "thiếu khung giờ")]
    public void Bad_hours_are_refused_with_a_Vietnamese_reason(string text, string reason)
    {
        OpeningHours.TryParse(text, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(reason);
    }
}
