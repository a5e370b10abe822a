using System.Text;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Import;
using MotCua.Catalog.Procedures;

namespace MotCua.Tests.Catalog;

public sealed class CatalogReaderTests
{
    private static CatalogRead Json(string json) => CatalogJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "t.json");

    private static CatalogRead Csv(string csv) => CatalogCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "t.csv");

    private static string Record(string code, string timeText, string? timeValue, string timeUnit) => $$"""
        {"code": "{{code}}", "name": "Thủ tục {{code}}", "field": "Hộ tịch", "levels": ["Cấp xã"],
         "channels": [{"channel": "Trực tiếp", "time_text": "{{timeText}}", "time_value": {{timeValue ?? "null"}}, "time_unit": "{{timeUnit}}", "is_free": false, "fee_unspecified": false, "fee_amounts": [{"amount": 8000.0, "currency": "VND"}]}],
         "document_groups": [{"case": "--", "documents": [{"name": "Tờ khai đăng ký", "form_file": "mau.doc", "originals": 1, "copies": 2}]}]}
        """;

    [Fact]
    public void The_real_detailed_catalog_loads_with_its_problems_reported()
    {
        using var stream = SeedFiles.Open("tthc_catalog_sample.json");
        var read = CatalogJsonReader.Read(stream, "tthc_catalog_sample.json");

        read.Procedures.Count.ShouldBe(344);
        read.Problems.ShouldNotBeEmpty();
        read.Problems.ShouldAllBe(p => p.File == "tthc_catalog_sample.json" && p.Field.Length > 0 && p.Reason.Length > 0);
        read.Problems.ShouldContain(p => p.ProcedureCode == "1.001193" && p.Field == "channels.time_unit");
        var birth = read.Procedures.Single(p => p.Code == "1.001193");
        birth.Name.ShouldBe("Thủ tục đăng ký khai sinh");
        birth.DocumentGroups.ShouldNotBeEmpty();
    }

    [Fact]
    public void The_real_summary_index_loads_every_row()
    {
        using var stream = SeedFiles.Open("tthc_index_all.csv");
        var read = CatalogCsvReader.Read(stream, "tthc_index_all.csv");

        read.Procedures.Count.ShouldBe(2642);
        read.Procedures.ShouldAllBe(p => p.Detail == DetailLevel.Summary);
        read.Problems.ShouldAllBe(p => p.Field == "min_processing_days" || p.Field == "channels" || p.Field == "fee_summary");
    }

    [Theory]
    [InlineData("Ngày làm việc", TimeUnit.WorkingDays)]
    [InlineData("Ngày", TimeUnit.CalendarDays)]
    [InlineData("Giờ", TimeUnit.WorkingHours)]
    public void Time_units_are_imported_as_written(string unit, TimeUnit expected)
    {
        var read = Json($"[{Record("1.000001", $"5 {unit}", "5.0", unit)}]");

        read.Problems.ShouldBeEmpty();
        var time = read.Procedures.Single().Channels.Single().Time;
        time.Value.ShouldBe(5m);
        time.Unit.ShouldBe(expected);
    }

    [Fact]
    public void A_time_without_a_unit_is_imported_as_working_days_and_reported()
    {
        var read = Json($"[{Record("1.000002", "5", "5.0", "")}]");

        read.Procedures.Single().Channels.Single().Time.ShouldBe(new ProcessingTime(5m, TimeUnit.WorkingDays, "5"));
        read.Problems.ShouldHaveSingleItem().ShouldBe(new ImportProblem("t.json", "1.000002", "channels.time_unit", "Trực tiếp: time \"5\" has no unit; imported as working days"));
    }

    [Fact]
    public void Fees_documents_and_counts_are_read()
    {
        var p = Json($"[{Record("1.000003", "3 Ngày làm việc", "3.0", "Ngày làm việc")}]").Procedures.Single();

        p.Channels.Single().FeesVnd.ShouldBe([8000L]);
        p.DocumentGroups.Single().Documents.Single().ShouldBe(new RequiredDocument("Tờ khai đăng ký", "mau.doc", 1, 2));
    }

    [Fact]
    public void Malformed_records_are_reported_and_skipped_while_the_others_load()
    {
        var read = Json($$"""
            {"procedures": [
              {{Record("1.000004", "1 Ngày", "1.0", "Ngày")}},
              {"code": "1.000005", "name": "Hỏng", "channels": "oops"},
              {"name": "Không có mã"},
              42,
              {{Record("1.000004", "1 Ngày", "1.0", "Ngày")}},
              {{Record("1.000006", "Không có thông tin", null, "")}}
            ]}
            """);

        read.Procedures.Select(p => p.Code).ShouldBe(["1.000004", "1.000006"]);
        read.Problems.ShouldContain(p => p.ProcedureCode == "1.000005" && p.Reason.Contains("malformed"));
        read.Problems.ShouldContain(p => p.ProcedureCode == null && p.Field == "code");
        read.Problems.ShouldContain(p => p.Field == "(record)" && p.Reason.Contains("not an object"));
        read.Problems.ShouldContain(p => p.ProcedureCode == "1.000004" && p.Reason.Contains("duplicate"));
        read.Procedures[1].Channels.Single().Time.Value.ShouldBeNull();
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_one_problem_not_a_crash()
    {
        var read = Json("{ not json");

        read.Procedures.ShouldBeEmpty();
        read.Problems.ShouldHaveSingleItem().Field.ShouldBe("(file)");
    }

    [Fact]
    public void Csv_rows_with_quotes_short_rows_and_fees_are_read_or_reported()
    {
        var read = Csv("""
            code,name,ministry,field,levels,procedure_type,decision_no,min_processing_days,channels,fee_summary,n_documents,source_url
            1.1,"Cấp giấy phép, loại A",Bộ X,Lĩnh vực Y,Cấp tỉnh|Cấp xã,,,15,Trực tiếp|Trực tuyến,10000 VND;20000 VND,3,https://example.org/1
            1.2,Ngắn quá,Bộ X
            1.3,Không có thời hạn,Bộ X,Lĩnh vực Y,Cấp xã,,,,Trực tiếp,free,1,
            """);

        read.Procedures.Count.ShouldBe(2);
        var a = read.Procedures[0];
        a.Name.ShouldBe("Cấp giấy phép, loại A");
        a.Levels.ShouldBe(["Cấp tỉnh", "Cấp xã"]);
        a.Channels.Select(c => c.Channel).ShouldBe([Channel.Counter, Channel.Online]);
        a.Channels[0].Time.ShouldBe(new ProcessingTime(15m, TimeUnit.WorkingDays, "15 Ngày làm việc"));
        a.Channels[0].FeesVnd.ShouldBe([10000L, 20000L]);
        a.DocumentCount.ShouldBe(3);
        read.Procedures[1].Channels[0].IsFree.ShouldBeTrue();
        read.Problems.ShouldContain(p => p.ProcedureCode == "1.2" && p.Field == "(row)");
        read.Problems.ShouldContain(p => p.ProcedureCode == "1.3" && p.Field == "min_processing_days");
    }
}
