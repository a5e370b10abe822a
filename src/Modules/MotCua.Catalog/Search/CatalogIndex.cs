using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog.Procedures;
using MotCua.Platform.Data;

namespace MotCua.Catalog.Search;

/// <summary>
/// The node's in-memory search index over the current procedure versions (see docs/adr/0003). Loaded on
/// first use, reloaded at once after an import or edit on this node, and checked against the database's
/// catalog revision (count + last update) at most every <see cref="RevisionCheckInterval"/> so edits on
/// other nodes show up within that time.
/// </summary>
internal sealed class CatalogIndex(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan RevisionCheckInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ProcedureSearchIndex index = new();
    private (int Count, DateTimeOffset? Last) revision = (-1, null);
    private DateTimeOffset checkedAt = DateTimeOffset.MinValue;

    public async ValueTask<ProcedureSearchIndex> GetAsync(CancellationToken ct)
    {
        if (revision.Count >= 0 && time.GetUtcNow() - checkedAt < RevisionCheckInterval)
        {
            return index;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (revision.Count < 0 || time.GetUtcNow() - checkedAt >= RevisionCheckInterval)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
                var current = await RevisionAsync(db, ct);
                if (current != revision)
                {
                    await LoadAsync(db, current, ct);
                }

                checkedAt = time.GetUtcNow();
            }
        }
        finally
        {
            gate.Release();
        }

        return index;
    }

    public void Dispose() => gate.Dispose();

    public async Task ReloadAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
            await LoadAsync(db, await RevisionAsync(db, ct), ct);
            checkedAt = time.GetUtcNow();
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<(int, DateTimeOffset?)> RevisionAsync(MotCuaDb db, CancellationToken ct)
    {
        var procedures = db.Set<Procedure>();
        var count = await procedures.CountAsync(ct);
        var last = count == 0 ? null : await procedures.MaxAsync(p => (DateTimeOffset?)p.UpdatedAt, ct);
        return (count, last);
    }

    private async Task LoadAsync(MotCuaDb db, (int, DateTimeOffset?) current, CancellationToken ct)
    {
        var rows = await db.Set<Procedure>().AsNoTracking()
            .Select(p => new { p.Code, p.Name, p.Field, p.Levels, p.Ministry, p.Detail })
            .ToListAsync(ct);
        index.Replace(rows.Select(r => new SearchEntry(r.Code, r.Name, r.Field, r.Levels.Split('|', StringSplitOptions.RemoveEmptyEntries), r.Ministry, r.Detail)));
        revision = current;
    }
}
