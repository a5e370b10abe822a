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

        var branches = await ItemsAsync(client, "/api/v1/branches?kind=Branch&pageSize=500");
        var points = await ItemsAsync(client, "/api/v1/branches?kind=ReceptionPoint&pageSize=500");
        var servicePoints = await ItemsAsync(client, "/api/v1/branches?kind=ServicePoint&pageSize=500");

        branches.Length.ShouldBe(12);
        points.Length.ShouldBe(30);
        servicePoints.Length.ShouldBe(126);
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
    public async Task The_network_list_comes_a_page_at_a_time_with_the_count_of_each_kind()
    {
        using var client = app.Client();
        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/branches");
        first.GetProperty("total").GetInt32().ShouldBe(1 + 12 + 30 + 126);
        first.GetProperty("page").GetInt32().ShouldBe(1);
        first.GetProperty("pageSize").GetInt32().ShouldBe(24);
        first.GetProperty("items").GetArrayLength().ShouldBe(24);
        var kinds = first.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("count").GetInt32());
        kinds.ShouldBe(new Dictionary<string, int> { ["Center"] = 1, ["Branch"] = 12, ["ReceptionPoint"] = 30, ["ServicePoint"] = 126 }, ignoreOrder: true);

        // Pages follow each other without overlap; past the last one, nothing (and still the total).
        var codes = new List<string>();
        for (var page = 1; page <= 8; page++)
        {
            var items = await ItemsAsync(client, $"/api/v1/branches?page={page}");
            items.Length.ShouldBe(page < 8 ? 24 : 169 - (7 * 24));
            codes.AddRange(items.Select(i => i.GetProperty("code").GetString()!));
        }

        codes.Distinct().Count().ShouldBe(169);
        var beyond = await client.GetFromJsonAsync<JsonElement>("/api/v1/branches?page=9");
        beyond.GetProperty("items").GetArrayLength().ShouldBe(0);
        beyond.GetProperty("total").GetInt32().ShouldBe(169);

        // The kind narrows the list, not the counts (they answer "how many of each match the name and the area").
        var branches = await client.GetFromJsonAsync<JsonElement>("/api/v1/branches?kind=branch");
        branches.GetProperty("total").GetInt32().ShouldBe(12);
        branches.GetProperty("kinds").GetArrayLength().ShouldBe(4);

        foreach (var bad in new[] { "page=0", "pageSize=0", "pageSize=501", "kind=Kiosk", "kind=7", $"q={new string('a', 201)}" })
        {
            var response = await client.GetAsync($"/api/v1/branches?{bad}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, bad);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldMatch("[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôồốổỗộơờớởỡợưừứửữựìíịỉĩòóọỏõùúụủũỳýỵỷỹ]", bad);
        }
    }

    [Fact]
    public async Task People_find_the_points_of_their_ward_or_of_their_former_district_with_or_without_accents()
    {
        using var client = app.Client();

        // The communes of the former Quận Cầu Giấy went into these nine wards of 1/7/2025 (seed/hanoi_units_pre2025.csv):
        // their service points are found by the district's old name, Phường Nghĩa Đô's and Phường Yên Hòa's too.
        string[] formerCauGiay = ["00008", "00103", "00160", "00166", "00175", "00367", "00592", "00619", "00637"];
        var found = await ItemsAsync(client, "/api/v1/branches?kind=ServicePoint&area=C%E1%BA%A7u%20Gi%E1%BA%A5y&pageSize=500");
        found.Select(p => p.GetProperty("code").GetString()!).ShouldBe(formerCauGiay.Select(c => $"DPV-{c}"), ignoreOrder: true);
        (await ItemsAsync(client, "/api/v1/branches?kind=ServicePoint&area=cau%20giay&pageSize=500")).Length.ShouldBe(9);

        // A ward of today whose name no former unit bore: only the points that sit in it.
        var ward = await ItemsAsync(client, "/api/v1/branches?area=phuong%20hong%20ha&pageSize=500");
        ward.ShouldNotBeEmpty();
        ward.ShouldAllBe(p => p.GetProperty("wardCode").GetString() == "00097");
        ward.ShouldContain(p => p.GetProperty("code").GetString() == "DPV-00097");

        // Nowhere: an empty list, not an error.
        var none = await client.GetFromJsonAsync<JsonElement>("/api/v1/branches?area=khong%20co%20noi%20nay");
        none.GetProperty("total").GetInt32().ShouldBe(0);
        none.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_network_page_filters_and_pages_without_javascript_and_keeps_every_match_on_the_map()
    {
        using var client = app.Client();
        var first = await client.GetStringAsync("/network");
        CardCount(first).ShouldBe(24);
        first.ShouldContain("Đơn vị 1–24 trong 169, trang 1/8.");
        first.ShouldContain("href=\"/network?page=2#net-list\"");
        first.ShouldContain("aria-current=\"page\"");
        first.ShouldContain("<option value=\"ServicePoint\">Điểm phục vụ cấp xã (126)</option>");

        // Page 8 lists the last service point; the map still draws all 126 of them.
        var last = await client.GetStringAsync("/network?page=8");
        CardCount(last).ShouldBe(1);
        last.ShouldContain("rel=\"prev\"");
        System.Text.RegularExpressions.Regex.Count(MapOf(last), "<circle class=\"service-point\"").ShouldBe(126);

        // Filtered by kind and former district: the list, the map and the counts agree; the choices are kept.
        var cauGiay = await client.GetStringAsync("/network?kind=ServicePoint&area=cau+giay");
        CardCount(cauGiay).ShouldBe(9);
        System.Text.RegularExpressions.Regex.Count(MapOf(cauGiay), "<circle class=\"service-point\"").ShouldBe(9);
        System.Text.RegularExpressions.Regex.Count(MapOf(cauGiay), "<rect class=\"branch\"").ShouldBe(0);
        System.Text.RegularExpressions.Regex.Count(MapOf(cauGiay), "<path class=\"ward ").ShouldBe(126, "the base map stays whole");
        cauGiay.ShouldContain("<option value=\"ServicePoint\" selected>");
        cauGiay.ShouldContain("value=\"cau giay\"");
        cauGiay.ShouldContain("href=\"/network/DPV-00160\"", Case.Sensitive, "Phường Nghĩa Đô took in part of the former district");
        cauGiay.ShouldNotContain("class=\"pager\"");

        var nothing = await client.GetStringAsync("/network?area=khong+co+noi+nay");
        nothing.ShouldContain("Không có đơn vị nào khớp với điều kiện tìm.");

        var bad = await client.GetAsync("/network?page=0");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Số trang phải từ 1 trở lên.");
    }

    private static int CardCount(string html)
        => System.Text.RegularExpressions.Regex.Count(html[html.IndexOf("class=\"place-list\"", StringComparison.Ordinal)..], "<dl class=\"place-facts\">");

    private static string MapOf(string html)
    {
        var start = html.IndexOf("class=\"network-map\"", StringComparison.Ordinal);
        return html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)];
    }

    private static async Task<JsonElement[]> ItemsAsync(HttpClient client, string url)
        => [.. (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray()];

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
