using System.Globalization;
using System.Text;

namespace MotCua.Organisation.Network;

/// <summary>
/// A point's opening hours, written the way they are posted at the door:
/// <c>T2-T6 08:00-12:00,13:00-17:00; T7 08:00-12:00</c> (T2 … T7 = Monday … Saturday, CN = Sunday).
/// </summary>
internal sealed class OpeningHours
{
    private static readonly string[] DayCodes = ["CN", "T2", "T3", "T4", "T5", "T6", "T7"];

    private OpeningHours(IReadOnlyDictionary<DayOfWeek, IReadOnlyList<(TimeOnly Open, TimeOnly Close)>> days) => Days = days;

    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<(TimeOnly Open, TimeOnly Close)>> Days { get; }

    public static OpeningHours Default { get; } = Parse("T2-T6 08:00-12:00,13:00-17:00")!;

    /// <summary>Parses the posted form; returns null and a Vietnamese message when it cannot.</summary>
    public static OpeningHours? TryParse(string? text, out string? error)
    {
        error = null;
        var days = new Dictionary<DayOfWeek, IReadOnlyList<(TimeOnly, TimeOnly)>>();
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Vui lòng nhập giờ làm việc, ví dụ \"T2-T6 08:00-12:00,13:00-17:00\".";
            return null;
        }

        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = part.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                error = $"\"{part}\" thiếu khung giờ (ví dụ \"T7 08:00-12:00\").";
                return null;
            }

            var dayRange = ParseDays(part[..space]);
            if (dayRange is null)
            {
                error = $"\"{part[..space]}\" không phải ngày hợp lệ (T2 … T7, CN, hoặc khoảng như T2-T6).";
                return null;
            }

            var periods = new List<(TimeOnly, TimeOnly)>();
            foreach (var p in part[(space + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var bounds = p.Split('-', StringSplitOptions.TrimEntries);
                if (bounds.Length != 2
                    || !TimeOnly.TryParseExact(bounds[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var open)
                    || !TimeOnly.TryParseExact(bounds[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close)
                    || close <= open)
                {
                    error = $"Khung giờ \"{p}\" không hợp lệ (dạng HH:mm-HH:mm, giờ đóng sau giờ mở).";
                    return null;
                }

                if (periods.Count > 0 && open < periods[^1].Item2)
                {
                    error = $"Khung giờ \"{p}\" chồng lên khung trước.";
                    return null;
                }

                periods.Add((open, close));
            }

            foreach (var day in dayRange)
            {
                days[day] = periods;
            }
        }

        return new OpeningHours(days);
    }

    public static OpeningHours? Parse(string text) => TryParse(text, out _);

    public bool IsOpenAt(DateTime local)
        => Days.TryGetValue(local.DayOfWeek, out var periods)
           && periods.Any(p => TimeOnly.FromDateTime(local) >= p.Open && TimeOnly.FromDateTime(local) < p.Close);

    public override string ToString()
    {
        var sb = new StringBuilder();
        var order = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
        var i = 0;
        while (i < order.Length)
        {
            if (!Days.TryGetValue(order[i], out var periods))
            {
                i++;
                continue;
            }

            var j = i;
            while (j + 1 < order.Length && Days.TryGetValue(order[j + 1], out var next) && Same(next, periods))
            {
                j++;
            }

            if (sb.Length > 0)
            {
                sb.Append("; ");
            }

            sb.Append(DayCodes[(int)order[i]]);
            if (j > i)
            {
                sb.Append('-').Append(DayCodes[(int)order[j]]);
            }

            sb.Append(' ').Append(string.Join(',', periods.Select(p => $"{p.Open:HH\\:mm}-{p.Close:HH\\:mm}")));
            i = j + 1;
        }

        return sb.ToString();
    }

    private static bool Same(IReadOnlyList<(TimeOnly, TimeOnly)> a, IReadOnlyList<(TimeOnly, TimeOnly)> b) => a.SequenceEqual(b);

    private static List<DayOfWeek>? ParseDays(string text)
    {
        var ends = text.ToUpperInvariant().Split('-');
        var from = Array.IndexOf(DayCodes, ends[0]);
        var to = ends.Length == 2 ? Array.IndexOf(DayCodes, ends[1]) : from;
        if (ends.Length > 2 || from < 0 || to < 0)
        {
            return null;
        }

        // Monday-first order: T2 (1) … T7 (6), CN (0 → 7).
        int Rank(int d) => d == 0 ? 7 : d;
        if (Rank(to) < Rank(from))
        {
            return null;
        }

        return Enumerable.Range(Rank(from), Rank(to) - Rank(from) + 1).Select(r => (DayOfWeek)(r % 7)).ToList();
    }
}
