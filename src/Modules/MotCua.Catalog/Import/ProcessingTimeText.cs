using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MotCua.Catalog.Contracts;

namespace MotCua.Catalog.Import;

/// <summary>
/// What the catalog's words say about a processing time beyond the portal's "value + unit" columns, which
/// flatten "trong ngày", "nếu tiếp nhận sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo", "24 giờ" and
/// "0,5 ngày làm việc" into a number of working days:
/// <list type="bullet">
/// <item>same day: the time itself reads "trong ngày (làm việc)", the channel's text says the result is given
/// "trong ngày làm việc nhận được hồ sơ" / "ngay trong ngày", or the text sets a cut-off after which the result
/// comes "trong ngày làm việc tiếp theo" while the stated time is at most one day;</item>
/// <item>the cut-off hour ("sau 15 giờ", "sau 15 giờ 30") of a sentence about the RESULT (not the completeness
/// reply "văn bản trả lời … trong ngày làm việc tiếp theo" of the supplement step);</item>
/// <item>hours: "giờ làm việc" are working hours; "24/48/72 giờ" or hours "liên tục" are clock hours; a bare
/// "giờ" stays working hours;</item>
/// <item>fractions written with a decimal comma ("0,5 ngày làm việc", "nửa ngày làm việc").</item>
/// </list>
/// </summary>
internal static partial class ProcessingTimeText
{
    /// <summary>The reading: the time (unit possibly changed), the cut-off the text names, and a note for the import report.</summary>
    public sealed record Reading(ProcessingTime Time, TimeOnly? CutOff, string? Note);

    /// <param name="time">The time read from the structured columns.</param>
    /// <param name="unitText">The portal's unit column as written ("Giờ", "Ngày làm việc", "").</param>
    /// <param name="channelText">The channel's own description (flattened into its fee text by the crawler).</param>
    /// <param name="stepsText">The procedure's steps (trình tự thực hiện).</param>
    public static Reading Read(ProcessingTime time, string unitText, string channelText, string stepsText)
    {
        var own = Fold(time.Text);
        var channel = Fold(channelText);
        var cutOff = CutOff(channel) ?? CutOff(Fold(stepsText)); // only kept for a same-day reading
        var value = time.Value;
        var unit = time.Unit;

        var sameDayWords = SameDayTime().IsMatch(own) || SameDayDescription().IsMatch(channel);
        var atMostADay = value is null or <= 1m && unit is TimeUnit.WorkingDays or TimeUnit.CalendarDays;
        if (sameDayWords && !atMostADay)
        {
            // "giải quyết trong ngày làm việc nhận được hồ sơ …; trường hợp … kéo dài thì không quá 03 ngày làm việc":
            // the stated time may be the extended maximum; an administrator decides.
            return new Reading(time with { Value = value }, null,
                $"time \"{time.Text}\": the text also says \"trong ngày\"; kept as stated — check whether the procedure is a same-day one");
        }

        if (sameDayWords || (cutOff is not null && atMostADay && value is not null))
        {
            var why = sameDayWords ? "the text says \"trong ngày\"" : $"the text says a reception after {cutOff:HH\\:mm} gets its result the next working day";
            return new Reading(time with { Value = 1m, Unit = TimeUnit.SameDay }, cutOff, $"time \"{time.Text}\" read as same day ({why})");
        }

        if (unit == TimeUnit.WorkingHours && value is { } hours)
        {
            var all = own + " " + channel;
            if (WorkingHoursWords().IsMatch(all) || Fold(unitText).Contains("làm việc", StringComparison.Ordinal))
            {
                return new Reading(time, null, null);
            }

            if (hours is 24m or 48m or 72m || ClockHoursWords().IsMatch(all))
            {
                return new Reading(time with { Value = hours, Unit = TimeUnit.ClockHours }, null,
                    $"time \"{time.Text}\" read as clock hours (elapsed time, not working hours)");
            }

            // A bare "Giờ" (the portal's unit column) with nothing else said: working hours, as the portal means it.
            return new Reading(time, null, null);
        }

        return new Reading(time, null, null);
    }

    /// <summary>The time itself reads "trong ngày", "Trong ngày làm việc", "ngay trong ngày".</summary>
    public static bool SaysSameDay(string text) => SameDayTime().IsMatch(Fold(text));

    /// <summary>"0,5 ngày làm việc" → 0.5; "nửa ngày làm việc" → 0.5; "3 ngày" → 3; null when no number leads the text.</summary>
    public static decimal? ValueFromText(string text)
    {
        var folded = Fold(text);
        if (folded.StartsWith("nửa ngày", StringComparison.Ordinal))
        {
            return 0.5m;
        }

        var m = LeadingNumber().Match(folded);
        return m.Success && decimal.TryParse(m.Groups[1].Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;
    }

    /// <summary>The unit written after the number: "0,5 ngày làm việc" → working days; null when none is recognised.</summary>
    public static TimeUnit? UnitFromText(string text)
    {
        var rest = LeadingNumberOnly().Replace(Fold(text), "").Trim();
        return rest.StartsWith("ngày làm việc", StringComparison.Ordinal) || rest.StartsWith("nửa ngày làm việc", StringComparison.Ordinal) ? TimeUnit.WorkingDays
            : rest.StartsWith("giờ làm việc", StringComparison.Ordinal) ? TimeUnit.WorkingHours
            : rest.StartsWith("ngày", StringComparison.Ordinal) ? TimeUnit.CalendarDays
            : rest.StartsWith("giờ", StringComparison.Ordinal) ? TimeUnit.WorkingHours
            : null;
    }

    /// <summary>The cut-off of a sentence that sends the RESULT to the next working day, e.g. "nếu tiếp nhận hồ sơ sau 15 giờ thì … trả kết quả … trong ngày làm việc tiếp theo".</summary>
    public static TimeOnly? CutOff(string folded)
    {
        foreach (var sentence in folded.Split(['.', ';', '\n', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!sentence.Contains("ngày làm việc tiếp theo", StringComparison.Ordinal) || sentence.Contains("trả lời", StringComparison.Ordinal))
            {
                continue;
            }

            var m = AfterHour().Match(sentence);
            if (m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var h) && h is >= 0 and <= 23)
            {
                var minutes = m.Groups[2].Success && int.TryParse(m.Groups[2].Value, CultureInfo.InvariantCulture, out var mm) && mm is >= 0 and <= 59 ? mm : 0;
                return new TimeOnly(h, minutes);
            }
        }

        return null;
    }

    private static string Fold(string? text)
        => WhiteSpace().Replace((text ?? "").Normalize(NormalizationForm.FormC).ToLowerInvariant(), " ").Trim();

    [GeneratedRegex(@"^(ngay )?trong ngày(?!\s*(làm việc\s*)?tiếp theo)")]
    private static partial Regex SameDayTime();

    [GeneratedRegex(@"(ngay trong ngày|trong ngày làm việc nhận được|trong ngày tiếp nhận|trong ngày làm việc tiếp nhận|trả kết quả trong ngày(?!\s*(làm việc\s*)?tiếp theo))")]
    private static partial Regex SameDayDescription();

    [GeneratedRegex(@"\d+\s*giờ làm việc")]
    private static partial Regex WorkingHoursWords();

    [GeneratedRegex(@"(giờ liên tục|\b(24|48|72) giờ\b(?! làm việc))")]
    private static partial Regex ClockHoursWords();

    [GeneratedRegex(@"sau\s+(\d{1,2})\s*(?:giờ|h)(?:\s*(\d{1,2})\s*(?:phút)?)?")]
    private static partial Regex AfterHour();

    [GeneratedRegex(@"^(\d+(?:[.,]\d+)?)\s*(ngày|giờ)")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^\d+(?:[.,]\d+)?")]
    private static partial Regex LeadingNumberOnly();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
