using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Calendar.Clock;
using MotCua.IntegrationTests.Hosting;
using MotCua.Organisation.WorkingCalendar;

namespace MotCua.IntegrationTests.Organisation;

/// <summary>
/// The yearly arrangements through the API. Each test works in its own year after the bundled data, so the
/// tests sharing the app (and their due dates, which use today's calendar) are not disturbed.
/// </summary>
public abstract class CalendarApiTests(MotCuaApp app)
{
    [Fact]
    public async Task A_bundled_year_is_served_as_entered()
    {
        using var client = app.Client();
        var year = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2025");
        year.GetProperty("entered").GetBoolean().ShouldBeTrue();
        var days = year.GetProperty("days").EnumerateArray().ToList();
        days.ShouldContain(d => d.GetProperty("date").GetString() == "2025-01-29" && d.GetProperty("kind").GetString() == "Holiday", "Tết 2025");
        year.GetProperty("workingDays").GetInt32().ShouldBeInRange(240, 252);

        var generated = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2031");
        generated.GetProperty("entered").GetBoolean().ShouldBeFalse();
        generated.GetProperty("days").GetArrayLength().ShouldBeGreaterThan(8);

        (await client.GetAsync("/api/v1/calendar/1800")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_an_administrator_may_change_the_calendar()
    {
        using var anonymous = app.Client();
        var day = new { date = "2032-03-01", kind = "SwappedDayOff", nameVi = "Nghỉ hoán đổi", legalDocument = "TB 1/TB-BNV" };
        (await anonymous.PostAsJsonAsync("/api/v1/calendar/days", day)).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Forbidden);

        using var officer = await app.SignedInAsync("tiepnhan");
        (await officer.PostAsJsonAsync("/api/v1/calendar/days", day)).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);

        using var client = app.Client();
        var year = await client.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2032");
        year.GetProperty("entered").GetBoolean().ShouldBeFalse("nothing was written");
    }

    [Fact]
    public async Task A_day_needs_its_legal_document_and_a_valid_kind_and_bad_input_changes_nothing()
    {
        using var admin = await app.SignedInAsync("admin");
        var missing = await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2033-03-07", kind = "SwappedDayOff", nameVi = "Nghỉ hoán đổi", legalDocument = " " });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("legalDocument")[0].GetString()!.ShouldContain("văn bản pháp lý");

        var weekdayMakeUp = await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2033-03-07", kind = "MakeUpWorkingDay", nameVi = "Làm bù", legalDocument = "TB 2/TB-BNV" });
        weekdayMakeUp.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weekdayMakeUp.Content.ReadAsStringAsync()).ShouldContain("Thứ Bảy hoặc Chủ nhật");

        var year = await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2033");
        year.GetProperty("entered").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task An_added_day_off_is_audited_moves_new_clocks_only_and_can_be_removed()
    {
        var provider = app.Services.GetRequiredService<CalendarProvider>();
        var before = await provider.ClockAsync(CancellationToken.None);
        var monday = new DateOnly(2030, 3, 4);
        before.Calendar.IsWorkingDay(monday).ShouldBeTrue();
        var friday = new DateTimeOffset(2030, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));
        var dueBefore = before.DueAt(friday, ClockBudget.WorkingDays(1));

        using var admin = await app.SignedInAsync("admin");
        var added = await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2030-03-04", kind = "SwappedDayOff", nameVi = "Nghỉ hoán đổi thử", legalDocument = "Thông báo 99/TB-BNV" });
        added.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var year = await admin.GetFromJsonAsync<JsonElement>("/api/v1/calendar/2030");
        year.GetProperty("entered").GetBoolean().ShouldBeTrue();
        var days = year.GetProperty("days").EnumerateArray().ToList();
        days.ShouldContain(d => d.GetProperty("date").GetString() == "2030-03-04" && d.GetProperty("legalBasisVi").GetString() == "Thông báo 99/TB-BNV");
        days.ShouldContain(d => d.GetProperty("date").GetString() == "2030-09-02", "the year's Labor Code days are kept when it becomes entered");

        var after = await provider.ClockAsync(CancellationToken.None);
        after.Calendar.IsWorkingDay(monday).ShouldBeFalse();
        after.DueAt(friday, ClockBudget.WorkingDays(1)).ShouldBe(dueBefore.AddDays(1), "the day off pushes a new appointment by one day");
        before.Calendar.IsWorkingDay(monday).ShouldBeTrue("a clock already computed never moves");

        var duplicate = await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2030-03-04", kind = "SwappedDayOff", nameVi = "Lần hai", legalDocument = "TB 100" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await app.AuditAsync("calendar:2030-03-04")).ShouldContain(e => e.Action == "calendar.day.added" && e.ActorName == "admin");

        (await admin.DeleteAsync("/api/v1/calendar/days/2030-03-04")).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "removing needs a reason too");
        (await admin.DeleteAsync("/api/v1/calendar/days/2030-03-04?legalDocument=Th%C3%B4ng%20b%C3%A1o%20101")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await provider.ClockAsync(CancellationToken.None)).Calendar.IsWorkingDay(monday).ShouldBeTrue();
        (await app.AuditAsync("calendar:2030-03-04")).ShouldContain(e => e.Action == "calendar.day.removed");
        (await admin.DeleteAsync("/api/v1/calendar/days/2030-03-04?legalDocument=x")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

[Collection("sqlite")]
public sealed class CalendarApiOnSqlite(SqliteApp fixture) : CalendarApiTests(fixture.App);

[Collection("postgres")]
public sealed class CalendarApiOnPostgres(PostgresApp fixture) : CalendarApiTests(fixture.App);
