using System.Globalization;
using MotCua.Calendar.Working;

namespace MotCua.Calendar.Clock;

/// <summary>How instants, days and durations are written in explanations (local time, UTC+7).</summary>
internal static class Words
{
    private static readonly string[] WeekdaysVi = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

    public static string DayVi(DateOnly day) => $"{WeekdaysVi[(int)day.DayOfWeek]} {day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";

    public static string DayEn(DateOnly day) => $"{day.DayOfWeek.ToString()[..3]} {day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}";

    public static string InstantVi(DateTimeOffset instant)
    {
        var local = WorkingCalendar.ToLocal(instant);
        return $"{local.ToString("HH:mm", CultureInfo.InvariantCulture)} {DayVi(DateOnly.FromDateTime(local.DateTime))}";
    }

    public static string InstantEn(DateTimeOffset instant)
    {
        var local = WorkingCalendar.ToLocal(instant);
        return $"{local.ToString("HH:mm", CultureInfo.InvariantCulture)} {DayEn(DateOnly.FromDateTime(local.DateTime))}";
    }

    public static string Time(DateTimeOffset instant) => WorkingCalendar.ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string DurationVi(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(long)t.TotalHours} giờ {t.Minutes:00} phút");

    public static string DurationEn(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(long)t.TotalHours} h {t.Minutes:00} min");

    public static string ReasonVi(PauseReason reason) => reason switch
    {
        PauseReason.Supplement => "yêu cầu bổ sung hồ sơ",
        PauseReason.FinancialObligation => "chờ thực hiện nghĩa vụ tài chính",
        _ => "tạm dừng",
    };

    public static string ReasonEn(PauseReason reason) => reason switch
    {
        PauseReason.Supplement => "supplement requested",
        PauseReason.FinancialObligation => "waiting for a financial obligation",
        _ => "paused",
    };
}
