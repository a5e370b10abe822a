using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Errors;
using MotCua.Platform.Http;

namespace MotCua.Queues.Board;

internal static class BoardEndpoints
{
    /// <summary>A comment line this often keeps proxies from closing a quiet stream; a ping event lets the page see it is alive.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static IServiceCollection AddBoard(this IServiceCollection services)
    {
        services.AddScoped<PointBoard>();
        services.AddSingleton<BoardHub>();
        return services;
    }

    public static void MapBoard(this RouteGroupBuilder api)
    {
        api.MapGet("/points/{point}/board", (string point, PointBoard board, CancellationToken ct) => board.RunAsync(point, ct).ToHttp())
            .RequireRateLimiting(RateLimits.PublicLookup)
            .WithSummary("The waiting-room board of a point now: the latest call and its announcement, the last calls with their counters, the waiting count per service group.");

        api.MapGet("/points/{point}/board/events", StreamAsync)
            .WithSummary("The board as server-sent events: `event: board` with the board's JSON at once and on every change, a heartbeat every 15 s. EventSource reconnects by itself.");
    }

    private static async Task StreamAsync(string point, HttpContext http, OrgDirectory org, BoardHub hub, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        var place = await org.ServicePlaceAsync(point, http.RequestAborted);
        if (place is null)
        {
            await Error.NotFound($"điểm phục vụ \"{point}\"").ToProblem().ExecuteAsync(http);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var ct = stop.Token;
        var response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";

        using var subscription = hub.Subscribe(place);
        try
        {
            // Reconnect after 3 s when the connection drops.
            await WriteAsync(response, "retry: 3000\n: connected\n\n", ct);
            Task<bool>? next = null;
            while (!ct.IsCancellationRequested)
            {
                next ??= subscription.Reader.WaitToReadAsync(ct).AsTask();
                var beat = Task.Delay(Heartbeat, time, ct);
                if (await Task.WhenAny(next, beat) == next)
                {
                    if (!await next)
                    {
                        break;
                    }

                    next = null;
                    while (subscription.Reader.TryRead(out var json))
                    {
                        await WriteAsync(response, $"event: board\ndata: {json}\n\n", ct);
                    }
                }
                else
                {
                    await beat;
                    await WriteAsync(response, $": heartbeat\nevent: ping\ndata: {time.GetUtcNow().ToUnixTimeSeconds()}\n\n", ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The board left (or the app is stopping).
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken ct)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
        await response.Body.FlushAsync(ct);
    }
}
