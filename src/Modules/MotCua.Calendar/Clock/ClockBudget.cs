using System.Globalization;

namespace MotCua.Calendar.Clock;

/// <summary>How a time budget is counted.</summary>
public enum ClockUnit
{
    /// <summary>Ngày làm việc: N × the length of a normal working day of working time.</summary>
    WorkingDays = 1,

    /// <summary>Giờ làm việc: N hours of working time.</summary>
    WorkingHours = 2,

    /// <summary>Ngày (calendar days): Civil Code 2015 Art. 148.</summary>
    CalendarDays = 3,

    /// <summary>
    /// Trong ngày (làm việc): the result is due at the end of the working day of reception; a reception after
    /// the cut-off (<see cref="ClockRules.CutOff"/>), after the end of the working day or on a day off is due
    /// at the end of the next working day (e.g. Luật Hộ tịch Art. 16; "nếu tiếp nhận sau 15 giờ thì trả kết quả
    /// trong ngày làm việc tiếp theo").
    /// </summary>
    SameDay = 4,

    /// <summary>Giờ (clock hours, "24 giờ"): N hours of elapsed time, nights and days off included.</summary>
    ClockHours = 5,
}

/// <summary>A time budget (thời hạn giải quyết): an amount and its unit. Fractions of working days or hours are allowed.</summary>
public readonly record struct ClockBudget(ClockUnit Unit, decimal Amount)
{
    public static ClockBudget WorkingDays(decimal days) => new(ClockUnit.WorkingDays, Positive(days));

    public static ClockBudget WorkingHours(decimal hours) => new(ClockUnit.WorkingHours, Positive(hours));

    public static ClockBudget CalendarDays(int days) => new(ClockUnit.CalendarDays, Positive(days));

    /// <summary>Trong ngày: due at the end of the working day of reception (see <see cref="ClockUnit.SameDay"/>).</summary>
    public static ClockBudget SameDay() => new(ClockUnit.SameDay, 1);

    /// <summary>N clock hours of elapsed time ("24 giờ"), not only working hours.</summary>
    public static ClockBudget ClockHours(decimal hours) => new(ClockUnit.ClockHours, Positive(hours));

    public string DescribeVi() => Unit switch
    {
        ClockUnit.WorkingDays => $"{Number(Amount)} ngày làm việc",
        ClockUnit.WorkingHours => $"{Number(Amount)} giờ làm việc",
        ClockUnit.SameDay => "trong ngày làm việc",
        ClockUnit.ClockHours => $"{Number(Amount)} giờ",
        _ => $"{Number(Amount)} ngày",
    };

    public string DescribeEn() => Unit switch
    {
        ClockUnit.WorkingDays => Count(Amount, "working day"),
        ClockUnit.WorkingHours => Count(Amount, "working hour"),
        ClockUnit.SameDay => "within the working day",
        ClockUnit.ClockHours => Count(Amount, "clock hour"),
        _ => Count(Amount, "calendar day"),
    };

    /// <summary>"1 working day", "0.5 working days", "3 working days": English counts with their plural, never "1 working days".</summary>
    public static string Count(decimal amount, string noun) => $"{Number(amount)} {noun}{(amount == 1 ? "" : "s")}";

    public override string ToString() => DescribeEn();

    private static string Number(decimal d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    private static decimal Positive(decimal amount)
        => amount > 0 ? amount : throw new ArgumentOutOfRangeException(nameof(amount), amount, "A time budget must be positive.");
}
