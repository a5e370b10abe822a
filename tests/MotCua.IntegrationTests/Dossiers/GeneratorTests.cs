extern alias cli;
using cli::MotCua.Cli.Generate;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers;
using MotCua.Dossiers.Jobs;
using MotCua.Dossiers.Processing;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>`motcua generate --open` writes consistent open dossiers (COPY on PostgreSQL) and the sweep then warns about every late one.</summary>
public abstract class GeneratorTests(MotCuaApp app)
{
    [Fact]
    public async Task Generated_open_dossiers_are_at_a_step_and_the_sweep_escalates_the_overdue_ones()
    {
        using (var scope = app.Services.CreateScope())
        {
            var written = await ActivatorUtilities.CreateInstance<DossierGenerator>(scope.ServiceProvider).RunAsync(300, seed: 7, _ => { }, CancellationToken.None, openOnly: true);
            written.ShouldBe(300);
        }

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SweepClocks>().RunAsync(CancellationToken.None);
        }

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
            var generated = await db.Set<Dossier>().AsNoTracking().Include(d => d.Tasks)
                .Where(d => d.ReceivedByName == "" && (d.Status == DossierStatus.Received || d.Status == DossierStatus.InProgress))
                .ToListAsync();
            generated.Count.ShouldBeGreaterThanOrEqualTo(300);
            generated.ShouldAllBe(d => d.Tasks.Count(t => t.State == TaskState.Open) == 1 && d.DueAt != null && d.SearchText.Length > 0);
            generated.Select(d => d.Code).Distinct().Count().ShouldBe(generated.Count);

            var now = DateTimeOffset.UtcNow;
            var late = generated.Where(d => d.DueAt < now).ToList();
            late.ShouldNotBeEmpty("a month of receptions with 1–15 working days leaves some late");
            late.ShouldAllBe(d => d.AlertLevel == 2);
            var ids = late.Select(d => d.Id).ToList();
            (await db.Set<DossierAlert>().CountAsync(a => ids.Contains(a.DossierId) && a.Kind == AlertKind.Overdue && a.TaskId == Guid.Empty)).ShouldBeGreaterThanOrEqualTo(late.Count);
        }
    }
}

[Collection("sqlite")]
public sealed class GeneratorOnSqlite(SqliteApp fixture) : GeneratorTests(fixture.App);

[Collection("postgres")]
public sealed class GeneratorOnPostgres(PostgresApp fixture) : GeneratorTests(fixture.App);
