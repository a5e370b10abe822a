using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Data;
using MotCua.Platform.Startup;

namespace MotCua.Cli.Generate;

internal static class GenerateCommand
{
    /// <summary>Roughly what one generated dossier takes on disk with its timeline row and indexes.</summary>
    private const long BytesPerDossier = 2_500;

    public static Command Create()
    {
        var dossiers = new Option<int>("--dossiers") { Description = "How many dossiers to write.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed (the same seed gives the same data).", DefaultValueFactory = _ => 1 };
        var open = new Option<bool>("--open") { Description = "Only open dossiers received in the last 30 days, each at a step with its due instant (the clock-sweep benchmark's load)." };
        var command = new Command("generate", "Write plausible dossiers (real procedures, wards, channels, statuses, timelines) for load tests and demos.") { dossiers, seed, open };
        command.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(dossiers);
            if (count <= 0)
            {
                await Console.Error.WriteLineAsync("motcua: --dossiers must be a positive number.");
                return 2;
            }

            await using var services = CliHost.Build();
            var settings = services.GetRequiredService<DatabaseSettings>();
            var free = new DriveInfo(Path.GetPathRoot(settings.DataDirectory) ?? "/").AvailableFreeSpace;
            if (free < count * BytesPerDossier * 2)
            {
                await Console.Error.WriteLineAsync($"motcua: --dossiers: {count:N0} dossiers need about {count * BytesPerDossier / 1_000_000:N0} MB; only {free / 1_000_000:N0} MB free (df).");
                return 2;
            }

            var initializer = services.GetRequiredService<DatabaseInitializer>();
            await initializer.MigrateAsync(ct);
            await initializer.SeedAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var watch = Stopwatch.StartNew();
            var written = await scope.ServiceProvider.GetRequiredService<DossierGenerator>()
                .RunAsync(count, parse.GetValue(seed), line => Console.Error.Write($"\r{line}"), ct, parse.GetValue(open));
            Console.Error.WriteLine();
            Console.WriteLine($"generated: {written} dossiers in {watch.Elapsed.TotalSeconds:0.0} s ({written / Math.Max(0.001, watch.Elapsed.TotalSeconds):N0}/s, {settings.Provider})");
            return 0;
        });
        return command;
    }
}
