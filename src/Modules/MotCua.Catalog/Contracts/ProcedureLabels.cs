using System.Globalization;

namespace MotCua.Catalog.Contracts;

/// <summary>How the catalog's values read in Vietnamese.</summary>
public static class ProcedureLabels
{
    public static string Channel(Channel channel) => channel switch
    {
        Contracts.Channel.Counter => "Trực tiếp",
        Contracts.Channel.Online => "Trực tuyến",
        Contracts.Channel.Post => "Dịch vụ bưu chính",
        _ => channel.ToString(),
    };

    public static string Unit(TimeUnit unit) => unit switch
    {
        TimeUnit.WorkingDays => "ngày làm việc",
        TimeUnit.CalendarDays => "ngày",
        TimeUnit.WorkingHours => "giờ làm việc",
        TimeUnit.SameDay => "trong ngày làm việc",
        TimeUnit.ClockHours => "giờ",
        _ => unit.ToString(),
    };

    public static string Time(ProcessingTime time)
        => time.Value is null ? "Không có thông tin"
            : time.Unit == TimeUnit.SameDay ? "Trong ngày làm việc"
            : $"{time.Value.Value.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"))} {Unit(time.Unit)}";

    /// <summary>"Trong ngày làm việc; tiếp nhận sau 15:00 thì trả trong ngày làm việc tiếp theo" — the time with its cut-off, if any.</summary>
    public static string TimeWithCutOff(ProcessingTime time, TimeOnly? cutOff)
        => cutOff is { } c && time.Value is not null
            ? $"{Time(time)}; tiếp nhận sau {c.ToString("HH:mm", CultureInfo.InvariantCulture)} thì tính từ ngày làm việc tiếp theo"
            : Time(time);

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

    /// <summary>
    /// What the catalog says about the fee beyond <see cref="Fees"/> (the basis, who is exempt, per what unit),
    /// as written: null when it adds nothing. A leading "Miễn phí"/"Không có thông tin" and brackets round the
    /// rest are dropped, since the label already says so.
    /// </summary>
    public static string? FeeNote(ChannelTerms terms)
    {
        var text = terms.FeeText?.Trim() ?? "";
        foreach (var prefix in (string[])["Miễn phí", "Không có thông tin"])
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..].TrimStart('.', ',', ';', ':', ' ').Trim();
                break;
            }
        }

        if (text.Length > 1 && text[0] == '(' && ClosingBracket(text) == text.Length - 1)
        {
            text = text[1..^1].Trim();
        }

        return text.Length == 0 || text == Fees(terms) ? null : text;
    }

    /// <summary>When a conditional paper applies, in words for the citizen and the officer (a resource key for English).</summary>
    public static string Condition(ConditionKind kind) => kind switch
    {
        ConditionKind.FiledByRepresentative => "Khi người khác nộp thay (ủy quyền)",
        ConditionKind.FiledOnline => "Khi nộp trực tuyến",
        ConditionKind.FiledOnPaper => "Khi nộp trực tiếp hoặc qua bưu chính",
        ConditionKind.SentByPost => "Khi gửi hồ sơ qua bưu chính",
        ConditionKind.AbandonedChild => "Khi trẻ em bị bỏ rơi",
        ConditionKind.Surrogacy => "Khi trẻ sinh ra do mang thai hộ",
        ConditionKind.ForeignPapers => "Khi có giấy tờ do nước ngoài cấp",
        ConditionKind.DataNotInRegistry => "Khi cơ sở dữ liệu không có thông tin",
        _ => "Trong trường hợp khác (xem nội dung)",
    };

    /// <summary>A condition the system decides from the dossier's channel; null = the officer or the citizen decides.</summary>
    public static bool? AppliesOn(ConditionKind kind, Channel channel) => kind switch
    {
        ConditionKind.FiledOnline => channel == Contracts.Channel.Online,
        ConditionKind.FiledOnPaper => channel != Contracts.Channel.Online,
        ConditionKind.SentByPost => channel == Contracts.Channel.Post,
        _ => null,
    };

    public static string Online(OnlineServiceLevel level) => level switch
    {
        OnlineServiceLevel.Full => "Toàn trình",
        OnlineServiceLevel.Partial => "Một phần",
        _ => "Không trực tuyến",
    };

    private static int ClosingBracket(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Links taken from catalog data: only absolute http(s) addresses are kept or shown (never javascript:, data: …).</summary>
public static class WebAddress
{
    public static bool IsSafe(string? url)
        => Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
