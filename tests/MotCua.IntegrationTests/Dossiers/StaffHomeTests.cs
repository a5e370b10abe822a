using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>Issue 17: staff land on their own home, whose counts are the work lists' own.</summary>
public abstract class StaffHomeTests(MotCuaApp app)
{
    [Fact]
    public async Task Staff_who_open_the_home_page_land_on_their_own_home_and_citizens_do_not()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var home = await officer.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.ShouldBe("/staff");
        var page = await officer.GetStringAsync("/staff");
        page.ShouldContain("Trang làm việc");
        page.ShouldContain("/work?list=overdue");
        page.ShouldNotContain("Đăng nhập VNeID", Case.Sensitive, "the citizen's e-ID sign-in is not in the staff's header");

        using var anonymous = app.Client();
        var citizenHome = await anonymous.GetAsync("/");
        citizenHome.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await citizenHome.Content.ReadAsStringAsync();
        html.ShouldContain("Đăng nhập VNeID");
        html.ShouldContain("Cán bộ đăng nhập", Case.Sensitive, "the staff sign-in is a discreet footer link");
        html[..html.IndexOf("</header>", StringComparison.Ordinal)].ShouldNotContain("/account/login", Case.Sensitive, "not in the citizen's header");
        html[..html.IndexOf("</header>", StringComparison.Ordinal)].ShouldNotContain("/api-docs", Case.Sensitive, "the API reference is not in the public header");
    }

    [Fact]
    public async Task The_home_counts_what_each_work_list_holds()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "to-khai.pdf");
        (await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var summary = await officer.GetFromJsonAsync<JsonElement>("/api/v1/work/summary");
        var lists = summary.GetProperty("lists").EnumerateArray().ToList();
        lists.Select(l => l.GetProperty("list").GetString()).ShouldBe(["overdue", "due-soon", "to-process", "waiting", "to-return"]);
        foreach (var list in lists)
        {
            var name = list.GetProperty("list").GetString();
            var items = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/work?list={name}");
            var dossiers = items.EnumerateArray().Select(i => i.GetProperty("code").GetString()).Distinct().Count();
            // A list shows at most 200 rows; the count is every dossier.
            if (dossiers < 200)
            {
                list.GetProperty("count").GetInt32().ShouldBe(dossiers, name);
            }
            else
            {
                list.GetProperty("count").GetInt32().ShouldBeGreaterThanOrEqualTo(dossiers, name);
            }

            list.GetProperty("link").GetString().ShouldBe($"/work?list={name}");
        }

        lists.Single(l => l.GetProperty("list").GetString() == "to-process").GetProperty("count").GetInt32().ShouldBeGreaterThan(0);

        // An administrator holds no steps: a home with tools, no work lists (and no work-list API).
        using var admin = await app.SignedInAsync("admin");
        (await admin.GetAsync("/api/v1/work/summary")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetStringAsync("/staff")).ShouldContain("/admin/calendar");
    }
}

[Collection("sqlite")]
public sealed class StaffHomeOnSqlite(SqliteApp fixture) : StaffHomeTests(fixture.App);

[Collection("postgres")]
public sealed class StaffHomeOnPostgres(PostgresApp fixture) : StaffHomeTests(fixture.App);
