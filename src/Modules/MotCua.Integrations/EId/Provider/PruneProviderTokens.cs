using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Jobs;
using OpenIddict.Abstractions;

namespace MotCua.Integrations.EId.Provider;

/// <summary>
/// Removes the bundled provider's spent codes, tokens and ad-hoc authorizations (a day after their creation), once an
/// hour; without it portal_oidc_tokens would grow with every sign-in. Safe on several nodes (plain deletes).
/// </summary>
internal sealed class PruneProviderTokens(IServiceScopeFactory scopes, TimeProvider time) : IPeriodicJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    async Task<string?> IPeriodicJob.RunOnceAsync(CancellationToken ct) => await PruneAsync(ct);

    public async Task<string> PruneAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var threshold = time.GetUtcNow() - KeepFor;
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, ct);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, ct);
        return $"pruned {tokens} tokens, {authorizations} authorizations";
    }
}
