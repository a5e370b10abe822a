using System.Globalization;

namespace MotCua.Platform.Time;

/// <summary>Instants are stored in UTC and shown in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).</summary>
public static class VietnamTime
{
    /// <summary>UTC+7 all year: the one local offset of the system (the pure Calendar library keeps its own copy, WorkingCalendar.LocalOffset).</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static readonly TimeZoneInfo Zone = FindZone();

    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The instant a local day starts (00:00 in Vietnam), in UTC.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    /// <summary>A local date and time in Vietnam as an instant in UTC.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time) => new DateTimeOffset(day.ToDateTime(time), Offset).ToUniversalTime();

    /// <summary>The local day of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static string FormatDateTime(DateTimeOffset instant) => ToLocal(instant).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1.250.000 ₫".</summary>
    public static string FormatVnd(long amount) => amount.ToString("#,0", Culture) + " ₫";

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", Offset, "Indochina Time", "ICT");
        }
    }
}
