using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.Platform.Data;

namespace MotCua.Platform.Startup;

/// <summary>
/// Migrates the database and runs the seeders, once per start. On PostgreSQL several nodes may start
/// together: EF Core's migration lock and an advisory lock around the seeders make them take turns.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, Readiness readiness, ILogger<DatabaseInitializer> log)
{
    private const long SeedLockKey = 0x4D6F74437561; // "MotCua"

    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        await db.Database.MigrateAsync(ct);
        if (db.IsSqlite)
        {
            // Readers do not block the writer (reception codes are issued in write transactions).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        log.LogInformation("Database migrated ({Provider})", db.Database.ProviderName);
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var isPostgres = !db.IsSqlite;
        if (isPostgres)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({SeedLockKey})", ct);
        }

        try
        {
            foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(ct);
            }
        }
        finally
        {
            if (isPostgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({SeedLockKey})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }

        log.LogInformation("Database seeded");
    }

    public async Task RunAsync(CancellationToken ct)
    {
        await MigrateAsync(ct);
        await SeedAsync(ct);
        readiness.MarkReady();
    }
}

/// <summary>Set once the database is migrated and seeded; /health/ready reports it.</summary>
public sealed class Readiness
{
    private volatile bool ready;

    public bool IsReady => ready;

    public void MarkReady() => ready = true;
}
