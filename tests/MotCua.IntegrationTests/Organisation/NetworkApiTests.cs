using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Organisation;

public abstract class NetworkApiTests(MotCuaApp app)
{
    [Fact]
    public async Task Hanoi_runs_12_branches_30_reception_points_and_a_service_point_in_each_of_126_wards()
    {
        using var client = app.Client();
        var wards = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/units?province=01");
        wards!.Length.ShouldBe(126);
        var centroids = wards.ToDictionary(w => w.GetProperty("code").GetString()!, w => (w.GetProperty("latitude").GetDouble(), w.GetProperty("longitude").GetDouble()));

        var branches = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/branches?kind=Branch");
        var points = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/branches?kind=ReceptionPoint");
        var servicePoints = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/branches?kind=ServicePoint");

        branches!.Length.ShouldBe(12);
        points!.Length.ShouldBe(30);
        servicePoints!.Length.ShouldBe(126);
        foreach (var p in servicePoints)
        {
            var ward = p.GetProperty("wardCode").GetString()!;
            centroids.ShouldContainKey(ward);
            (p.GetProperty("latitude").GetDouble(), p.GetProperty("longitude").GetDouble()).ShouldBe(centroids[ward]);
        }

        var sites = branches.Concat(points).Select(p => p.GetProperty("wardCode").GetString()!).ToList();
        sites.ShouldAllBe(w => centroids.ContainsKey(w));
        sites.Distinct().Count().ShouldBe(42);
    }

    [Fact]
    public async Task The_network_page_draws_every_point_on_the_ward_map_and_writes_hours_for_people()
    {
        using var client = app.Client();
        var html = await client.GetStringAsync("/network");
        var start = html.IndexOf("class=\"network-map\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        var svg = html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)];
        svg.Length.ShouldBeLessThan(60_000, "the map stays light");
        System.Text.RegularExpressions.Regex.Count(svg, "<path class=\"ward ").ShouldBe(126);
        System.Text.RegularExpressions.Regex.Count(svg, "<rect class=\"branch\"").ShouldBe(12);
        System.Text.RegularExpressions.Regex.Count(svg, "<path class=\"reception\"").ShouldBe(30);
        System.Text.RegularExpressions.Regex.Count(svg, "<circle class=\"service-point\"").ShouldBe(126);
        svg.ShouldContain("<title id=\"network-map-title\">");
        svg.ShouldContain("<desc id=\"network-map-desc\">");
        html.ShouldContain("Ranh giới phường, xã là gần đúng");
        html.ShouldContain("Thứ Hai–Thứ Sáu 8:00–12:00, 13:00–17:00; Thứ Bảy 8:00–12:00");
        html.ShouldNotContain("T2-T6 08:00");

        var point = await client.GetStringAsync("/network/DTN01");
        point.ShouldContain("class=\"network-map\"");
        point.ShouldContain("class=\"ward marked\"");
        point.ShouldContain("Thứ Hai–Thứ Sáu");
        System.Text.RegularExpressions.Regex.IsMatch(point, "<dt>Phường/xã phục vụ</dt><dd>(Phường|Xã) ").ShouldBeTrue("ward names, not codes");
    }

    [Fact]
    public async Task The_whole_country_is_loaded_with_34_provinces()
    {
        using var client = app.Client();
        var provinces = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/units");
        provinces!.Length.ShouldBe(34);

        var ward = await client.GetFromJsonAsync<JsonElement>("/api/v1/units/00004");
        ward.GetProperty("name").GetString().ShouldBe("Phường Ba Đình");
        ward.GetProperty("population").GetInt32().ShouldBeGreaterThan(0);

        var found = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/units?province=01&q=ba%20dinh");
        found!.ShouldContain(u => u.GetProperty("code").GetString() == "00004");
    }

    [Fact]
    public async Task A_branch_lists_its_points_and_agencies_carry_electronic_ids()
    {
        using var client = app.Client();
        var branch = await client.GetFromJsonAsync<JsonElement>("/api/v1/branches/CN01");
        branch.GetProperty("children").GetArrayLength().ShouldBeGreaterThan(0);
        branch.GetProperty("wardCodes").GetArrayLength().ShouldBeGreaterThan(0);

        var agencies = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/agencies?kind=CommuneCommittee");
        agencies!.Length.ShouldBe(126);
        agencies.ShouldAllBe(a => a.GetProperty("electronicId").GetString()!.EndsWith(".H26"));
    }

    [Fact]
    public async Task Bad_opening_hours_are_refused_and_change_nothing()
    {
        using var admin = await app.SignedInAsync("admin");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/v1/branches/CN02");
        var point = before.GetProperty("point");

        var response = await admin.PutAsJsonAsync("/api/v1/branches/CN02", new
        {
            name = "Tên mới",
            address = "Địa chỉ mới",
            openingHours = "Thứ hai 8h-17h",
            latitude = 21.0,
            longitude = 105.8,
            isActive = true,
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("không phải ngày hợp lệ");
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/branches/CN02");
        after.GetProperty("point").GetProperty("name").GetString().ShouldBe(point.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_administrator_edits_a_branch_and_the_change_is_audited()
    {
        using var admin = await app.SignedInAsync("admin");
        var response = await admin.PutAsJsonAsync("/api/v1/branches/CN03", new
        {
            name = "Chi nhánh số 3",
            address = "12 Phố Thử, Hà Nội",
            openingHours = "T2-T6 07:30-11:30,13:00-17:00; T7 08:00-12:00",
            phone = "024 0000 0003",
            latitude = 21.01,
            longitude = 105.81,
            isActive = true,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/branches/CN03");
        after.GetProperty("point").GetProperty("openingHours").GetString().ShouldBe("T2-T6 07:30-11:30,13:00-17:00; T7 08:00-12:00");

        var audit = await app.AuditAsync("org-unit:CN03");
        audit.ShouldContain(e => e.Action == "org.unit.updated" && e.ActorName == "admin" && e.Roles.Contains("Administrator"));
    }
}

[Collection("sqlite")]
public sealed class NetworkApiOnSqlite(SqliteApp fixture) : NetworkApiTests(fixture.App);

[Collection("postgres")]
public sealed class NetworkApiOnPostgres(PostgresApp fixture) : NetworkApiTests(fixture.App);
