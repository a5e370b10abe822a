using MotCua.Calendar.Holidays;

namespace MotCua.Calendar.Working;

/// <summary>Whether a day is a working day and why.</summary>
public sealed record DayStatus(DateOnly Date, bool IsWorkingDay, ArrangementEntry? Entry)
{
    /// <summary>"ngày nghỉ cuối tuần", "ngày lễ, Tết: …", "nghỉ bù: …", "ngày làm bù …", "ngày làm việc".</summary>
    public string ReasonVi => Entry?.ReasonVi ?? (IsWorkingDay ? "ngày làm việc" : "ngày nghỉ hằng tuần (cuối tuần)");

    public string ReasonEn => Entry?.ReasonEn ?? (IsWorkingDay ? "working day" : "weekly rest day (weekend)");
}
