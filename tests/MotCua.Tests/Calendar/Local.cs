using System.Globalization;
using System.Runtime.CompilerServices;

namespace MotCua.Tests.Calendar;

/// <summary>Local (Asia/Ho_Chi_Minh, UTC+7) instants and days written as in the CLI, and the seed file.</summary>
internal static class Local
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset At(string local)
        => new(DateTime.ParseExact(local, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), Offset);

    public static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Show(DateTimeOffset? instant)
        => instant is { } i ? i.ToOffset(Offset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : "(none)";

    /// <summary>seed/vn_holidays_2020_2026.csv of the repository, found from this source file or the test binaries.</summary>
    public static string SeedCsv([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(source), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seed", "vn_holidays_2020_2026.csv");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("seed/vn_holidays_2020_2026.csv");
    }
}
