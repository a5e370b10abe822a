using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Import;
using MotCua.Platform.Text;

namespace MotCua.Tests.Catalog;

/// <summary>
/// The import's parse report over the real catalog (seed/tthc_catalog_sample.json): what the parser made of the
/// flattened text, checked against counts taken from the raw JSON independently of the parser.
/// </summary>
public sealed partial class ParseReportTests
{
    private static readonly Lazy<(CatalogRead Read, JsonDocument Raw)> Real = new(() =>
    {
        using (var stream = SeedFiles.Open("tthc_catalog_sample.json"))
        {
            var read = CatalogJsonReader.Read(stream, "tthc_catalog_sample.json");
            using var again = SeedFiles.Open("tthc_catalog_sample.json");
            return (read, JsonDocument.Parse(again));
        }
    });

    private static IEnumerable<JsonElement> RawProcedures => Real.Value.Raw.RootElement.GetProperty("procedures").EnumerateArray();

    [Fact]
    public void The_report_counts_what_the_parser_made_of_the_real_catalog()
    {
        var counts = ParseCounts.Of(Real.Value.Read.Procedures);

        counts.Procedures.ShouldBe(RawProcedures.Count()); // 344
        // Every "Mã: KQ.…" of the results text is a result with its code, or a reported code without a name.
        var codesInText = RawProcedures.Sum(p => ResultCode().Count(p.GetProperty("results_text").GetString()!));
        (counts.ResultsWithCode + Real.Value.Read.Problems.Count(p => p.Field == "results_text")).ShouldBe(codesInText);
        // Every entry of a "Lưu ý" group is a note (more notes come from instructions listed among the papers).
        var inNoteGroups = RawProcedures.Sum(p => p.GetProperty("document_groups").EnumerateArray()
            .Where(g => VietnameseText.Fold(g.GetProperty("case").GetString()!.TrimStart('*', ' ')).StartsWith("luu y", StringComparison.Ordinal))
            .Sum(g => g.GetProperty("documents").GetArrayLength()));
        counts.Notes.ShouldBeGreaterThanOrEqualTo(inNoteGroups);

        // The numbers written into the README (recomputed here: a parser change that moves them fails this test).
        counts.ToString().ShouldBe("procedures 344, cases 437, documents 1565 (conditional 552), notes 683, legal documents 2078, results 519 (with code 504)");
    }

    [Fact]
    public void Scraped_headings_never_become_cases()
    {
        var cases = Real.Value.Read.Procedures.SelectMany(p => p.DocumentGroups.Select(g => (p.Code, g.Case))).ToList();

        foreach (var (code, name) in cases)
        {
            var folded = VietnameseText.Fold(name);
            folded.ShouldNotStartWith("giay to phai", customMessage: $"{code}: \"{name}\"");
            folded.ShouldNotStartWith("luu y", customMessage: $"{code}: \"{name}\"");
            name.ShouldNotBe("--", customMessage: code);
            name.ShouldNotStartWith("*", customMessage: code);
            name.ShouldNotEndWith(":", customMessage: code);
        }

        // A procedure offers a choice of cases only when it has at least two.
        Real.Value.Read.Procedures.Where(p => p.DocumentGroups.Count == 1).ShouldAllBe(p => p.DocumentGroups[0].Documents.Count > 0);
    }

    [Fact]
    public void Birth_registration_reads_as_a_citizen_needs_it()
    {
        var birth = Real.Value.Read.Procedures.Single(p => p.Code == "1.001193");

        birth.Results.ShouldHaveSingleItem().ShouldBe(new ProcedureResult("Giấy khai sinh", "KQ.G15.000031"));
        var civilStatusDecree = birth.LegalDocuments!.Single(l => l.Number == "123/2015/NĐ-CP");
        civilStatusDecree.IssuedOn.ShouldBe(new DateOnly(2015, 11, 15));
        civilStatusDecree.Issuer.ShouldBe("Chính phủ");
        civilStatusDecree.Title.ShouldStartWith("Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ");
        birth.LegalDocuments!.Single(l => l.Number == "60/2014/QH13").Issuer.ShouldBe("Quốc hội");
        birth.LegalDocuments!.Single(l => l.Number == "03/2023/TT-BTP").Title.ShouldBe("Thông tư số 03/2023/TT-BTP ngày 02/8/2023 của Bộ trưởng Bộ Tư pháp");
        birth.LegalDocuments!.Count.ShouldBe(15);
        birth.Agencies!.Deciding.ShouldBe(["Ủy ban nhân dân cấp xã"]);
        birth.Notes!.ShouldContain(n => n.StartsWith("Cá nhân có quyền lựa chọn thực hiện thủ tục"));
        birth.DocumentGroups.ShouldHaveSingleItem();
        birth.DocumentGroups[0].Documents.Where(d => d.When is null).Select(d => d.Name[..15]).ShouldBe(["Giấy chứng sinh", "Hộ chiếu/Thẻ că"]);
    }

    [Fact]
    public void Real_cases_of_permanent_residence_are_cases_and_authorisation_papers_are_conditional()
    {
        var cases = Real.Value.Read.Procedures.Where(p => p.DocumentGroups.Count >= 2).ToList();
        cases.ShouldNotBeEmpty();
        cases.SelectMany(p => p.DocumentGroups).ShouldContain(g => g.Case == "Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình");

        var authorisations = Real.Value.Read.Procedures.SelectMany(p => p.DocumentGroups).SelectMany(g => g.Documents)
            .Where(d => d.Name.StartsWith("Văn bản ủy quyền", StringComparison.Ordinal)).ToList();
        authorisations.ShouldNotBeEmpty();
        authorisations.ShouldAllBe(d => d.When != null && d.When.Kind == ConditionKind.FiledByRepresentative);
    }

    [Fact]
    public void Agency_text_glued_to_the_legal_basis_becomes_the_agency()
    {
        var p = Real.Value.Read.Procedures.Single(x => x.Code == "3.000165");

        p.LegalBasis.ShouldNotContain("Cơ quan thực hiện");
        p.Agencies!.Executing.ShouldHaveSingleItem().ShouldStartWith("Tòa án nhân dân");
        Real.Value.Read.Procedures.ShouldAllBe(x => !x.Agencies!.Executing.Contains("Không có thông tin"));
    }

    [Theory]
    [InlineData("- Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng", null)]
    [InlineData("- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi", ConditionKind.AbandonedChild)]
    [InlineData("Văn bản ủy quyền theo quy định của pháp luật trong trường hợp ủy quyền thực hiện", ConditionKind.FiledByRepresentative)]
    [InlineData("Tờ khai theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính);", ConditionKind.FiledOnPaper)]
    [InlineData("Giấy tờ do cơ quan nước ngoài cấp phải được hợp pháp hóa lãnh sự, trừ trường hợp được miễn", null)]
    [InlineData("Đối với người đã có việc làm: xác nhận của cơ quan nơi làm việc", ConditionKind.Other)]
    public void A_paper_knows_when_it_is_required(string name, ConditionKind? kind)
    {
        var condition = ContentStructure.ConditionOf(ContentStructure.StripBullet(name));

        condition?.Kind.ShouldBe(kind!.Value);
        if (kind is null)
        {
            condition.ShouldBeNull();
        }
    }

    [Fact]
    public void A_legal_basis_row_ends_at_a_number_glued_to_the_next_title()
    {
        var list = ContentStructure.LegalBasis("Tên văn bản pháp lýMã văn bảnLuật 60/2014/QH1360/2014/QH13Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết123/2015/NĐ-CPQuyết định 1/QĐ-TTg1/QĐ-TTg", (_, _) => { });

        list.Select(l => l.Number).ShouldBe(["60/2014/QH13", "123/2015/NĐ-CP", "1/QĐ-TTg"]);
        list[0].Issuer.ShouldBe("Quốc hội");
        list[1].IssuedOn.ShouldBe(new DateOnly(2015, 11, 15));
        list[2].Issuer.ShouldBe("Thủ tướng Chính phủ");
    }

    [GeneratedRegex(@"Mã\s*:\s*KQ\.")]
    private static partial Regex ResultCode();
}
