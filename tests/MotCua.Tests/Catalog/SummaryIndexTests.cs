using MotCua.Catalog.Contracts;
using MotCua.Catalog.Import;
using MotCua.Catalog.Procedures;

namespace MotCua.Tests.Catalog;

/// <summary>The summary CSV (tthc_index_all.csv): RFC 4180 quoting, summary fields, bad rows skipped alone.</summary>
public sealed class SummaryIndexTests
{
    private const string Header = "code,name,ministry,field,levels,procedure_type,decision_no,min_processing_days,channels,fee_summary,n_documents,source_url";

    private static CatalogRead Csv(params string[] rows) => CatalogCsvReader.Read(Header + "\n" + string.Join("\n", rows) + "\n", "t.csv");

    [Fact]
    public void Quoted_fields_keep_their_commas_quotes_and_line_breaks()
    {
        var read = Csv(
            "1.1,\"Giải quyết khiếu nại, tố cáo \"\"lần đầu\"\"\nvề quyết định hành chính\",Bộ Công an,\"Khiếu nại, tố cáo\",Cấp bộ,,,60,Trực tiếp,unspecified,8,https://example.org/1",
            "1.2,Tiếp công dân,Bộ Công an,\"Khiếu nại, tố cáo\",Cấp tỉnh|Cấp xã,,,,Trực tiếp|Dịch vụ bưu chính,free,2,");

        read.Procedures.Count.ShouldBe(2);
        read.Procedures[0].Name.ShouldBe("Giải quyết khiếu nại, tố cáo \"lần đầu\"\nvề quyết định hành chính");
        read.Procedures[0].Field.ShouldBe("Khiếu nại, tố cáo");
        read.Procedures[1].Levels.ShouldBe(["Cấp tỉnh", "Cấp xã"]);
        read.Procedures[1].Channels.Select(c => c.Channel).ShouldBe([Channel.Counter, Channel.Post]);
    }

    [Fact]
    public void A_short_row_and_a_row_without_code_are_reported_and_the_rest_load()
    {
        var read = Csv(
            "1.1,Một,Bộ X,Y,Cấp xã,,,5,Trực tiếp,free,1,",
            "1.2,Hai,Bộ X",
            ",Không mã,Bộ X,Y,Cấp xã,,,5,Trực tiếp,free,1,",
            "1.3,Ba,Bộ X,Y,Cấp xã,,,5,Trực tiếp,free,1,");

        read.Procedures.Select(p => p.Code).ShouldBe(["1.1", "1.3"]);
        read.Problems.ShouldContain(p => p.File == "t.csv" && p.ProcedureCode == "1.2" && p.Field == "(row)" && p.Reason.Contains("3 fields instead of 12"));
        read.Problems.ShouldContain(p => p.ProcedureCode == null && p.Field == "code");
    }

    [Fact]
    public void Minimum_days_are_working_days_on_every_channel_without_a_problem_for_the_missing_unit()
    {
        var read = Csv("1.1,Một,Bộ X,Y,Cấp xã,,,15,Trực tiếp|Trực tuyến,free,1,");

        read.Problems.ShouldBeEmpty();
        read.Procedures.Single().Channels.ShouldAllBe(c => c.Time.Value == 15m && c.Time.Unit == TimeUnit.WorkingDays);
        read.Procedures.Single().Detail.ShouldBe(DetailLevel.Summary);
        read.Procedures.Single().DocumentCount.ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mười")]
    public void A_missing_or_unreadable_minimum_is_one_problem_for_the_record(string days)
    {
        var read = Csv($"1.1,Một,Bộ X,Y,Cấp xã,,,{days},Trực tiếp|Trực tuyến|Dịch vụ bưu chính,free,1,");

        read.Problems.ShouldHaveSingleItem().Field.ShouldBe("min_processing_days");
        read.Procedures.Single().Channels.Count.ShouldBe(3);
        read.Procedures.Single().Channels.ShouldAllBe(c => c.Time.Value == null);
    }

    [Theory]
    [InlineData("free", new long[0], true, false, 0)]
    [InlineData("unspecified", new long[0], false, true, 0)]
    [InlineData("see text", new long[0], false, true, 0)]
    [InlineData("10000 VND;20000 VND", new long[] { 10000, 20000 }, false, false, 0)]
    [InlineData("1.2e+06 VND | 1.2e+06 VND;1.2e+06 VND | free", new long[] { 1_200_000 }, false, false, 0)]
    [InlineData("135 VND;135000 VND", new long[] { 135_000 }, false, false, 1)]
    [InlineData("145 USD;145 USD", new long[0], false, true, 2)]
    public void Fee_summaries_become_amounts_free_or_unspecified(string summary, long[] amounts, bool free, bool unspecified, int problems)
    {
        var read = Csv($"1.1,Một,Bộ X,Y,Cấp xã,,,5,Trực tiếp,{summary},1,");

        var terms = read.Procedures.Single().Channels.Single();
        terms.FeesVnd.ShouldBe(amounts);
        terms.IsFree.ShouldBe(free);
        terms.FeeUnspecified.ShouldBe(unspecified);
        read.Problems.Count.ShouldBe(problems);
        read.Problems.ShouldAllBe(p => p.Field == "fee_summary");
    }

    [Fact]
    public void The_real_index_has_no_broken_rows_and_reads_every_fee_notation()
    {
        using var stream = SeedFiles.Open("tthc_index_all.csv");
        var read = CatalogCsvReader.Read(stream, "tthc_index_all.csv");

        read.Procedures.Count.ShouldBe(2642);
        read.Procedures.Select(p => p.Code).Distinct().Count().ShouldBe(2642);
        read.Problems.ShouldNotContain(p => p.Field == "(row)" || p.Field == "code");
        read.Problems.ShouldNotContain(p => p.Reason.Contains("is not a fee"));
        read.Procedures.Single(p => p.Code == "1.000811").Channels[0].FeesVnd.ShouldBe([1_200_000L]);
        read.Procedures.ShouldAllBe(p => p.Name.Length > 0 && char.IsLetterOrDigit(p.Name[0]));
    }
}
