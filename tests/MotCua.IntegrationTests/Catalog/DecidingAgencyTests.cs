using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Catalog;

/// <summary>
/// The deciding agency of a procedure version is data: imported as a suggestion ("chưa xác nhận"), set and
/// confirmed by an administrator, used by reception, kept by an edit.
/// </summary>
public abstract class DecidingAgencyTests(MotCuaApp app)
{
    // "Sở Xây dựng" procedure at Cấp tỉnh and Cấp xã: the text heuristic sends it to the ward's People's Committee.
    private const string Building = "1.013234";
    private const string Api = "/api/v1/admin/deciding-agencies";

    [Fact]
    public async Task The_administrator_confirms_a_city_level_department_and_a_dossier_received_for_it_goes_there()
    {
        using var admin = await app.SignedInAsync("admin");
        var response = await admin.PutAsJsonAsync($"{Api}/{Building}", Levels(("Cấp tỉnh", null, "SO-TP")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        view.GetProperty("confirmed").GetBoolean().ShouldBeTrue();
        var level = view.GetProperty("levels").EnumerateArray().ShouldHaveSingleItem();
        level.GetProperty("unitCode").GetString().ShouldBe("SO-TP");
        level.GetProperty("status").GetString().ShouldBe("đã xác nhận");
        level.GetProperty("confirmedBy").GetString().ShouldBe("admin");

        using var officer = await app.SignedInAsync("tiepnhan");
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "to-khai.pdf");
        var received = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha, procedureCode: Building, documents: 9));
        received.StatusCode.ShouldBe(HttpStatusCode.Created, await received.Content.ReadAsStringAsync());
        var code = (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        var justice = await UnitAsync("SO-TP");
        code.ShouldStartWith(justice.ElectronicId + "-");
        (await app.AuditAsync($"procedure:{Building}")).Select(a => a.Action).ShouldContain("catalog.deciding-agency.confirmed");
    }

    [Fact]
    public async Task Imported_versions_carry_the_heuristic_suggestion_flagged_unconfirmed()
    {
        using var admin = await app.SignedInAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>($"{Api}?unconfirmed=true&take=500");
        list.GetProperty("total").GetInt32().ShouldBeGreaterThan(1000);
        list.GetProperty("items").GetArrayLength().ShouldBe(500);
        list.GetProperty("items").EnumerateArray().ShouldAllBe(i => !i.GetProperty("confirmed").GetBoolean());
        var one = await admin.GetFromJsonAsync<JsonElement>($"{Api}?unconfirmed=true&code={Reception.BirthRegistration}");
        var birth = one.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        birth.GetProperty("confirmed").GetBoolean().ShouldBeFalse();
        var row = birth.GetProperty("levels").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("level").GetString().ShouldBe("Cấp xã");
        row.GetProperty("kind").GetString().ShouldBe("CommuneCommittee");
        row.GetProperty("status").GetString().ShouldBe("chưa xác nhận");
    }

    [Fact]
    public async Task A_version_without_rows_gets_the_suggestion_at_start_up_once()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        // A database from before the deciding agency was data: this procedure's versions have no rows.
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM catalog_deciding_agencies WHERE \"VersionId\" IN (SELECT v.\"Id\" FROM catalog_procedure_versions v JOIN catalog_procedures p ON p.\"Id\" = v.\"ProcedureId\" WHERE p.\"Code\" = {0})",
            "1.000253");

        var suggestions = scope.ServiceProvider.GetServices<MotCua.Platform.Startup.ISeeder>().Single(s => s.GetType().Name == "CatalogSeeder");
        await suggestions.SeedAsync(CancellationToken.None);
        await suggestions.SeedAsync(CancellationToken.None);

        using var admin = await app.SignedInAsync("admin");
        var list = await admin.GetFromJsonAsync<JsonElement>($"{Api}?unconfirmed=true&code=1.000253");
        var item = list.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        var row = item.GetProperty("levels").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("kind").GetString().ShouldBe("CommunePolice");
        row.GetProperty("confirmed").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Someone_other_than_the_administrator_gets_403_and_nothing_changes()
    {
        using var manager = await app.SignedInAsync("quanly");
        (await manager.GetAsync($"{Api}?unconfirmed=true")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var response = await manager.PutAsJsonAsync($"{Api}/1.002755", Levels(("Cấp xã", "CommunePolice", null)));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.AuditAsync("procedure:1.002755")).ShouldNotContain(a => a.Action == "catalog.deciding-agency.confirmed");
    }

    [Fact]
    public async Task A_bad_unit_code_is_refused_with_a_Vietnamese_message_and_nothing_is_stored()
    {
        using var admin = await app.SignedInAsync("admin");
        var before = await RowsAsync(admin, "1.012994");

        var response = await admin.PutAsJsonAsync($"{Api}/1.012994", Levels(("Cấp tỉnh", null, "KHONG-CO")));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("KHONG-CO", Case.Sensitive, body);
        body.ShouldContain("không phải là một cơ quan giải quyết", Case.Sensitive, body);

        var notALevel = await admin.PutAsJsonAsync($"{Api}/1.012994", Levels(("Cấp bộ", null, "SO-TP")));
        notALevel.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var wardUnit = await admin.PutAsJsonAsync($"{Api}/1.012994", Levels(("Cấp xã", "Department", null)));
        wardUnit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await RowsAsync(admin, "1.012994")).ShouldBe(before);
        (await app.AuditAsync("procedure:1.012994")).ShouldNotContain(a => a.Action == "catalog.deciding-agency.confirmed");
    }

    [Fact]
    public async Task Editing_the_procedure_into_a_new_version_keeps_the_confirmed_agency()
    {
        const string code = "1.003930";
        using var admin = await app.SignedInAsync("admin");
        (await admin.PutAsJsonAsync($"{Api}/{code}", Levels(("Cấp tỉnh", null, "SO-XD"), ("Cấp xã", "CommuneCommittee", null)))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var before = await admin.GetFromJsonAsync<JsonObject>($"/api/v1/procedures/{code}");
        var version = before!["version"]!.GetValue<int>();
        var content = before["content"]!.AsObject();
        content["name"] = content["name"]!.GetValue<string>() + " (sửa đổi)";
        (await admin.PutAsJsonAsync($"/api/v1/procedures/{code}", new JsonObject { ["expectedVersion"] = version, ["content"] = content.DeepClone() }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var list = await admin.GetFromJsonAsync<JsonElement>($"{Api}?code={code}");
        list.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("version").GetInt32().ShouldBe(version + 1);
        var rows = await RowsAsync(admin, code, unconfirmedOnly: false);
        rows.ShouldBe("Cấp tỉnh=SO-XD/True; Cấp xã=CommuneCommittee/True");
    }

    private async Task<UnitRef> UnitAsync(string code)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<OrgDirectory>().UnitByCodeAsync(code, CancellationToken.None))!;
    }

    private static async Task<string> RowsAsync(HttpClient admin, string code, bool unconfirmedOnly = true)
    {
        var list = await admin.GetFromJsonAsync<JsonElement>($"{Api}?unconfirmed={unconfirmedOnly}&code={code}");
        var item = list.GetProperty("items").EnumerateArray().FirstOrDefault(i => i.GetProperty("code").GetString() == code);
        if (item.ValueKind == JsonValueKind.Undefined)
        {
            return "(not listed)";
        }

        return string.Join("; ", item.GetProperty("levels").EnumerateArray().Select(l =>
            $"{l.GetProperty("level").GetString()}={(l.GetProperty("unitCode").ValueKind == JsonValueKind.String ? l.GetProperty("unitCode").GetString() : l.GetProperty("kind").GetString())}/{l.GetProperty("confirmed").GetBoolean()}"));
    }

    private static JsonObject Levels(params (string Level, string? Kind, string? UnitCode)[] levels)
    {
        var array = new JsonArray();
        foreach (var (level, kind, unit) in levels)
        {
            array.Add(new JsonObject { ["level"] = level, ["kind"] = kind, ["unitCode"] = unit });
        }

        return new JsonObject { ["levels"] = array };
    }
}

[Collection("sqlite")]
public sealed class DecidingAgencyOnSqlite(SqliteApp fixture) : DecidingAgencyTests(fixture.App);

[Collection("postgres")]
public sealed class DecidingAgencyOnPostgres(PostgresApp fixture) : DecidingAgencyTests(fixture.App);
