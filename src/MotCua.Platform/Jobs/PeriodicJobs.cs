using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MotCua.Platform.Jobs;

/// <summary>
/// A job every node runs on a timer (the clock sweep, the appointment sweep, pruning). It must be safe on several
/// nodes at once — the database is the only coordinator (claims with FOR UPDATE SKIP LOCKED, conditional updates,
/// unique indexes) — and it runs in its own DI scope each time.
/// </summary>
public interface IPeriodicJob
{
    /// <summary>One run. Returns a line worth logging (what it did), or null when there was nothing to do.</summary>
    Task<string?> RunOnceAsync(CancellationToken ct);
}

/// <summary>The one loop of the periodic jobs: wait a tick, run the job in a fresh scope, log what it did or why it failed, go on.</summary>
public sealed class PeriodicJobRunner<TJob>(IServiceScopeFactory scopes, TimeProvider time, ILogger<TJob> log, TimeSpan interval) : BackgroundService
    where TJob : class, IPeriodicJob
{
    public TimeSpan Interval => interval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<TJob>().RunOnceAsync(stoppingToken) is { } done)
                {
                    log.LogInformation("{Job}: {Done}", typeof(TJob).Name, done);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "{Job} failed; it runs again at the next tick ({Interval}).", typeof(TJob).Name, interval);
            }
        }
    }
}

public static class PeriodicJobs
{
    /// <summary>Registers <typeparamref name="TJob"/> (scoped) and its loop; an interval of zero or less turns it off.</summary>
    public static IServiceCollection AddPeriodicJob<TJob>(this IServiceCollection services, TimeSpan interval)
        where TJob : class, IPeriodicJob
    {
        services.AddScoped<TJob>();
        services.AddHostedService(sp => new PeriodicJobRunner<TJob>(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TJob>>(), interval));
        return services;
    }
}
