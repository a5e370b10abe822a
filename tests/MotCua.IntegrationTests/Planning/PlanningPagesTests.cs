using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Planning;

/// <summary>The planning pages and API against the seeded network (12 branches + 30 reception points with coordinates).</summary>
public abstract partial class PlanningPagesTests(MotCuaApp app)
{
    private const int SeededPoints = 42;

    [Fact]
    public async Task The_coverage_page_draws_one_circle_per_open_point_and_the_suggestions()
    {
        using var director = await app.SignedInAsync("giamdoc");
        var response = await director.GetAsync("/admin/planning/coverage?suggest=3");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<svg");
        html.ShouldContain("<title id=\"map-title\">");
        ReachCircle().Count(html).ShouldBe(SeededPoints);
        SuggestedCircle().Count(html).ShouldBe(3);
        // The 126 wards of 2025 are the base map's polygons, shaded by coverage (no dots over them), labelled approximate.
        SiteDot().Count(html).ShouldBe(0);
        var shaded = WardPolygon().Matches(html).Select(m => m.Groups[1].Value).ToList();
        shaded.Count.ShouldBe(126);
        shaded.ShouldContain("covered");
        shaded.ShouldContain("uncovered");
        html.ShouldContain("Ranh giới phường, xã là gần đúng");
        var start = html.IndexOf("class=\"coverage-map\"", StringComparison.Ordinal);
        var svg = html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)];
        svg.Length.ShouldBeLessThan(60_000, "the map stays light");
        svg.ShouldNotContain("href", Case.Insensitive, "no outside requests: nothing linked from the map");
        html.ShouldContain("Trong 5,0 km (đường chim bay)");

        var communes = await director.GetStringAsync("/admin/planning/coverage?base=communes2019&suggest=0&radiusKm=5");
        SiteDot().Count(communes).ShouldBe(579);
        SuggestedCircle().Count(communes).ShouldBe(0);
    }

    [Fact]
    public async Task The_coverage_page_refuses_bad_input_with_a_vietnamese_message()
    {
        using var admin = await app.SignedInAsync("admin");
        var response = await admin.GetAsync("/admin/planning/coverage?radiusKm=abc&base=districts");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Bán kính phải là một số.");
        html.ShouldNotContain("<svg");
    }

    [Fact]
    public async Task The_staffing_page_shows_counters_per_point_and_the_city_total_against_184()
    {
        using var manager = await app.SignedInAsync("quanly");
        var html = await manager.GetStringAsync("/admin/planning/staffing?visitsPer1000=1");
        html.ShouldContain("so với mục tiêu 184");
        html.ShouldContain("Chi nhánh số 1");
        html.ShouldContain("nghỉ trưa 12:00–13:00");
    }

    [Fact]
    public async Task The_api_answers_the_same_as_the_pages_and_only_to_managers()
    {
        using var anonymous = app.Client();
        (await anonymous.GetAsync("/api/v1/planning/coverage")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Forbidden);
        (await anonymous.GetAsync("/admin/planning/coverage")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Forbidden);
        using var officer = await app.SignedInAsync("tiepnhan");
        (await officer.GetAsync("/api/v1/planning/staffing")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);

        using var admin = await app.SignedInAsync("admin");
        var coverage = await admin.GetFromJsonAsync<JsonElement>("/api/v1/planning/coverage?suggest=2");
        coverage.GetProperty("points").GetInt32().ShouldBe(SeededPoints);
        coverage.GetProperty("sites").GetInt32().ShouldBe(126);
        coverage.GetProperty("shareWithinRadius").GetDouble().ShouldBe(0.837, tolerance: 0.001, "docs/planning.md: 83.7 % within 5 km");
        coverage.GetProperty("suggestions").GetArrayLength().ShouldBe(2);
        coverage.TryGetProperty("mapSvg", out _).ShouldBeFalse();

        var everywhere = await admin.GetFromJsonAsync<JsonElement>("/api/v1/planning/coverage?servicePoints=true&suggest=1");
        everywhere.GetProperty("shareWithinRadius").GetDouble().ShouldBe(1, tolerance: 1e-12);
        everywhere.GetProperty("suggestions").GetArrayLength().ShouldBe(0);

        var staffing = await admin.GetFromJsonAsync<JsonElement>("/api/v1/planning/staffing?visitsPer1000=1");
        var rows = staffing.GetProperty("points").EnumerateArray().ToList();
        rows.Count.ShouldBe(SeededPoints);
        staffing.GetProperty("totalCounters").GetInt32().ShouldBe(rows.Sum(r => r.GetProperty("counters").GetInt32()));
        staffing.GetProperty("staffTarget").GetInt32().ShouldBe(184);
        staffing.GetProperty("serviceMinutes").GetDouble().ShouldBe(12.54, tolerance: 0.01);
        rows.Sum(r => r.GetProperty("population").GetInt64()).ShouldBe(coverage.GetProperty("population").GetInt64());

        var bad = await admin.GetAsync("/api/v1/planning/staffing?visitsPer1000=0&target=2");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("visitsPer1000")[0].GetString()!.ShouldContain("1.000 dân");
        problem.GetProperty("errors").GetProperty("target")[0].GetString()!.ShouldContain("Mục tiêu");
    }

    [GeneratedRegex("<circle class=\"reach\"")]
    private static partial Regex ReachCircle();

    [GeneratedRegex("<circle class=\"suggested-reach\"")]
    private static partial Regex SuggestedCircle();

    [GeneratedRegex("<circle class=\"site (covered|uncovered)\"")]
    private static partial Regex SiteDot();

    [GeneratedRegex("<path class=\"ward (covered|within-minutes|uncovered)\"")]
    private static partial Regex WardPolygon();
}

[Collection("sqlite")]
public sealed class PlanningPagesOnSqlite(SqliteApp fixture) : PlanningPagesTests(fixture.App);

[Collection("postgres")]
public sealed class PlanningPagesOnPostgres(PostgresApp fixture) : PlanningPagesTests(fixture.App);
