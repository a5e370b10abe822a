using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Platform.Data;

/// <summary>
/// Chooses the provider from configuration: <c>MotCua:Database</c> = <c>sqlite</c> (default, a file in
/// <c>MotCua:DataDirectory</c>) or <c>postgres</c> (<c>ConnectionStrings:Postgres</c>).
/// </summary>
public static class DatabaseSetup
{
    public const string SqliteMigrations = "MotCua.Migrations.Sqlite";
    public const string PostgresMigrations = "MotCua.Migrations.Postgres";

    public static DatabaseProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["MotCua:Database"];
        return value?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException(
                $"MotCua:Database = '{value}' is not known; use 'sqlite' or 'postgres'."),
        };
    }

    public static string DataDirectory(IConfiguration configuration, string contentRoot)
    {
        var dir = configuration["MotCua:DataDirectory"];
        if (string.IsNullOrWhiteSpace(dir))
        {
            dir = "data";
        }

        return Path.GetFullPath(Path.IsPathRooted(dir) ? dir : Path.Combine(contentRoot, dir));
    }

    public static IServiceCollection AddMotCuaDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ProviderFrom(configuration);
        var dataDirectory = DataDirectory(configuration, contentRoot);
        services.AddSingleton(new DatabaseSettings(provider, dataDirectory));
        services.AddDbContext<MotCuaDb>(options => Configure(options, configuration, provider, dataDirectory));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, IConfiguration configuration, DatabaseProvider provider, string dataDirectory)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                var pg = configuration.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(pg))
                {
                    throw new InvalidOperationException(
                        "MotCua:Database is 'postgres' but ConnectionStrings:Postgres is empty; set ConnectionStrings__Postgres.");
                }

                options.UseNpgsql(pg, o => o.MigrationsAssembly(PostgresMigrations));
                break;
            default:
                var sqlite = configuration.GetConnectionString("Sqlite");
                if (string.IsNullOrWhiteSpace(sqlite))
                {
                    Directory.CreateDirectory(dataDirectory);
                    sqlite = $"Data Source={Path.Combine(dataDirectory, "motcua.db")}";
                }

                options.UseSqlite(sqlite, o => o.MigrationsAssembly(SqliteMigrations));
                break;
        }
    }
}

public sealed record DatabaseSettings(DatabaseProvider Provider, string DataDirectory);
