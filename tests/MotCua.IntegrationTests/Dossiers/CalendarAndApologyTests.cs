using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers;
using MotCua.Dossiers.Jobs;
using MotCua.Dossiers.Processing;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.WorkingCalendar;
using MotCua.Platform.Data;
using MotCua.Platform.Startup;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>
/// Issue 16, time rules: the corrected 2026 calendar reaching an existing database, provisional dates across a
/// year not announced (and nothing issued recomputed when it is entered), the late apology, and warning
/// thresholds scaled to the budget.
/// </summary>
public abstract class CalendarAndApologyTests(MotCuaApp app)
{
    private const string OneDay = Reception.BirthRegistration;  // 1 working day
    private const string FifteenDays = "1.012533";               // 15 working days, 4 documents
    private const string ThirtyDays = "1.003347";                // 30 working days, 6 documents

    [Fact]
    public async Task A_database_seeded_before_the_correction_gets_the_make_up_Saturday_and_the_legal_basis_without_losing_administrator_edits()
    {
        var provider = app.Services.GetRequiredService<CalendarProvider>();
        using (var scope = app.Services.CreateScope())
        {
            // As a database seeded from the old file: no 10/1/2026, no legal basis column values.
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
            await db.Set<CalendarDay>().Where(d => d.Date == new DateOnly(2026, 1, 10)).ExecuteDeleteAsync();
            await db.Set<CalendarDay>().Where(d => d.Date.Year == 2026).ExecuteUpdateAsync(u => u.SetProperty(d => d.LegalBasisVi, ""));
        }

        // An administrator removed the make-up Saturday 22/8/2026 (on the audit trail): the seeder must not bring it back.
        using var admin = await app.SignedInAsync("admin");
        (await admin.DeleteAsync("/api/v1/calendar/days/2026-08-22?legalDocument=Th%C3%B4ng%20b%C3%A1o%20th%E1%BB%AD")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        provider.Invalidate();
        (await provider.ClockAsync(CancellationToken.None)).Calendar.IsWorkingDay(new DateOnly(2026, 1, 10)).ShouldBeFalse("the old data");

        try
        {
            await SeedCalendarAsync();
            provider.Invalidate();
            var clock = await provider.ClockAsync(CancellationToken.None);
            clock.Calendar.IsWorkingDay(new DateOnly(2026, 1, 10)).ShouldBeTrue("the bundled correction reached the database");
            clock.Calendar.IsWorkingDay(new DateOnly(2026, 1, 2)).ShouldBeFalse();
            clock.Calendar.IsWorkingDay(new DateOnly(2026, 8, 22)).ShouldBeFalse("an administrator's removal is kept");
            var due = clock.DueAt(new DateTimeOffset(2026, 1, 8, 9, 0, 0, TimeSpan.FromHours(7)), MotCua.Calendar.Clock.ClockBudget.WorkingDays(2));
            due.ShouldBe(new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.FromHours(7)), "a deadline across the swap counts Saturday 10/1");

            using var client = app.Client();
            var year = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2026");
            var days = year.GetProperty("days").EnumerateArray().ToList();
            days.ShouldAllBe(d => d.GetProperty("legalBasisVi").GetString()!.Length > 0);
            days.Single(d => d.GetProperty("date").GetString() == "2026-01-10").GetProperty("legalBasisVi").GetString()!.ShouldStartWith("Thông báo của Bộ Nội vụ ngày 25/12/2025");
            (await client.GetStringAsync("/api/v1/calendar/2026")).ShouldNotContain("24h.com.vn", Case.Insensitive, "the research notes are never served");

            var page = await admin.GetStringAsync("/admin/calendar?year=2026");
            page.ShouldContain("Thông báo của Bộ Nội vụ ngày 25/12/2025");
            page.ShouldNotContain("24h.com.vn");
            page.ShouldContain("data-year-status=\"announced\"");
            (await app.AuditAsync("calendar:2026-01-10")).ShouldContain(e => e.Action == "calendar.day.added" && e.ActorName == "system");

            await SeedCalendarAsync();
            (await app.AuditAsync("calendar:2026-01-10")).Count(e => e.Action == "calendar.day.added").ShouldBe(1, "the seeder is idempotent");
        }
        finally
        {
            var back = await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2026-08-22", kind = "MakeUpWorkingDay", nameVi = "Ngày làm bù (cho ngày nghỉ 31/08/2026)", legalDocument = "Thông báo của Bộ Nội vụ về hoán đổi ngày làm việc dịp Quốc khánh 2/9/2026" });
            back.StatusCode.ShouldBe(HttpStatusCode.NoContent, await back.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_date_across_a_year_not_announced_is_provisional_everywhere_and_stays_as_issued_when_the_year_is_entered()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        using var admin = await app.SignedInAsync("admin");
        var provider = app.Services.GetRequiredService<CalendarProvider>();
        var code = await ReceiveAsync(officer, ThirtyDays, 6);
        var d = await DossierAsync(officer, code);
        var due = d.GetProperty("dueAt").GetDateTimeOffset();
        var dueYear = due.ToOffset(TimeSpan.FromHours(7)).Year;
        var clock = await provider.ClockAsync(CancellationToken.None);
        clock.Calendar.Arrangements.IsAnnounced(dueYear).ShouldBeFalse($"{dueYear} has no entered arrangement in the test database");

        d.GetProperty("dueProvisional").GetBoolean().ShouldBeTrue();
        d.GetProperty("originalDueProvisional").GetBoolean().ShouldBeTrue();
        var page = await officer.GetStringAsync($"/dossiers/{code}");
        page.ShouldContain("data-provisional");
        page.ShouldContain($"TẠM TÍNH: lịch nghỉ năm {dueYear} chưa được công bố");
        var slip = PdfText(await officer.GetByteArrayAsync($"/dossiers/{code}/slip.pdf"));
        slip.ShouldContain("Ngày hẹn tạm tính");
        (await admin.GetStringAsync($"/admin/calendar?year={dueYear}")).ShouldContain("data-year-status=\"computed\"");

        // A dossier whose dates stay inside announced years is not provisional.
        var oneDay = await DossierAsync(officer, await ReceiveAsync(officer, OneDay, 5));
        var oneDayDue = oneDay.GetProperty("dueAt").GetDateTimeOffset();
        oneDay.GetProperty("dueProvisional").GetBoolean().ShouldBe(!clock.Calendar.Arrangements.IsAnnounced(oneDayDue.ToOffset(TimeSpan.FromHours(7)).Year));

        // The government announces the year: a weekday before the due date becomes a swapped day off.
        var local = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).Date);
        var day = new DateOnly(dueYear, 1, 1) > local ? new DateOnly(dueYear, 1, 1) : local.AddDays(1);
        while (!clock.Calendar.IsWorkingDay(day) || day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        day.ShouldBeLessThan(DateOnly.FromDateTime(due.ToOffset(TimeSpan.FromHours(7)).Date));
        try
        {
            var added = await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), kind = "SwappedDayOff", nameVi = "Nghỉ hoán đổi (thử)", legalDocument = "Thông báo 1/TB-BNV (thử)" });
            added.StatusCode.ShouldBe(HttpStatusCode.NoContent, await added.Content.ReadAsStringAsync());
            var now = await provider.ClockAsync(CancellationToken.None);
            now.Calendar.Arrangements.IsAnnounced(dueYear).ShouldBeTrue();

            var after = await DossierAsync(officer, code);
            after.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(due, "nothing already issued is recomputed");
            after.GetProperty("dueProvisional").GetBoolean().ShouldBeTrue("the date given stays flagged provisional");
            after.GetProperty("originalDueProvisional").GetBoolean().ShouldBeTrue();
            var afterPage = await officer.GetStringAsync($"/dossiers/{code}");
            afterPage.ShouldContain("data-provisional");
            afterPage.ShouldContain("Ngày hẹn đã ghi cho hồ sơ", Case.Sensitive, "the explanation shows the kept date next to the recomputed one");
            PdfText(await officer.GetByteArrayAsync($"/dossiers/{code}/slip.pdf")).ShouldContain("Ngày hẹn tạm tính");

            // A dossier received now uses the announced year and is not provisional for it.
            var fresh = await DossierAsync(officer, await ReceiveAsync(officer, ThirtyDays, 6));
            fresh.GetProperty("dueProvisional").GetBoolean().ShouldBeFalse();
            fresh.GetProperty("dueAt").GetDateTimeOffset().ShouldBeGreaterThan(due, "the new day off counts for new dossiers");
        }
        finally
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<CalendarDay>().Where(x => x.Date.Year == dueYear).ExecuteDeleteAsync();
            provider.Invalidate();
        }
    }

    [Fact]
    public async Task An_apology_less_than_one_working_day_before_the_due_instant_is_allowed_recorded_late_shown_and_counted()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        using var leader = await app.SignedInAsync("lanhdao");

        // In time: a fifteen-day dossier (decided by the commune police) extended right after reception by the director.
        using var director = await app.SignedInAsync("giamdoc");
        var inTime = await ReceiveAsync(officer, FifteenDays, 4);
        (await director.PostAsJsonAsync($"/api/v1/dossiers/{inTime}/extensions", new { workingDays = 2, reason = "Chờ xác minh", legalBasis = "Điều 19 NĐ 118/2025" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await DossierAsync(officer, inTime)).GetProperty("apologyLate").GetBoolean().ShouldBeFalse();

        // Late: the due instant has come.
        var late = await ReceiveAsync(officer, OneDay, 5);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
            var past = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.Set<Dossier>().Where(x => x.Code == late).ExecuteUpdateAsync(u => u.SetProperty(x => x.DueAt, past));
        }

        var before = await LateApologiesAsync(leader);
        var extended = await leader.PostAsJsonAsync($"/api/v1/dossiers/{late}/extensions", new { workingDays = 2, reason = "Chờ xác minh nơi cư trú", legalBasis = "Điều 19 NĐ 118/2025" });
        extended.StatusCode.ShouldBe(HttpStatusCode.OK, await extended.Content.ReadAsStringAsync());
        var d = await DossierAsync(officer, late);
        d.GetProperty("apologyLate").GetBoolean().ShouldBeTrue();
        d.GetProperty("timeline").EnumerateArray().ShouldContain(e => e.GetProperty("text").GetString()!.Contains("xin lỗi muộn"));
        (await officer.GetStringAsync($"/dossiers/{late}")).ShouldContain("data-late-apology");
        (await LateApologiesAsync(leader)).ShouldBe(before + 1, "counted");

        using var citizen = await CitizenFlow.SignedInAsync(app);
        var mine = await citizen.Http.GetFromJsonAsync<JsonElement>($"/api/v1/me/dossiers/{late}");
        mine.GetProperty("apologyLate").GetBoolean().ShouldBeTrue("the citizen is told");
        (await citizen.Http.GetStringAsync($"/portal/ho-so/{late}")).ShouldContain("data-late-apology");
    }

    [Fact]
    public async Task Warnings_scale_with_the_budget_so_a_one_day_procedure_is_not_due_soon_at_reception()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var oneDay = await ReceiveAsync(officer, OneDay, 5);
        var fifteen = await ReceiveAsync(officer, FifteenDays, 4);

        await SweepAsync();
        (await AlertsAsync(oneDay)).ShouldBeEmpty("a one-working-day dossier is not 'due soon' nor 'apology due' at its reception");
        (await AlertsAsync(fifteen)).ShouldBeEmpty();

        // Move both closer to their due instants (the stored due date is what the sweep reads).
        var clock = await app.Services.GetRequiredService<CalendarProvider>().ClockAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        async Task DueInAsync(string code, TimeSpan left)
        {
            using var scope = app.Services.CreateScope();
            var due = clock.Calendar.AddWorkingTime(now, left).ToUniversalTime();
            await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<Dossier>().Where(x => x.Code == code).ExecuteUpdateAsync(u => u.SetProperty(x => x.DueAt, due));
        }

        await DueInAsync(oneDay, TimeSpan.FromHours(3));
        await DueInAsync(fifteen, TimeSpan.FromHours(20));
        await SweepAsync();
        (await AlertsAsync(oneDay)).ShouldBeEmpty("3 h left of a one-day budget is not yet due soon (2 h)");
        (await AlertsAsync(fifteen)).ShouldBeEmpty("20 h left of fifteen days is not yet due soon (16 h)");

        await DueInAsync(oneDay, TimeSpan.FromHours(1));
        await DueInAsync(fifteen, TimeSpan.FromHours(12));
        await SweepAsync();
        (await AlertsAsync(oneDay)).Select(a => a.Kind).ShouldBe([AlertKind.DueSoon], "a one-day budget leaves no room for an apology in time");
        var fifteenAlerts = await AlertsAsync(fifteen);
        fifteenAlerts.Select(a => a.Kind).OrderBy(k => k).ShouldBe(new[] { AlertKind.DueSoon, AlertKind.ApologyDue }.OrderBy(k => k));
        fifteenAlerts.Single(a => a.Kind == AlertKind.ApologyDue).Text.ShouldContain("ít nhất một ngày làm việc trước hạn");
    }

    private async Task SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await new SweepClocks(sp.GetRequiredService<MotCuaDb>(), sp.GetRequiredService<CalendarProvider>(), sp.GetRequiredService<OrgDirectory>(), TimeProvider.System).RunAsync(CancellationToken.None);
    }

    private async Task<List<DossierAlert>> AlertsAsync(string code)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<DossierAlert>().Where(a => a.DossierCode == code && a.TaskId == Guid.Empty).ToListAsync();
    }

    private async Task SeedCalendarAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetServices<ISeeder>().OfType<CalendarDaySeeder>().Single();
        await seeder.SeedAsync(CancellationToken.None);
    }

    private static async Task<int> LateApologiesAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/work/late-apologies");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32();
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(p => p.Text));
    }

    private static async Task<string> ReceiveAsync(HttpClient officer, string procedure, int documents)
    {
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "to-khai.pdf");
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha, procedureCode: procedure, documents: documents));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static async Task<JsonElement> DossierAsync(HttpClient client, string code)
        => await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
}

[Collection("sqlite")]
public sealed class CalendarAndApologyOnSqlite(SqliteApp fixture) : CalendarAndApologyTests(fixture.App);

[Collection("postgres")]
public sealed class CalendarAndApologyOnPostgres(PostgresApp fixture) : CalendarAndApologyTests(fixture.App);
