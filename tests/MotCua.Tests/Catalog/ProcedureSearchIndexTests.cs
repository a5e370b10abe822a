using MotCua.Catalog.Import;
using MotCua.Catalog.Procedures;
using MotCua.Catalog.Search;

namespace MotCua.Tests.Catalog;

public sealed class ProcedureSearchIndexTests
{
    private static readonly ProcedureSearchIndex Small = Build(
        ("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", "Cấp xã"),
        ("1.003583", "Thủ tục đăng ký khai sinh lưu động", "Hộ tịch", "Cấp xã"),
        ("2.000528", "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch", "Cấp xã"),
        ("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch", "Cấp xã"),
        ("1.001022", "Đăng ký lại khai sinh", "Hộ tịch", "Cấp xã"),
        ("1.013225", "Cấp giấy phép xây dựng mới", "Hoạt động xây dựng", "Cấp tỉnh"),
        ("1.000001", "Khai thác thông tin đăng ký", "Khác", "Cấp bộ"));

    private static ProcedureSearchIndex Build(params (string Code, string Name, string Field, string Level)[] rows)
    {
        var index = new ProcedureSearchIndex();
        index.Replace(rows.Select(r => new SearchEntry(r.Code, r.Name, r.Field, [r.Level], "Bộ Tư pháp", DetailLevel.Full)));
        return index;
    }

    private static List<string> Codes(SearchResult r) => r.Hits.Select(h => h.Code).ToList();

    [Fact]
    public void Typing_without_accents_ranks_the_exact_phrase_first_and_shorter_names_before_longer()
        => Codes(Small.Search("dang ky khai sinh", null, null, 0, 10)).ShouldBe(["1.001193", "1.003583", "2.000528", "1.001022"]);

    [Fact]
    public void Every_word_must_match_but_not_in_order()
    {
        // No phrase match: the earlier match in the name, then the shorter name.
        Codes(Small.Search("khai sinh dang ky", null, null, 0, 10)).ShouldBe(["1.001022", "1.001193", "1.003583", "2.000528"]);
        Small.Search("khai sinh ket hon", null, null, 0, 10).Total.ShouldBe(0);
    }

    [Fact]
    public void Words_match_as_prefixes_after_whole_words()
        => Codes(Small.Search("giay phep xay", null, null, 0, 10)).ShouldBe(["1.013225"]);

    [Fact]
    public void A_code_finds_its_procedure_and_a_code_prefix_its_family()
    {
        Codes(Small.Search("1.001193", null, null, 0, 10)).ShouldBe(["1.001193"]);
        Codes(Small.Search("2.000", null, null, 0, 10)).ShouldBe(["2.000528"]);
    }

    [Fact]
    public void Filters_keep_only_the_field_and_level_asked_for_whatever_the_accents()
    {
        Codes(Small.Search("dang ky", "Ho tich", null, 0, 10)).ShouldNotContain("1.000001");
        Codes(Small.Search(null, null, "Cấp tỉnh", 0, 10)).ShouldBe(["1.013225"]);
    }

    [Fact]
    public void An_empty_query_lists_everything_by_name_and_pages()
    {
        var all = Small.Search("", null, null, 0, 100);
        all.Total.ShouldBe(7);
        all.Hits[0].Name.ShouldBe("Cấp giấy phép xây dựng mới");

        var page = Small.Search("", null, null, 5, 5);
        page.Total.ShouldBe(7);
        page.Hits.Count.ShouldBe(2);
    }

    [Fact]
    public void Facets_count_fields_and_levels()
    {
        var facets = Small.Facets();
        facets.Fields.ShouldContain(new FacetCount("Hộ tịch", 5));
        facets.Levels[0].ShouldBe(new FacetCount("Cấp xã", 5));
    }

    [Fact]
    public void The_real_catalog_finds_birth_registration_first()
    {
        using var json = SeedFiles.Open("tthc_catalog_sample.json");
        var index = new ProcedureSearchIndex();
        index.Replace(CatalogJsonReader.Read(json, "x").Procedures.Select(p => new SearchEntry(p.Code, p.Name, p.Field, p.Levels, p.Ministry, p.Detail)));

        Codes(index.Search("dang ky khai sinh", null, null, 0, 1)).ShouldBe(["1.001193"]);
    }
}
