using System.Globalization;
using MotCua.Catalog.Procedures;

namespace MotCua.Catalog.Browse;

/// <summary>How the catalog's values read in Vietnamese.</summary>
public static class Labels
{
    public static string Channel(Channel channel) => channel switch
    {
        Procedures.Channel.Counter => "Trực tiếp",
        Procedures.Channel.Online => "Trực tuyến",
        Procedures.Channel.Post => "Dịch vụ bưu chính",
        _ => channel.ToString(),
    };

    public static string Unit(TimeUnit unit) => unit switch
    {
        TimeUnit.WorkingDays => "ngày làm việc",
        TimeUnit.CalendarDays => "ngày",
        TimeUnit.WorkingHours => "giờ làm việc",
        _ => unit.ToString(),
    };

    public static string Time(ProcessingTime time)
        => time.Value is { } v ? $"{v.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))} {Unit(time.Unit)}" : "Không có thông tin";

    public static string Fees(ChannelTerms terms)
    {
        if (terms.IsFree)
        {
            return "Miễn phí";
        }

        if (terms.FeesVnd.Count > 0)
        {
            return string.Join("; ", terms.FeesVnd.Select(Platform.Time.VietnamTime.FormatVnd));
        }

        return terms.FeeUnspecified ? "Không có thông tin" : "Xem mô tả";
    }

    public static string Online(OnlineServiceLevel level) => level switch
    {
        OnlineServiceLevel.Full => "Toàn trình",
        OnlineServiceLevel.Partial => "Một phần",
        _ => "Không trực tuyến",
    };
}
