using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotCua.Organisation.Contracts;

namespace MotCua.Queues.Board;

/// <summary>
/// Keeps the boards of this app node up to date. For each point watched by at least one board there is ONE
/// background loop, shared by all its boards: every second it runs the point's cheap fingerprint query, and when
/// that changes (or every <see cref="RebuildEvery"/>, for counters opening and wait estimates) it reads the board
/// and sends it to the boards if it differs from what they have. The database is the source of truth, so a call
/// made on any node reaches the boards of every node within about a second. The loop stops with its last board.
/// </summary>
internal sealed partial class BoardHub(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<BoardHub> logger) : IDisposable
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan RebuildEvery = TimeSpan.FromSeconds(30);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock gate = new();
    private readonly Dictionary<Guid, Feed> feeds = [];

    /// <summary>Points watched on this node now (for diagnostics and tests).</summary>
    public int WatchedPoints
    {
        get
        {
            lock (gate)
            {
                return feeds.Count;
            }
        }
    }

    /// <summary>A board joins: it gets the latest board at once (when known) and every change after.</summary>
    public BoardSubscription Subscribe(ServicePlace place)
    {
        // Only the latest board matters: a slow board skips the ones it missed.
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = false, SingleReader = true });
        lock (gate)
        {
            if (!feeds.TryGetValue(place.Id, out var feed))
            {
                feed = new Feed(place, CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping));
                feeds[place.Id] = feed;
                _ = Task.Run(() => RunAsync(feed));
            }

            feed.Boards.Add(channel);
            if (feed.Latest is { } latest)
            {
                channel.Writer.TryWrite(latest);
            }

            return new BoardSubscription(channel.Reader, () => Leave(feed, channel));
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var feed in feeds.Values)
            {
                StopQuietly(feed.Stop);
            }

            feeds.Clear();
        }
    }

    private void Leave(Feed feed, Channel<string> channel)
    {
        lock (gate)
        {
            feed.Boards.Remove(channel);
            channel.Writer.TryComplete();
            if (feed.Boards.Count == 0 && feeds.TryGetValue(feed.Place.Id, out var current) && current == feed)
            {
                feeds.Remove(feed.Place.Id);
                StopQuietly(feed.Stop);
            }
        }
    }

    private async Task RunAsync(Feed feed)
    {
        var ct = feed.Stop.Token;
        string? fingerprint = null;
        var rebuiltAt = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(PollEvery, time);
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var board = scope.ServiceProvider.GetRequiredService<PointBoard>();
                    var now = time.GetUtcNow();
                    var print = await board.FingerprintAsync(feed.Place.Id, ct);
                    if (print != fingerprint || now - rebuiltAt >= RebuildEvery)
                    {
                        var json = JsonSerializer.Serialize(await board.RunAsync(feed.Place, ct), Json);
                        (fingerprint, rebuiltAt) = (print, now);
                        Publish(feed, json);
                    }
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // A database hiccup: the boards keep what they show and the loop tries again next second.
                    LogPollFailed(logger, e, feed.Place.Code);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            feed.Stop.Dispose();
        }
    }

    private void Publish(Feed feed, string json)
    {
        lock (gate)
        {
            if (json == feed.Latest)
            {
                return;
            }

            feed.Latest = json;
            foreach (var board in feed.Boards)
            {
                board.Writer.TryWrite(json);
            }
        }
    }

    private static void StopQuietly(CancellationTokenSource stop)
    {
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The loop already ended (the app is stopping).
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the board of {Point} failed; trying again.")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string point);

    private sealed class Feed(ServicePlace place, CancellationTokenSource stop)
    {
        public ServicePlace Place { get; } = place;
        public CancellationTokenSource Stop { get; } = stop;
        public List<Channel<string>> Boards { get; } = [];
        public string? Latest { get; set; }
    }
}

/// <summary>One connected board: its latest board JSON to read; dispose when the board leaves.</summary>
internal sealed class BoardSubscription(ChannelReader<string> reader, Action leave) : IDisposable
{
    private int left;

    public ChannelReader<string> Reader { get; } = reader;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref left, 1) == 0)
        {
            leave();
        }
    }
}
