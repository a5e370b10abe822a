using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers;
using MotCua.Dossiers.Processes;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Platform;

/// <summary>
/// Races the app expects and handles (twins with one Idempotency-Key, two first dossiers of a version without a
/// process) end well without an error in the log: an operator reading errors must not learn to ignore them.
/// </summary>
public abstract class UniqueConflictLogTests(MotCuaApp app)
{
    [Fact]
    public async Task Twin_receptions_with_one_key_give_one_dossier_and_log_no_error()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var sha = await Reception.UploadAsync(officer, Reception.PdfWith($"race {Guid.NewGuid()}"), "to-khai.pdf");
        var request = Reception.Request(sha: sha);
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync();
        var mark = app.Logs.Mark;

        var codes = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 6), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (_, ct) =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers") { Content = JsonContent.Create(request) };
            message.Headers.Add("Idempotency-Key", key);
            using var response = await officer.SendAsync(message, ct);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
            codes.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString()!);
        });

        codes.Distinct().ShouldHaveSingleItem();
        (await CountAsync()).ShouldBe(before + 1);
        app.Logs.ErrorsSince(mark).ShouldBeEmpty();
    }

    [Fact]
    public async Task Twin_first_uses_of_a_version_store_one_default_process_and_log_no_error()
    {
        string code;
        int version;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
            var used = await db.Set<ProcessDefinition>().Select(d => d.ProcedureCode).Distinct().ToListAsync();
            var procedure = await db.Set<MotCua.Catalog.Procedures.Procedure>().Where(p => !used.Contains(p.Code)).OrderBy(p => p.Code).FirstAsync();
            (code, version) = (procedure.Code, procedure.CurrentVersion);
        }

        var mark = app.Logs.Mark;
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 6), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (_, ct) =>
        {
            using var scope = app.Services.CreateScope();
            ids.Add((await scope.ServiceProvider.GetRequiredService<ProcessCatalog>().CurrentAsync(code, version, ct)).Id);
        });

        ids.Distinct().ShouldHaveSingleItem();
        using (var scope = app.Services.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<ProcessDefinition>().CountAsync(d => d.ProcedureCode == code && d.ProcedureVersion == version)).ShouldBe(1);
        }

        app.Logs.ErrorsSince(mark).ShouldBeEmpty();
    }

    private async Task<int> CountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<Dossier>().CountAsync();
    }
}

[Collection("sqlite")]
public sealed class UniqueConflictLogOnSqlite(SqliteApp fixture) : UniqueConflictLogTests(fixture.App);

[Collection("postgres")]
public sealed class UniqueConflictLogOnPostgres(PostgresApp fixture) : UniqueConflictLogTests(fixture.App);
