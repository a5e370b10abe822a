using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MotCua.IntegrationTests.Hosting;

/// <summary>What the app under test logged (every category, every level), so a test can say "this logged no error".</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private static readonly ConcurrentDictionary<CapturedLogs, byte> Live = new();
    private readonly ConcurrentQueue<Entry> entries = new();

    public CapturedLogs() => Live.TryAdd(this, 0);

    /// <summary>Every app's log mark now, for <see cref="ErrorsOfEveryAppSince"/>.</summary>
    public static IReadOnlyDictionary<CapturedLogs, long> MarkEveryApp() => Live.Keys.ToDictionary(l => l, l => l.Mark);

    /// <summary>The errors every running app logged since the marks (an app started since counts from its first line).</summary>
    public static IReadOnlyList<string> ErrorsOfEveryAppSince(IReadOnlyDictionary<CapturedLogs, long> marks)
        => [.. Live.Keys.SelectMany(l => l.ErrorsSince(marks.TryGetValue(l, out var mark) ? mark : 0))];

    public sealed record Entry(long Number, string Category, LogLevel Level, EventId EventId, string Message);

    private long count;

    /// <summary>A mark: entries after it are <see cref="Since"/>.</summary>
    public long Mark => Interlocked.Read(ref count);

    public IReadOnlyList<Entry> Since(long mark) => [.. entries.Where(e => e.Number > mark)];

    /// <summary>Entries at error level or above after <paramref name="mark"/>, as readable lines.</summary>
    public IReadOnlyList<string> ErrorsSince(long mark)
        => [.. Since(mark).Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Level} {e.Category} [{e.EventId.Name}] {e.Message}")];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() => Live.TryRemove(this, out _);

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var number = Interlocked.Increment(ref logs.count);
            var message = exception is null ? formatter(state, exception) : formatter(state, exception) + Environment.NewLine + exception;
            logs.entries.Enqueue(new Entry(number, category, logLevel, eventId, message));
            while (logs.entries.Count > 20_000 && logs.entries.TryDequeue(out _))
            {
            }
        }
    }
}
