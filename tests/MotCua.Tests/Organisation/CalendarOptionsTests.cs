using MotCua.Organisation.WorkingCalendar;

namespace MotCua.Tests.Organisation;

public sealed class CalendarOptionsTests
{
    [Fact]
    public void The_defaults_are_eight_hours_Monday_to_Friday()
    {
        var hours = new CalendarOptions().ToWorkingHours();
        hours.DayLength.ShouldBe(TimeSpan.FromHours(8));
        hours.WorkingWeekdays.Count.ShouldBe(5);
        hours.WorkingWeekdays.ShouldNotContain(DayOfWeek.Saturday);
    }

    [Fact]
    public void An_organisation_sets_its_own_periods_and_weekdays()
    {
        var hours = new CalendarOptions { WorkingPeriods = "07:30-11:30, 13:00-16:30", WorkingWeekdays = "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday" }.ToWorkingHours();
        hours.DayLength.ShouldBe(TimeSpan.FromHours(7.5));
        hours.DayStart.ShouldBe(new TimeOnly(7, 30));
        hours.WorkingWeekdays.ShouldContain(DayOfWeek.Saturday);
    }

    [Theory]
    [InlineData("08:00-12:00,13:00", "Monday", "\"13:00\"")]
    [InlineData("12:00-08:00", "Monday", "ends before it starts")]
    [InlineData("08:00-12:00,11:00-17:00", "Monday", "overlap")]
    [InlineData("08:00-12:00", "Funday", "\"Funday\"")]
    public void A_bad_setting_stops_the_start_with_a_message_naming_it(string periods, string weekdays, string expected)
    {
        var error = Should.Throw<InvalidOperationException>(() => new CalendarOptions { WorkingPeriods = periods, WorkingWeekdays = weekdays }.ToWorkingHours());
        error.Message.ShouldContain("MotCua:Calendar");
        error.Message.ShouldContain(expected);
    }
}
