using System.Globalization;

namespace MotCua.Platform.Time;

/// <summary>Instants are stored in UTC and shown in Asia/Ho_Chi_Minh (UTC+7, no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static string FormatDate(DateTimeOffset instant) => ToLocal(instant).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

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
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Indochina Time", "ICT");
        }
    }
}
