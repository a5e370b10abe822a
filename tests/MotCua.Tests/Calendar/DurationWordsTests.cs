using MotCua.Calendar.Clock;

namespace MotCua.Tests.Calendar;

/// <summary>Issue 17: English durations take their plural, never "1 working days" nor "working day(s)".</summary>
public sealed class DurationWordsTests
{
    [Theory]
    [InlineData(1, "1 working day")]
    [InlineData(2, "2 working days")]
    [InlineData(0.5, "0.5 working days")]
    [InlineData(15, "15 working days")]
    public void Working_days_in_English_are_singular_for_one_only(decimal days, string expected)
        => ClockBudget.WorkingDays(days).DescribeEn().ShouldBe(expected);

    [Fact]
    public void Hours_and_calendar_days_too()
    {
        ClockBudget.WorkingHours(1).DescribeEn().ShouldBe("1 working hour");
        ClockBudget.ClockHours(24).DescribeEn().ShouldBe("24 clock hours");
        ClockBudget.CalendarDays(1).DescribeEn().ShouldBe("1 calendar day");
    }
}
