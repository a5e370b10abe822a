using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Catalog;

public abstract class CatalogApiTests(MotCuaApp app)
{
    [Fact]
    public async Task Searching_without_accents_finds_birth_registration_first()
    {
        using var client = app.Client();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=dang%20ky%20khai%20sinh&pageSize=5");

        var codes = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("1.001193");
        codes.IndexOf("1.001193").ShouldBeLessThan(3);
        page.GetProperty("total").GetInt32().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task The_whole_catalog_is_searchable_and_a_code_finds_its_procedure()
    {
        using var client = app.Client();
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?pageSize=1");
        all.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(2642);

        var byCode = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=1.001193");
        byCode.GetProperty("items")[0].GetProperty("code").GetString().ShouldBe("1.001193");
    }

    [Fact]
    public async Task Search_answers_in_unescaped_Vietnamese()
    {
        using var client = app.Client();
        var text = await client.GetStringAsync("/api/v1/procedures/1.001193");

        text.ShouldContain("khai sinh");
        text.ShouldNotContain("\\u");
    }

    [Fact]
    public async Task Filters_by_field_and_level_keep_only_matching_procedures()
    {
        using var client = app.Client();
        var facets = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures/facets");
        const string field = "Hộ tịch";
        facets.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ShouldContain(field);

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/procedures?field={Uri.EscapeDataString(field)}&level={Uri.EscapeDataString("Cấp xã")}&pageSize=100");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.GetProperty("field").GetString() == field);
        items.ShouldAllBe(i => i.GetProperty("levels").EnumerateArray().Any(l => l.GetString() == "Cấp xã"));
    }

    [Fact]
    public async Task A_bad_page_size_is_refused_in_Vietnamese()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/api/v1/procedures?pageSize=1000");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Số kết quả mỗi trang");
    }

    [Fact]
    public async Task An_unknown_procedure_is_a_404_problem()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/api/v1/procedures/9.999999");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Không tìm thấy");
    }

    [Fact]
    public async Task A_procedure_shows_its_channels_times_fees_and_documents()
    {
        using var client = app.Client();
        var view = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.002755");
        var content = view.GetProperty("content");

        content.GetProperty("name").GetString().ShouldBe("Gia hạn tạm trú");
        var online = content.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "Online");
        online.GetProperty("time").GetProperty("value").GetDecimal().ShouldBe(3m);
        online.GetProperty("time").GetProperty("unit").GetString().ShouldBe("WorkingDays");
        online.GetProperty("feesVnd").EnumerateArray().Select(f => f.GetInt64()).ShouldContain(5000);
        content.GetProperty("documentGroups").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Editing_as_administrator_creates_a_new_version_and_keeps_the_old_one()
    {
        using var admin = await app.SignedInAsync("admin");
        var before = await admin.GetFromJsonAsync<JsonObject>("/api/v1/procedures/1.000253");
        var version = before!["version"]!.GetValue<int>();
        var content = before["content"]!.AsObject();
        content["name"] = content["name"]!.GetValue<string>() + " (sửa đổi)";

        var response = await admin.PutAsJsonAsync("/api/v1/procedures/1.000253", new JsonObject { ["expectedVersion"] = version, ["content"] = content.DeepClone() });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.000253");
        after.GetProperty("version").GetInt32().ShouldBe(version + 1);
        after.GetProperty("content").GetProperty("name").GetString()!.ShouldEndWith("(sửa đổi)");
        var old = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/procedures/1.000253?version={version}");
        old.GetProperty("content").GetProperty("name").GetString()!.ShouldNotEndWith("(sửa đổi)");

        var search = await admin.GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=1.000253");
        search.GetProperty("items")[0].GetProperty("name").GetString()!.ShouldEndWith("(sửa đổi)");
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_409_and_changes_nothing()
    {
        using var admin = await app.SignedInAsync("admin");
        var before = await admin.GetFromJsonAsync<JsonObject>("/api/v1/procedures/1.002755");
        var version = before!["version"]!.GetValue<int>();
        var content = before["content"]!.AsObject();
        content["name"] = "Tên đã cũ";

        var response = await admin.PutAsJsonAsync("/api/v1/procedures/1.002755", new JsonObject { ["expectedVersion"] = version - 1, ["content"] = content.DeepClone() });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.002755");
        after.GetProperty("version").GetInt32().ShouldBe(version);
    }

    [Fact]
    public async Task An_invalid_edit_is_refused_field_by_field_and_changes_nothing()
    {
        using var admin = await app.SignedInAsync("admin");
        var before = await admin.GetFromJsonAsync<JsonObject>("/api/v1/procedures/1.001193");
        var version = before!["version"]!.GetValue<int>();
        var content = before["content"]!.AsObject();
        content["name"] = " ";
        content["levels"] = new JsonArray();

        var response = await admin.PutAsJsonAsync("/api/v1/procedures/1.001193", new JsonObject { ["expectedVersion"] = version, ["content"] = content.DeepClone() });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("Vui lòng nhập tên thủ tục.");
        problem.GetProperty("errors").TryGetProperty("levels", out _).ShouldBeTrue();
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.001193");
        after.GetProperty("version").GetInt32().ShouldBe(version);
    }

    [Fact]
    public async Task Only_administrators_may_edit()
    {
        using var anonymous = app.Client();
        var body = new JsonObject { ["expectedVersion"] = 1, ["content"] = new JsonObject { ["code"] = "1.001193", ["name"] = "x" } };
        (await anonymous.PutAsJsonAsync("/api/v1/procedures/1.001193", body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var officer = await app.SignedInAsync("tiepnhan");
        (await officer.PutAsJsonAsync("/api/v1/procedures/1.001193", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

[Collection("sqlite")]
public sealed class CatalogApiOnSqlite(SqliteApp fixture) : CatalogApiTests(fixture.App);

[Collection("postgres")]
public sealed class CatalogApiOnPostgres(PostgresApp fixture) : CatalogApiTests(fixture.App);
