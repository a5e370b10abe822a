extern alias cli;
using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using cli::MotCua.Cli;
using cli::MotCua.Cli.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Time;

namespace MotCua.IntegrationTests.Platform;

/// <summary>
/// The audit trail nobody can quietly rewrite, on the real database: sealed and chained by the job, verified by the same
/// class from the console and the page, a line altered or deleted behind the app's back (triggers bypassed) named at its
/// number, the triggers refusing the change in the first place — and the reads that used to be invisible on the trail.
/// </summary>
public abstract partial class AuditTrailTests(MotCuaApp app)
{
    [Fact]
    public async Task An_intact_trail_verifies_in_the_console_and_on_the_page()
    {
        using var admin = await app.SignedInAsync("admin");
        var verdict = await VerifyAsync();
        verdict.Intact.ShouldBeTrue(verdict.Summary);
        verdict.Sealed.ShouldBeGreaterThan(0);
        verdict.Checkpoints.ShouldBeGreaterThanOrEqualTo(1, "the first sealing run of the day signs its checkpoint");

        var (code, output, errors) = await ConsoleAsync();
        code.ShouldBe(AuditCommand.Intact, errors);
        output.ShouldStartWith("Nhật ký kiểm toán nguyên vẹn:");

        var page = await admin.GetAsync("/admin/audit?verify=1");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Nguyên vẹn");
        html.ShouldContain("Nhật ký kiểm toán nguyên vẹn:");
    }

    [Fact]
    public async Task A_line_altered_in_the_database_is_named_at_its_number_until_it_is_put_back()
    {
        var line = await SealedLineWithOthersAfterAsync();
        var number = line.Sequence!.Value;
        await BypassingTriggersAsync(db => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET \"Subject\" = {"dossier:SUA-TRAI-PHEP"} WHERE \"Sequence\" = {number}"));
        try
        {
            var broken = (await VerifyAsync()).FirstBreak.ShouldNotBeNull();
            broken.Sequence.ShouldBe(number);
            broken.At!.Value.ShouldBe(line.At, TimeSpan.FromMilliseconds(1));
            broken.What.ShouldContain("nội dung đã bị sửa sau khi niêm phong");

            var (code, _, errors) = await ConsoleAsync();
            code.ShouldBe(AuditCommand.Broken);
            errors.ShouldContain($"Nhật ký kiểm toán bị phá vỡ tại bản ghi số {Number(number)} ({VietnamTime.ToLocal(line.At):dd/MM/yyyy HH:mm}): nội dung đã bị sửa");

            using var auditor = await app.SignedInAsync("thanhtra");
            var html = await auditor.GetStringAsync("/admin/audit?verify=1");
            html.ShouldContain("Bị phá vỡ");
            html.ShouldContain($"bản ghi số {Number(number)}");
        }
        finally
        {
            await BypassingTriggersAsync(db => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET \"Subject\" = {line.Subject} WHERE \"Sequence\" = {number}"));
        }

        (await VerifyAsync()).Intact.ShouldBeTrue("put back as it was, the line links again");
    }

    [Fact]
    public async Task A_deleted_line_is_named_by_its_missing_number_until_it_is_put_back()
    {
        var line = await SealedLineWithOthersAfterAsync();
        var number = line.Sequence!.Value;
        await BypassingTriggersAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM audit_entries WHERE \"Sequence\" = {number}"));
        try
        {
            var broken = (await VerifyAsync()).FirstBreak.ShouldNotBeNull();
            broken.Sequence.ShouldBe(number);
            broken.What.ShouldBe($"thiếu bản ghi số {number} (sau số {number - 1} là số {number + 1}): bản ghi đã bị xóa.");
            (await ConsoleAsync()).Code.ShouldBe(AuditCommand.Broken);
        }
        finally
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
            db.AuditEntries.Add(line);
            await db.SaveChangesAsync();
        }

        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_line_or_a_checkpoint()
    {
        var line = await SealedLineWithOthersAfterAsync();
        var number = line.Sequence!.Value;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();

        (await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET \"Details\" = {"sửa"} WHERE \"Sequence\" = {number}")))
            .Message.ShouldContain("append-only");
        (await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET \"Sequence\" = NULL, \"Hash\" = NULL, \"PreviousHash\" = NULL WHERE \"Sequence\" = {number}")))
            .Message.ShouldContain("append-only");
        (await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlAsync($"DELETE FROM audit_entries WHERE \"Sequence\" = {number}")))
            .Message.ShouldContain("append-only");
        (await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlAsync($"UPDATE audit_checkpoints SET \"LastSequence\" = 0")))
            .Message.ShouldContain("append-only");
        (await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlAsync($"DELETE FROM audit_checkpoints")))
            .Message.ShouldContain("append-only");
        if (!db.IsSqlite)
        {
            (await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlAsync($"TRUNCATE audit_entries"))).Message.ShouldContain("append-only");
        }

        // Not even a line waiting for its seal: its content is what the request wrote.
        var subject = $"test:{Guid.NewGuid():N}";
        scope.ServiceProvider.GetRequiredService<AuditTrail>().Record("test.line", subject);
        await db.SaveChangesAsync();
        (await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET \"Details\" = {"sửa"} WHERE \"Subject\" = {subject}")))
            .Message.ShouldContain("append-only");

        (await VerifyAsync()).Intact.ShouldBeTrue();
    }

    [Fact]
    public async Task The_audit_page_is_for_administrators_and_auditors_who_search_the_trail()
    {
        var anonymous = await app.Client().GetAsync("/admin/audit");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.OriginalString.ShouldContain("/account/login");
        using var specialist = await app.SignedInAsync("chuyenvien");
        var refused = await specialist.GetAsync("/admin/audit");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/account/access-denied");

        using var auditor = await app.SignedInAsync("thanhtra");
        var html = await auditor.GetStringAsync("/admin/audit?subject=staff%3Athanhtra&kind=sign-in");
        html.ShouldContain("staff.signed-in");
        html.ShouldContain("href=\"/admin/audit\"", customMessage: "the auditor sees the link in the navigation");
        LocalTime().IsMatch(html).ShouldBeTrue("times read dd/MM/yyyy HH:mm");
        html.ShouldNotContain("<code>staff.signed-out</code>", customMessage: "only sign-in lines of thanhtra");
        (await auditor.GetStringAsync("/admin/audit?actor=thanhtra&action=queue.")).ShouldContain("Không có bản ghi nào phù hợp.");

        var badDate = await auditor.GetAsync("/admin/audit?from=31/02/2026");
        badDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badDate.Content.ReadAsStringAsync()).ShouldContain("không hợp lệ");
        (await auditor.GetAsync("/admin/audit?from=2026-12-08&to=2026-12-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Reading the trail is on the trail.
        (await app.AuditAsync("audit-trail")).ShouldContain(a => a.Action == "audit.searched" && a.ActorName == "thanhtra" && a.Details!.Contains("subject=staff:thanhtra"));
    }

    [Fact]
    public async Task A_registry_lookup_at_the_counter_the_waiting_list_and_an_upload_are_on_the_trail()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        (await officer.GetAsync($"/reception?procedure={Reception.BirthRegistration}&id=001078000003")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lookup = (await app.AuditAsync("citizen:001078000003")).Last(a => a.Action == "registry.lookup");
        lookup.Kind.ShouldBe(AuditKind.Read);
        lookup.ActorName.ShouldBe("tiepnhan");
        lookup.Details.ShouldBe($"Tiếp nhận hồ sơ tại quầy: thủ tục {Reception.BirthRegistration}; có trong CSDL dân cư");

        (await officer.GetFromJsonAsync<JsonElement>("/api/v1/dossiers/waiting")).ValueKind.ShouldBe(JsonValueKind.Array);
        (await app.AuditAsync("waiting-list:online")).ShouldContain(a => a.Action == "dossier.waiting-list.read" && a.Kind == AuditKind.Read && a.ActorName == "tiepnhan");

        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "giay-to.pdf");
        (await app.AuditAsync($"file:{sha}")).ShouldContain(a => a.Action == "attachment.uploaded" && a.ActorName == "tiepnhan" && a.Details!.StartsWith("giay-to.pdf; application/pdf"));
    }

    [Fact]
    public async Task The_console_verifies_an_empty_freshly_migrated_database()
    {
        var settings = new Dictionary<string, string?> { ["DOTNET_ENVIRONMENT"] = "Development" };
        var folder = Path.Combine(Path.GetTempPath(), $"motcua-audit-empty-{Guid.NewGuid():N}");
        if (app.Provider == DatabaseProvider.Postgres)
        {
            settings["MotCua:Database"] = "postgres";
            settings["ConnectionStrings:Postgres"] = await PostgresServer.CreateDatabaseAsync("motcua_audit");
        }
        else
        {
            settings["MotCua:Database"] = "sqlite";
            settings["MotCua:DataDirectory"] = folder;
        }

        try
        {
            var (code, output, errors) = await ConsoleAsync(settings);
            code.ShouldBe(AuditCommand.Intact, errors);
            output.ShouldStartWith("Nhật ký kiểm toán nguyên vẹn: 0 bản ghi đã niêm phong, 1 điểm kiểm tra đã ký");

            // Without a key outside Development the console cannot verify, and says which setting is missing.
            settings["DOTNET_ENVIRONMENT"] = "Production";
            var (refused, _, why) = await ConsoleAsync(settings);
            refused.ShouldBe(AuditCommand.CannotVerify);
            why.ShouldContain("MotCua:Audit:CheckpointKey is not set");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>What the page and the console run: seal, then walk the chain and the checkpoints.</summary>
    private async Task<AuditVerdict> VerifyAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<VerifyAuditTrail>().RunAsync(CancellationToken.None);
    }

    /// <summary>`motcua audit verify` with the console's own services, pointed at a database.</summary>
    private async Task<(int Code, string Output, string Errors)> ConsoleAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        await using var services = CliHost.Build(settings ?? app.ConsoleSettings);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await AuditCommand.VerifyAsync(services, output, errors, CancellationToken.None);
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>A sealed line with at least two sealed lines after it (a few are written first).</summary>
    private async Task<AuditEntry> SealedLineWithOthersAfterAsync()
    {
        using (var scope = app.Services.CreateScope())
        {
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            for (var i = 0; i < 3; i++)
            {
                audit.Record("test.line", $"test:{Guid.NewGuid():N}", $"dòng thử {i}");
            }

            await scope.ServiceProvider.GetRequiredService<MotCuaDb>().SaveChangesAsync();
        }

        (await VerifyAsync()).Intact.ShouldBeTrue();
        using (var scope = app.Services.CreateScope())
        {
            return await scope.ServiceProvider.GetRequiredService<MotCuaDb>().AuditEntries.AsNoTracking()
                .Where(e => e.Sequence != null).OrderByDescending(e => e.Sequence).Skip(2).FirstAsync();
        }
    }

    /// <summary>
    /// What someone with write access to the database could do: the append-only triggers set aside (dropped and created
    /// again on SQLite, disabled on PostgreSQL) for one transaction.
    /// </summary>
    private async Task BypassingTriggersAsync(Func<MotCuaDb, Task> tamper)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (db.IsSqlite)
        {
            var triggers = await db.Database.SqlQuery<string>($"SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_entries'").ToListAsync();
            triggers.Count.ShouldBe(2);
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_delete");
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_seal_once");
            await tamper(db);
            foreach (var sql in triggers)
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries DISABLE TRIGGER USER");
            await tamper(db);
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_entries ENABLE TRIGGER USER");
        }

        await transaction.CommitAsync();
    }

    private static string Number(long n) => n.ToString("#,0", VietnamTime.Culture);

    [GeneratedRegex(@"<strong>\d{2}/\d{2}/\d{4} \d{2}:\d{2}</strong>")]
    private static partial Regex LocalTime();
}

[Collection("sqlite")]
public sealed class AuditTrailOnSqlite(SqliteApp fixture) : AuditTrailTests(fixture.App);

[Collection("postgres")]
public sealed class AuditTrailOnPostgres(PostgresApp fixture) : AuditTrailTests(fixture.App);
