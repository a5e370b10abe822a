using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers;
using MotCua.Dossiers.Jobs;
using MotCua.Dossiers.Processing;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.WorkingCalendar;
using MotCua.Platform.Data;
using MotCua.Platform.Startup;

namespace MotCua.Cli.Sweep;

/// <summary>
/// `motcua sweep`: the clock sweep the web app runs every minute, run here by hand (and timed) with the real
/// clock: the first run raises the due-soon and overdue warnings, later runs show the steady state.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var repeat = new Option<int>("--repeat") { Description = "How many sweeps to run one after the other (one line each).", DefaultValueFactory = _ => 1 };
        var command = new Command("sweep", "Check the clocks of all open dossiers and their steps once and raise the due-soon and overdue warnings (timed).") { repeat };
        command.SetAction(async (parse, ct) =>
        {
            var runs = parse.GetValue(repeat);
            if (runs <= 0)
            {
                await Console.Error.WriteLineAsync("motcua: --repeat must be a positive number.");
                return 2;
            }

            await using var services = CliHost.Build();
            var initializer = services.GetRequiredService<DatabaseInitializer>();
            await initializer.MigrateAsync(ct);
            await initializer.SeedAsync(ct);
            for (var run = 0; run < runs; run++)
            {
                await using var scope = services.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                var db = sp.GetRequiredService<MotCuaDb>();

                // Counted before the timing: what the sweep had to look at, not part of its cost.
                var openDossiers = await db.Set<Dossier>().CountAsync(d => d.Status == DossierStatus.Received || d.Status == DossierStatus.InProgress, ct);
                var openSteps = await db.Set<DossierTask>().CountAsync(t => t.State == TaskState.Open, ct);

                var sweep = new SweepClocks(db, sp.GetRequiredService<CalendarProvider>(), sp.GetRequiredService<OrgDirectory>(), TimeProvider.System);
                var watch = Stopwatch.StartNew();
                var report = await sweep.RunAsync(ct);
                watch.Stop();
                var seconds = watch.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"sweep: {openDossiers:N0} open dossiers, {openSteps:N0} open steps checked in {seconds:0.000} s ({openDossiers / Math.Max(0.001, seconds):N0}/s); raised due-soon {report.DueSoon:N0}, overdue {report.Overdue:N0}, steps due-soon {report.StepsDueSoon:N0}, steps overdue {report.StepsOverdue:N0}"));
            }

            return 0;
        });
        return command;
    }
}
