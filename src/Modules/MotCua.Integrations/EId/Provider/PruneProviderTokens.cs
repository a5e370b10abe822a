using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace MotCua.Integrations.EId.Provider;

/// <summary>
/// Removes the bundled provider's spent codes, tokens and ad-hoc authorizations (a day after their creation), once an
/// hour; without it portal_oidc_tokens would grow with every sign-in. Safe on several nodes (plain deletes).
/// </summary>
internal sealed class PruneProviderTokens(IServiceScopeFactory scopes, TimeProvider time, ILogger<PruneProviderTokens> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Pruning the identity provider's tokens failed; it is tried again in an hour");
            }
        }
    }

    public async Task PruneAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var threshold = time.GetUtcNow() - KeepFor;
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, ct);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, ct);
        log.LogInformation("Identity provider pruned: {Tokens} tokens, {Authorizations} authorizations", tokens, authorizations);
    }
}
