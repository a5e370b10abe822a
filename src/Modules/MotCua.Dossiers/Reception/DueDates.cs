using System.Globalization;
using MotCua.Catalog.Procedures;
using MotCua.Platform.Text;
using MotCua.Platform.Time;

namespace MotCua.Dossiers.Reception;

/// <summary>
/// The appointment date (hẹn trả kết quả) of a dossier received now: N working days/hours inside the
/// default working periods (Mon–Fri 08:00–12:00, 13:00–17:00 Asia/Ho_Chi_Minh) on working days of the
/// bundled arrangements (holidays, swapped days off, make-up Saturdays, 2020–2026); calendar days end at the
/// close of the Nth day, moved to the next working day (Civil Code Art. 148). Interim: the Calendar module
/// (issue 3) takes this over with the lunar rules for years without data and the full explanation.
/// </summary>
public sealed class DueDates
{
    private static readonly TimeSpan[][] Periods = [[TimeSpan.FromHours(8), TimeSpan.FromHours(12)], [TimeSpan.FromHours(13), TimeSpan.FromHours(17)]];
    private readonly Dictionary<DateOnly, bool> arrangements = Load();

    public bool IsWorkingDay(DateOnly day)
        => arrangements.TryGetValue(day, out var working) ? working : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateTimeOffset DueAt(DateTimeOffset receivedAt, ProcessingTime? time)
    {
        var value = time?.Value is { } v and > 0 ? v : 1m;
        var unit = time?.Value is > 0 ? time.Unit : TimeUnit.WorkingDays;
        var local = VietnamTime.ToLocal(receivedAt);
        return unit switch
        {
            TimeUnit.CalendarDays => EndOfWorkingDay(DateOnly.FromDateTime(local.DateTime).AddDays((int)Math.Ceiling(value))),
            TimeUnit.WorkingHours => AddWorkingTime(local, TimeSpan.FromHours((double)value)),
            _ => AddWorkingTime(local, TimeSpan.FromHours((double)value * 8)),
        };
    }

    private DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan remaining)
    {
        var day = DateOnly.FromDateTime(start.DateTime);
        var time = start.TimeOfDay;
        while (true)
        {
            if (IsWorkingDay(day))
            {
                foreach (var p in Periods)
                {
                    var from = time > p[0] ? time : p[0];
                    if (from >= p[1])
                    {
                        continue;
                    }

                    var available = p[1] - from;
                    if (remaining <= available)
                    {
                        return At(day, from + remaining);
                    }

                    remaining -= available;
                }
            }

            day = day.AddDays(1);
            time = TimeSpan.Zero;
        }
    }

    private DateTimeOffset EndOfWorkingDay(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return At(day, Periods[^1][1]);
    }

    private static DateTimeOffset At(DateOnly day, TimeSpan time)
        => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue) + time, TimeSpan.FromHours(7)).ToUniversalTime();

    private static Dictionary<DateOnly, bool> Load()
    {
        using var stream = typeof(DueDates).Assembly.GetManifestResourceStream("vn_holidays_2020_2026.csv")!;
        using var reader = new StreamReader(stream);
        return CsvTable.Read(reader).Rows.ToDictionary(
            r => DateOnly.ParseExact(r["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r => r["is_working_day"] == "true");
    }
}
