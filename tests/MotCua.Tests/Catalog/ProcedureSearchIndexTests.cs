using MotCua.Catalog.Contracts;
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
    [Fact]
    public void A_phrase_beats_whole_words_which_beat_word_prefixes()
    {
        var index = Build(
            ("9.000001", "Hoa tichcuc", "X", "Cấp xã"),
            ("9.000002", "Tích hợp hồ sơ", "X", "Cấp xã"),
            ("9.000003", "Sao y hộ tịch", "X", "Cấp xã"),
            ("9.000004", "Hộ tịch", "X", "Cấp xã"),
            ("9.000005", "Học tập", "X", "Cấp xã"));

        Codes(index.Search("ho tich", null, null, 0, 10)).ShouldBe(["9.000004", "9.000003", "9.000002", "9.000001"]);
    }

    [Fact]
    public void Punctuation_and_case_in_the_query_do_not_matter()
        => Codes(Small.Search("  ĐĂNG KÝ, khai-sinh! ", null, null, 0, 1)).ShouldBe(["1.001193"]);

    [Fact]
    public void A_query_with_a_word_nowhere_in_a_name_finds_nothing()
        => Small.Search("dang ky khai hon", null, null, 0, 10).Total.ShouldBe(0);

    [Fact]
    public void Code_prefix_matches_come_in_code_order()
        => Codes(Small.Search("1.00", null, null, 0, 10)).ShouldBe(["1.000001", "1.000894", "1.001022", "1.001193", "1.003583"]);

    [Fact]
    public void Upsert_adds_a_new_entry_and_replaces_one_with_the_same_code()
    {
        var index = Build(("1.000001", "Đăng ký khai sinh", "Hộ tịch", "Cấp xã"));

        index.Upsert(new SearchEntry("1.000001", "Đăng ký khai tử", "Hộ tịch", ["Cấp xã"], "Bộ Tư pháp", DetailLevel.Full));
        index.Upsert(new SearchEntry("1.000002", "Đăng ký kết hôn", "Hộ tịch", ["Cấp xã"], "Bộ Tư pháp", DetailLevel.Summary));

        index.Count.ShouldBe(2);
        index.Search("khai sinh", null, null, 0, 10).Total.ShouldBe(0);
        Codes(index.Search("dang ky", null, null, 0, 10)).ShouldBe(["1.000001", "1.000002"], ignoreOrder: true);
    }

    [Fact]
    public async Task Concurrent_upserts_lose_nothing_and_readers_see_whole_snapshots()
    {
        var index = new ProcedureSearchIndex();
        var readerSawTornSnapshot = false;
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var all = index.Search(null, null, null, 0, int.MaxValue);
                readerSawTornSnapshot |= all.Total != all.Hits.Count;
            }
        });

        // Four writers on dedicated threads, released together, so their read-copy-swap steps overlap.
        using var start = new Barrier(4);
        var writers = Enumerable.Range(0, 4).Select(w => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 200; i++)
            {
                index.Upsert(new SearchEntry($"9.{w}{i:D5}", $"Thủ tục {w} {i}", "X", ["Cấp xã"], "Bộ", DetailLevel.Summary));
            }
        })).ToList();
        writers.ForEach(t => t.Start());
        writers.ForEach(t => t.Join());
        await stop.CancelAsync();
        await reader;

        index.Count.ShouldBe(800);
        readerSawTornSnapshot.ShouldBeFalse();
    }

    [Fact]
    public void The_real_catalog_searches_by_code_field_and_level()
    {
        using var json = SeedFiles.Open("tthc_catalog_sample.json");
        using var csv = SeedFiles.Open("tthc_index_all.csv");
        var detailed = CatalogJsonReader.Read(json, "json").Procedures;
        var codes = detailed.Select(p => p.Code).ToHashSet();
        var index = new ProcedureSearchIndex();
        index.Replace(detailed.Concat(CatalogCsvReader.Read(csv, "csv").Procedures.Where(p => !codes.Contains(p.Code)))
            .Select(p => new SearchEntry(p.Code, p.Name, p.Field, p.Levels, p.Ministry, p.Detail)));

        index.Count.ShouldBe(2642);
        Codes(index.Search("1.001193", null, null, 0, 5))[0].ShouldBe("1.001193");
        Codes(index.Search("dang ky khai sinh", null, null, 0, 3))[0].ShouldBe("1.001193");
        index.Search("1.0011", null, null, 0, 100).Hits.ShouldAllBe(h => h.Code.StartsWith("1.0011"));
        var civil = index.Search("dang ky", "ho tich", "cap xa", 0, 500);
        civil.Total.ShouldBeGreaterThan(10);
        civil.Hits.ShouldAllBe(h => h.Field == "Hộ tịch" && h.Levels.Contains("Cấp xã"));
        index.Search("giay phep xay dung", null, null, 0, 5).Hits[0].Name.ShouldContain("iấy phép xây dựng");
        var facets = index.Facets();
        facets.Levels.Select(l => l.Name).ShouldBe(["Cấp bộ", "Cấp tỉnh", "Cấp xã", "Cơ quan khác"], ignoreOrder: true);
        facets.Fields.Sum(f => f.Count).ShouldBe(2642);
    }
}
