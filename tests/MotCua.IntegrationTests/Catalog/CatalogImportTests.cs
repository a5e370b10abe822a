using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Import;
using MotCua.Catalog.Procedures;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Catalog;

public abstract class CatalogImportTests(MotCuaApp app)
{
    private const string TwoGoodOneBad = """
        {"meta": {}, "procedures": [
          {"code": "9.900001", "name": "Thủ tục thử nghiệm một", "ministry": "Bộ Tư pháp", "field": "Thử nghiệm", "levels": ["Cấp xã"],
           "channels": [{"channel": "Trực tiếp", "time_text": "3 Ngày làm việc", "time_value": 3.0, "time_unit": "Ngày làm việc", "fee_text": "", "is_free": true, "fee_unspecified": false, "fee_amounts": []}],
           "document_groups": [{"case": "--", "documents": [{"name": "Tờ khai", "form_file": null, "originals": 1, "copies": 0}]}]},
          {"code": "9.900002", "name": "Thủ tục thử nghiệm hai", "ministry": "Bộ Tư pháp", "field": "Thử nghiệm", "levels": ["Cấp xã"],
           "channels": [{"channel": "Trực tuyến", "time_text": "5", "time_value": 5.0, "time_unit": "", "fee_text": "", "is_free": true, "fee_unspecified": false, "fee_amounts": []}],
           "document_groups": []},
          {"name": "Bản ghi hỏng không có mã", "channels": "oops"}
        ]}
        """;

    [Fact]
    public async Task A_bad_record_is_reported_the_rest_load_and_a_second_import_changes_nothing()
    {
        var first = await ImportAsync(TwoGoodOneBad, "test-catalog.json");
        first.Imported.ShouldBe(2);
        first.Problems.ShouldContain(p => p.File == "test-catalog.json" && p.ProcedureCode == null);
        first.Problems.ShouldContain(p => p.ProcedureCode == "9.900002");

        var second = await ImportAsync(TwoGoodOneBad, "test-catalog.json");
        second.Imported.ShouldBe(0);
        second.NewVersions.ShouldBe(0);
        second.Unchanged.ShouldBe(2);

        var changed = await ImportAsync(TwoGoodOneBad.Replace("Thủ tục thử nghiệm một", "Thủ tục thử nghiệm một (đã sửa)", StringComparison.Ordinal), "test-catalog.json");
        changed.NewVersions.ShouldBe(1);
        changed.Unchanged.ShouldBe(1);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var procedure = await db.Set<Procedure>().Include(p => p.Versions).SingleAsync(p => p.Code == "9.900001");
        procedure.CurrentVersion.ShouldBe(2);
        procedure.Versions.Count.ShouldBe(2);
        procedure.Name.ShouldBe("Thủ tục thử nghiệm một (đã sửa)");
    }

    [Fact]
    public async Task Reimporting_the_summary_index_creates_nothing_and_never_replaces_a_detailed_record()
    {
        using var scope = app.Services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportCatalog>();
        await using var stream = typeof(ImportCatalog).Assembly.GetManifestResourceStream("tthc_index_all.csv")!;

        var report = await import.RunAsync(stream, "tthc_index_all.csv", CancellationToken.None);

        report.Imported.ShouldBe(0);
        report.NewVersions.ShouldBe(0);
        report.SkippedSummaries.ShouldBeGreaterThanOrEqualTo(340);
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        (await db.Set<Procedure>().SingleAsync(p => p.Code == "1.001193")).Detail.ShouldBe(DetailLevel.Full);
    }

    [Fact]
    public async Task A_script_link_in_an_imported_catalog_is_reported_dropped_and_never_shown()
    {
        const string Hostile = """
            {"meta": {}, "procedures": [
              {"code": "9.900101", "name": "Thủ tục có liên kết độc", "ministry": "Bộ Tư pháp", "field": "Thử nghiệm", "levels": ["Cấp xã"],
               "source_url": "javascript:alert(document.cookie)",
               "channels": [{"channel": "Trực tiếp", "time_text": "3 Ngày làm việc", "time_value": 3.0, "time_unit": "Ngày làm việc", "fee_text": "", "is_free": true, "fee_unspecified": false, "fee_amounts": []}],
               "document_groups": []},
              {"code": "9.900102", "name": "Thủ tục có nguồn thật", "ministry": "Bộ Tư pháp", "field": "Thử nghiệm", "levels": ["Cấp xã"],
               "source_url": "https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=9.900102",
               "channels": [{"channel": "Trực tiếp", "time_text": "3 Ngày làm việc", "time_value": 3.0, "time_unit": "Ngày làm việc", "fee_text": "", "is_free": true, "fee_unspecified": false, "fee_amounts": []}],
               "document_groups": []}
            ]}
            """;
        var report = await ImportAsync(Hostile, "hostile.json");
        report.Problems.ShouldContain(p => p.ProcedureCode == "9.900101" && p.Field == "source_url");
        report.Problems.ShouldNotContain(p => p.ProcedureCode == "9.900102");

        using var client = app.Client();
        var page = await client.GetStringAsync("/procedures/9.900101");
        page.ShouldNotContain("javascript:", Case.Insensitive);
        (await client.GetStringAsync("/procedures/9.900102")).ShouldContain("href=\"https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=9.900102\"");
    }

    private async Task<ImportReport> ImportAsync(string json, string name)
    {
        using var scope = app.Services.CreateScope();
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await scope.ServiceProvider.GetRequiredService<ImportCatalog>().RunAsync(stream, name, CancellationToken.None);
    }
}

[Collection("sqlite")]
public sealed class CatalogImportOnSqlite(SqliteApp fixture) : CatalogImportTests(fixture.App);

[Collection("postgres")]
public sealed class CatalogImportOnPostgres(PostgresApp fixture) : CatalogImportTests(fixture.App);
