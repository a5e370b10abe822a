using System.Globalization;

namespace MotCua.Calendar.Lunar;

/// <summary>A day of the Vietnamese lunar calendar (âm lịch): day, month (1–12), year and whether the month is
/// the leap month (tháng nhuận) that repeats <see cref="Month"/>.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    /// <summary>"17/6 nhuận/2025" style, as Vietnamese calendars print it.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Day}/{Month}{(IsLeapMonth ? " nhuận" : "")}/{Year}");
}
