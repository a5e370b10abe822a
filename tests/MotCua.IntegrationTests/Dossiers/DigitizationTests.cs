using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>
/// TT 01/2023: a document handed over on paper is scanned at reception; a paper-only line is accepted only with the
/// officer's reason from the list, recorded on the line, shown on the dossier and counted in the digitization rate.
/// </summary>
public abstract class DigitizationTests(MotCuaApp app)
{
    [Fact]
    public async Task A_paper_only_document_without_a_reason_is_refused_in_vietnamese_and_nothing_is_stored()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var request = Reception.Request(firstProvision: "PaperOnly");
        var before = await CountAsync();

        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("documents[1].paperOnlyReason");
        body.ShouldContain("phải có lý do không số hóa");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_reason_outside_the_list_is_refused()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var request = Reception.Request(firstProvision: "PaperOnly");
        request["documents"]![0]!["paperOnlyReason"] = 99;
        var before = await CountAsync();

        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_reason_is_recorded_on_the_line_shown_on_the_dossier_and_counted()
    {
        using var manager = await app.SignedInAsync("quanly");
        var rateBefore = await manager.GetFromJsonAsync<JsonElement>("/api/v1/indicators/digitization");
        using var officer = await app.SignedInAsync("tiepnhan");
        var request = Reception.Request(firstProvision: "PaperOnly");
        request["documents"]![0]!["paperOnlyReason"] = "OversizeOrBound";

        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var dossier = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        var line = dossier.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("number").GetInt32() == 1);
        line.GetProperty("paperOnlyReason").GetString().ShouldBe("OversizeOrBound");
        (await officer.GetStringAsync($"/dossiers/{code}")).ShouldContain("Không số hóa: Khổ lớn hoặc đóng quyển, không số hóa được tại quầy");

        // A scanned one alongside it: the rate counts both.
        var scanned = await Reception.UploadAsync(officer, Reception.PdfWith($"scan {Guid.NewGuid()}"), "to-khai.pdf");
        (await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: scanned))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var rate = await manager.GetFromJsonAsync<JsonElement>("/api/v1/indicators/digitization");
        var total = rate.GetProperty("total");
        total.GetProperty("paperOnly").GetInt32().ShouldBe(rateBefore.GetProperty("total").GetProperty("paperOnly").GetInt32() + 1);
        total.GetProperty("digitized").GetInt32().ShouldBe(rateBefore.GetProperty("total").GetProperty("digitized").GetInt32() + 1);
        total.GetProperty("paperOnlyReasons").EnumerateArray().ShouldContain(r => r.GetProperty("reason").GetString() == "OversizeOrBound");
        var unit = rate.GetProperty("units").EnumerateArray().ShouldHaveSingleItem("the manager sees their own branch");
        unit.GetProperty("unitName").GetString()!.ShouldStartWith("Chi nhánh số 1");
        unit.GetProperty("ratePercent").GetDecimal().ShouldBeLessThan(100m);
    }

    [Fact]
    public async Task Another_branch_does_not_see_this_branchs_counts_and_an_auditor_needs_a_reason()
    {
        using var other = await app.SignedInAsync("quanly2");
        var rate = await other.GetFromJsonAsync<JsonElement>("/api/v1/indicators/digitization");
        rate.GetProperty("units").EnumerateArray().ShouldAllBe(u => !u.GetProperty("unitName").GetString()!.StartsWith("Chi nhánh số 1", StringComparison.Ordinal));

        using var auditor = await app.SignedInAsync("thanhtra");
        (await auditor.GetAsync("/api/v1/indicators/digitization")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await auditor.GetAsync("/api/v1/indicators/digitization?reason=" + Uri.EscapeDataString("Kiểm tra số hóa theo kế hoạch"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<int> CountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<Dossier>().CountAsync();
    }
}

[Collection("sqlite")]
public sealed class DigitizationOnSqlite(SqliteApp fixture) : DigitizationTests(fixture.App);

[Collection("postgres")]
public sealed class DigitizationOnPostgres(PostgresApp fixture) : DigitizationTests(fixture.App);
