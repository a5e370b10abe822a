using System.Text;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Import;
using MotCua.Catalog.Procedures;

namespace MotCua.Tests.Catalog;

/// <summary>The detailed JSON as the portal's flattened text left it: each mess is reported, repaired or dropped, never fatal.</summary>
public sealed class MessyRecordTests
{
    private const string File = "mess.json";

    private static CatalogRead Read(string procedures) => CatalogJsonReader.Read($$"""{"meta": {}, "procedures": [{{procedures}}]}""", File);

    private static string Channel(string channel = "Trực tiếp", string fees = "[]", string feeText = "Miễn phí", bool free = true)
        => $$"""{"channel": "{{channel}}", "time_text": "5 Ngày làm việc", "time_value": 5.0, "time_unit": "Ngày làm việc", "fee_text": "{{feeText}}", "is_free": {{(free ? "true" : "false")}}, "fee_unspecified": false, "fee_amounts": {{fees}}}""";

    private static string Procedure(string code, string channels, string documents = "[]", string results = "")
        => $$"""{"code": "{{code}}", "name": "Thủ tục {{code}}", "field": "Hộ tịch", "levels": ["Cấp xã"], "results_text": "{{results}}", "channels": [{{channels}}], "document_groups": [{"case": "--", "documents": {{documents}}}]}""";

    private static string Doc(string name, int originals, int copies, string form = "")
        => $$"""{"name": "{{name}}", "form_file": "{{form}}", "originals": {{originals}}, "copies": {{copies}}}""";

    [Fact]
    public void Notes_become_notes_connecting_words_are_dropped_and_conditional_papers_know_their_condition()
    {
        var documents = "[" + string.Join(",",
            Doc("Tờ khai đăng ký khai sinh", 1, 0, "mau01.docx"),
            Doc("*Lưu ý: - Không yêu cầu xuất trình Giấy khai sinh", 0, 0),
            Doc("hoặc", 0, 1),
            Doc("Trường hợp người yêu cầu đã nộp bản điện tử thì không phải nộp bản giấy.", 0, 0),
            Doc("- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi.", 1, 0),
            Doc("", 0, 1)) + "]";

        var read = Read(Procedure("1.000010", Channel(), documents));

        var procedure = read.Procedures.Single();
        var papers = procedure.DocumentGroups.Single().Documents;
        papers.Select(d => d.Name).ShouldBe(
        [
            "Tờ khai đăng ký khai sinh",
            "Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi.",
        ]);
        papers[0].When.ShouldBeNull();
        papers[1].When!.Kind.ShouldBe(ConditionKind.AbandonedChild);
        procedure.Notes.ShouldBe(
        [
            "Lưu ý: - Không yêu cầu xuất trình Giấy khai sinh",
            "Trường hợp người yêu cầu đã nộp bản điện tử thì không phải nộp bản giấy.",
        ]);
        var problems = read.Problems.Where(p => p.Field == "documents.name").ToList();
        problems.ShouldAllBe(p => p.File == File && p.ProcedureCode == "1.000010");
        problems.Count(p => p.Reason.EndsWith("dropped")).ShouldBe(2);
        problems.ShouldContain(p => p.Reason.Contains("connecting word"));
    }

    [Fact]
    public void Negative_counts_are_reported_and_set_to_zero()
    {
        var read = Read(Procedure("1.000011", Channel(), $"[{Doc("Giấy chứng sinh", -1, -2)}]"));

        read.Procedures.Single().DocumentGroups.Single().Documents.Single().ShouldBe(new RequiredDocument("Giấy chứng sinh", null, 0, 0));
        read.Problems.Select(p => p.Field).ShouldBe(["documents.originals", "documents.copies"]);
    }

    [Theory]
    [InlineData("Báo cáo theo Nghị định số 70/2024/NĐ-CP ngày 25/6/", 20241, "Báo cáo theo Nghị định số 70/2024/NĐ-CP ngày 25/6/2024", 1)]
    [InlineData("Đơn đăng ký biến động đất đai theo Mẫu số", 181, "Đơn đăng ký biến động đất đai theo Mẫu số 18", 1)]
    [InlineData("Báo cáo hiện trạng theo Luật Đất đai năm", 20240, "Báo cáo hiện trạng theo Luật Đất đai năm 2024", 0)]
    public void A_count_that_holds_the_end_of_a_cut_name_is_split_back(string name, int originals, string repaired, int count)
    {
        var read = Read(Procedure("1.000012", Channel(), $"[{Doc(name, originals, 1)}]"));

        var document = read.Procedures.Single().DocumentGroups.Single().Documents.Single();
        document.Name.ShouldBe(repaired);
        document.Originals.ShouldBe(count);
        read.Problems.ShouldHaveSingleItem().Field.ShouldBe("documents.originals");
    }

    [Fact]
    public void Fees_in_another_currency_or_cut_at_a_thousands_separator_are_reported_and_left_out()
    {
        var fees = """[{"amount": 8000.0, "currency": "VND"}, {"amount": 10.0, "currency": "USD"}, {"amount": 25.0, "currency": "VND"}, {"amount": -5.0, "currency": "VND"}]""";

        var read = Read(Procedure("1.000013", Channel(fees: fees, feeText: "8.000 đồng", free: false)));

        read.Procedures.Single().Channels.Single().FeesVnd.ShouldBe([8000L]);
        read.Problems.Count(p => p.Field == "channels.fee_amounts").ShouldBe(3);
    }

    [Fact]
    public void A_fee_whose_every_amount_is_unbelievable_is_left_to_its_text()
    {
        var read = Read(Procedure("1.000014", Channel(fees: """[{"amount": 40.0, "currency": "VND"}]""", feeText: "40 Việt Nam Đồng(4.000 đ/giấy thông hành)", free: false)));

        var terms = read.Procedures.Single().Channels.Single();
        terms.FeesVnd.ShouldBeEmpty();
        terms.FeeUnspecified.ShouldBeTrue();
        terms.FeeText.ShouldBe("40 Việt Nam Đồng(4.000 đ/giấy thông hành)");
    }

    [Fact]
    public void Text_glued_to_the_fee_is_set_apart_and_reported()
    {
        var read = Read(Procedure("1.000015", Channel(feeText: "Miễn phí06 ngày làm việc, kể từ ngày nhận đủ hồ sơ")));

        read.Procedures.Single().Channels.Single().FeeText.ShouldBe("Miễn phí. 06 ngày làm việc, kể từ ngày nhận đủ hồ sơ");
        read.Problems.ShouldHaveSingleItem().Field.ShouldBe("channels.fee_text");
    }

    [Fact]
    public void An_unknown_channel_is_reported_and_skipped_and_the_known_ones_kept()
    {
        var read = Read(Procedure("1.000016", Channel("Bồ câu đưa thư") + "," + Channel("Trực tuyến")));

        read.Procedures.Single().Channels.Select(c => c.Channel).ShouldBe([MotCua.Catalog.Contracts.Channel.Online]);
        read.Problems.ShouldHaveSingleItem().ShouldBe(new ImportProblem(File, "1.000016", "channels.channel", "unknown channel \"Bồ câu đưa thư\"; skipped"));
    }

    [Fact]
    public void A_channel_entry_that_is_not_an_object_is_reported_and_the_record_still_loads()
    {
        var read = Read(Procedure("1.000017", "\"Trực tiếp\"," + Channel("Trực tiếp")));

        read.Procedures.Single().Channels.ShouldHaveSingleItem();
        read.Problems.ShouldHaveSingleItem().Field.ShouldBe("channels");
    }

    [Fact]
    public void A_zero_time_is_not_a_time()
    {
        var read = Read(Procedure("1.000018", Channel().Replace("\"time_value\": 5.0", "\"time_value\": 0.0", StringComparison.Ordinal)));

        read.Procedures.Single().Channels.Single().Time.Value.ShouldBeNull();
        read.Problems.ShouldHaveSingleItem().Field.ShouldBe("channels.time");
    }

    [Theory]
    [InlineData("", "", OnlineServiceLevel.None)]
    [InlineData("Trực tuyến", "", OnlineServiceLevel.Partial)]
    [InlineData("Trực tuyến", "Dịch vụ bưu chính", OnlineServiceLevel.Full)]
    public void The_online_level_follows_the_channels(string online, string post, OnlineServiceLevel expected)
    {
        var channels = string.Join(",", new[] { "Trực tiếp", online, post }.Where(c => c.Length > 0).Select(c => Channel(c)));

        Read(Procedure("1.000019", channels)).Procedures.Single().OnlineLevel.ShouldBe(expected);
    }

    [Fact]
    public void A_result_returned_electronically_makes_an_online_procedure_fully_online()
        => Read(Procedure("1.000020", Channel("Trực tuyến"), results: "Trích lục khai sinh (bản điện tử)")).Procedures.Single().OnlineLevel.ShouldBe(OnlineServiceLevel.Full);

    [Fact]
    public void Imported_procedures_are_full_detail_and_not_delegated()
    {
        var p = Read(Procedure("1.000021", Channel())).Procedures.Single();

        p.Detail.ShouldBe(DetailLevel.Full);
        p.DelegatedToCenter.ShouldBeFalse();
    }

    [Fact]
    public void Strings_are_trimmed_and_normalized_to_NFC()
    {
        var decomposed = "  Đăng ký khai sinh  ".Normalize(NormalizationForm.FormD);
        var json = $$"""[{"code": " 1.000022 ", "name": "{{decomposed}}", "field": "{{"Hộ tịch".Normalize(NormalizationForm.FormD)}}", "channels": []}]""";

        var p = CatalogJsonReader.Read(json, File).Procedures.Single();

        p.Code.ShouldBe("1.000022");
        p.Name.ShouldBe("Đăng ký khai sinh");
        p.Name.IsNormalized(NormalizationForm.FormC).ShouldBeTrue();
        p.Field.ShouldBe("Hộ tịch");
    }

    [Fact]
    public void Fields_of_the_wrong_type_skip_only_their_record()
    {
        var read = Read(string.Join(",",
            """{"code": 1001193, "name": "Mã là số"}""",
            """{"code": "1.000023", "name": "Cấp độ sai", "levels": "Cấp xã"}""",
            """{"code": "1.000024", "name": "Nhóm sai", "channels": [], "document_groups": {"case": "--"}}""",
            Procedure("1.000025", Channel())));

        read.Procedures.Select(p => p.Code).ShouldBe(["1.000025"]);
        read.Problems.Count(p => p.Field == "(record)" && p.Reason.Contains("malformed")).ShouldBe(3);
        read.Problems.ShouldContain(p => p.ProcedureCode == "1.000023" && p.Reason.Contains("\"levels\""));
        read.Problems.ShouldContain(p => p.ProcedureCode == "1.000024" && p.Reason.Contains("\"document_groups\""));
    }

    [Fact]
    public void The_real_file_reports_its_notes_glued_counts_and_cut_fees_by_procedure()
    {
        using var stream = SeedFiles.Open("tthc_catalog_sample.json");
        var read = CatalogJsonReader.Read(stream, "tthc_catalog_sample.json");

        read.Procedures.Count.ShouldBeGreaterThanOrEqualTo(340);
        read.Problems.ShouldContain(p => p.ProcedureCode == "1.011441" && p.Field == "documents.name" && p.Reason.Contains("connecting word"));
        read.Problems.ShouldContain(p => p.ProcedureCode == "1.014059" && p.Field == "documents.originals");
        read.Problems.ShouldContain(p => p.ProcedureCode == "1.012680" && p.Field == "channels.fee_amounts" && p.Reason.Contains("25 VND"));
        var all = read.Procedures.SelectMany(p => p.DocumentGroups).SelectMany(g => g.Documents).ToList();
        all.ShouldAllBe(d => d.Name.Length >= 3 && d.Originals >= 0 && d.Originals <= 9 && d.Copies >= 0);
        all.ShouldNotContain(d => d.Name == "hoặc");
        read.Procedures.SelectMany(p => p.Channels).SelectMany(c => c.FeesVnd).ShouldAllBe(f => f >= 1000);

        // Birth registration: one case (the scraped headings are sections and notes, not cases), the legal notes
        // as notes, the three papers that apply only in a case (abandoned child, authorisation, surrogacy) conditional.
        var birth = read.Procedures.Single(p => p.Code == "1.001193");
        birth.DocumentGroups.ShouldHaveSingleItem().Case.ShouldBe("");
        var papers = birth.DocumentGroups[0].Documents;
        papers.ShouldContain(d => d.Name.StartsWith("Giấy chứng sinh") && d.When == null);
        papers.Single(d => d.Name.Contains("bị bỏ rơi")).When!.Kind.ShouldBe(ConditionKind.AbandonedChild);
        papers.Single(d => d.Name.StartsWith("Văn bản ủy quyền")).When!.Kind.ShouldBe(ConditionKind.FiledByRepresentative);
        papers.Single(d => d.Name.Contains("mang thai hộ")).When!.Kind.ShouldBe(ConditionKind.Surrogacy);
        papers.Single(d => d.Name.StartsWith("Tờ khai đăng ký khai sinh")).When!.Kind.ShouldBe(ConditionKind.FiledOnPaper);
        papers.ShouldNotContain(d => d.Name.StartsWith("Cá nhân có quyền lựa chọn"));
        birth.Notes!.Count.ShouldBeGreaterThanOrEqualTo(19);
    }
}
