using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Startup;

namespace MotCua.Cli.Database;

internal static class DatabaseCommands
{
    public static Command Migrate()
    {
        var command = new Command("migrate", "Apply the database migrations (SQLite or PostgreSQL, as configured).");
        command.SetAction(async (_, ct) =>
        {
            await using var services = CliHost.Build();
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            Console.WriteLine("Database migrated.");
            return 0;
        });
        return command;
    }

    public static Command Seed()
    {
        var command = new Command("seed", "Migrate, then load the seed data (administrative units, network, demo staff, catalog) where missing.");
        command.SetAction(async (_, ct) =>
        {
            await using var services = CliHost.Build();
            var initializer = services.GetRequiredService<DatabaseInitializer>();
            await initializer.MigrateAsync(ct);
            await initializer.SeedAsync(ct);
            Console.WriteLine("Database seeded.");
            return 0;
        });
        return command;
    }
}
