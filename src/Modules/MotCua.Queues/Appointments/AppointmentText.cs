using System.Globalization;
using MotCua.Platform.Time;

namespace MotCua.Queues.Appointments;

/// <summary>How appointments read in Vietnamese on the pages and in the API.</summary>
internal static class AppointmentText
{
    /// <summary>The appointment in the audit trail: "appointment:HK-XXXXXXXX".</summary>
    public static string AuditSubject(string code) => $"appointment:{code}";

    public static string Status(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "Đã đặt",
        AppointmentStatus.CheckedIn => "Đã đến, đã lấy số",
        AppointmentStatus.Cancelled => "Đã hủy",
        AppointmentStatus.NoShow => "Không đến",
        _ => status.ToString(),
    };

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"Thứ Hai, 07/12/2026".</summary>
    public static string DayName(DateOnly day)
    {
        var name = day.DayOfWeek switch
        {
            DayOfWeek.Monday => "Thứ Hai",
            DayOfWeek.Tuesday => "Thứ Ba",
            DayOfWeek.Wednesday => "Thứ Tư",
            DayOfWeek.Thursday => "Thứ Năm",
            DayOfWeek.Friday => "Thứ Sáu",
            DayOfWeek.Saturday => "Thứ Bảy",
            _ => "Chủ Nhật",
        };
        return $"{name}, {Date(day)}";
    }

    /// <summary>A day in the page's language: "Thứ Hai, 07/12/2026", in English "Monday, 07/12/2026".</summary>
    public static string LocalDayName(DateOnly day)
        => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? $"{day.DayOfWeek}, {Date(day)}" : DayName(day);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A day as yyyy-MM-dd within the working calendar's years (2000–2100; beyond, no calendar says what is a working day), else null.</summary>
    public static DateOnly? ParseDay(string? text)
        => DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100
            ? day
            : null;

    public static TimeOnly? ParseTime(string? text)
        => TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
