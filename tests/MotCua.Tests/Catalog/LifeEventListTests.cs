using System.Text;
using Microsoft.Extensions.Configuration;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Import;
using MotCua.Catalog.LifeEvents;
using MotCua.Catalog.Procedures;
using MotCua.Catalog.Search;
using MotCua.Catalog.Seed;

namespace MotCua.Tests.Catalog;

/// <summary>The life events are data (LifeEvents/life-events.json): checked on reading, and against the bundled catalog.</summary>
public sealed class LifeEventListTests
{
    private static readonly Lazy<ProcedureSearchIndex> Bundled = new(() =>
    {
        // As the seeder loads it: the detailed procedures, then the index adds the others.
        var entries = new Dictionary<string, SearchEntry>(StringComparer.Ordinal);
        foreach (var file in new[] { CatalogSeeder.DetailedFile, CatalogSeeder.IndexFile })
        {
            using var stream = CatalogSeeder.Open(file);
            var read = file.EndsWith(".json", StringComparison.Ordinal) ? CatalogJsonReader.Read(stream, file) : CatalogCsvReader.Read(stream, file);
            foreach (var p in read.Procedures)
            {
                entries.TryAdd(p.Code, new SearchEntry(p.Code, p.Name, p.Field, p.Levels, p.Ministry, p.Detail));
            }
        }

        var index = new ProcedureSearchIndex();
        index.Replace(entries.Values);
        return index;
    });

    private static LifeEventList Embedded()
    {
        using var stream = LifeEventList.OpenEmbedded();
        var (list, problems) = LifeEventList.Read(stream);
        problems.ShouldBeEmpty();
        return list.ShouldNotBeNull();
    }

    private static (LifeEventList? List, IReadOnlyList<string> Problems) Read(string json)
        => LifeEventList.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void The_bundled_list_is_valid_and_has_the_portal_s_life_events()
        => Embedded().All.Select(e => e.Slug).ShouldBe(["khai-sinh", "ket-hon", "cu-tru", "can-cuoc", "kinh-doanh", "xay-dung", "dat-dai", "khai-tu", "phuong-tien", "ho-chieu"], ignoreOrder: true);

    [Fact]
    public void Every_life_event_matches_at_least_one_procedure_of_the_bundled_catalog()
    {
        var empty = Embedded().All.Where(e => Bundled.Value.CountIn(e.Selection) == 0).Select(e => e.Slug).ToList();
        empty.ShouldBeEmpty();
    }

    [Fact]
    public void Every_field_an_event_names_exists_in_the_bundled_catalog()
    {
        // A misspelt field would silently match nothing: each one must be a real catalog field.
        var fields = Bundled.Value.Facets().Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = Embedded().All.SelectMany(e => e.Fields.Select(f => $"{e.Slug}: {f}")).Where(f => !fields.Contains(f[(f.IndexOf(": ", StringComparison.Ordinal) + 2)..])).ToList();
        unknown.ShouldBeEmpty();
    }

    [Fact]
    public void The_birth_event_holds_birth_registration_and_not_marriage()
    {
        var birth = Embedded().Find("khai-sinh").ShouldNotBeNull();
        var codes = Bundled.Value.Search(null, null, null, 0, 500, birth.Selection).Hits.Select(h => h.Code).ToList();

        codes.ShouldContain("1.001193");
        codes.ShouldContain("1.004884"); // đăng ký lại khai sinh
        codes.ShouldNotContain("1.000894"); // đăng ký kết hôn
        codes.ShouldNotContain("1.000656"); // đăng ký khai tử
    }

    [Fact]
    public void A_slug_is_found_whatever_its_case_and_an_unknown_one_is_not()
    {
        var list = Embedded();
        list.Find("KHAI-SINH").ShouldNotBeNull().Slug.ShouldBe("khai-sinh");
        list.Find("khong-co").ShouldBeNull();
        list.Find(null).ShouldBeNull();
    }

    [Fact]
    public void Terms_match_whole_words_without_accents_and_codes_and_fields_match_exactly()
    {
        var index = new ProcedureSearchIndex();
        index.Replace([
            new SearchEntry("1.1", "Thủ tục đăng ký khai sinh", "Hộ tịch", ["Cấp xã"], "Bộ Tư pháp", DetailLevel.Full),
            new SearchEntry("1.2", "Khai sinhx thử", "Khác", ["Cấp xã"], "Bộ Tư pháp", DetailLevel.Full),
            new SearchEntry("1.3", "Đăng ký tạm trú", "Đăng ký, quản lý cư trú", ["Cấp xã"], "Bộ Công an", DetailLevel.Full),
            new SearchEntry("1.4", "Cấp giấy phép xây dựng", "Hoạt động xây dựng", ["Cấp tỉnh"], "Bộ Xây dựng", DetailLevel.Full),
        ]);

        Codes(index, new ProcedureSelection([], ["KHAI SINH"], [])).ShouldBe(["1.1"]);
        Codes(index, new ProcedureSelection(["dang ky, quan ly cu tru"], [], [])).ShouldBe(["1.3"]);
        Codes(index, new ProcedureSelection([], [], ["1.4"])).ShouldBe(["1.4"]);
        Codes(index, new ProcedureSelection(["Hộ tịch"], [], ["1.4"])).ShouldBe(["1.1", "1.4"], ignoreOrder: true);
        index.CountIn(new ProcedureSelection([], ["xây"], [])).ShouldBe(1);
        index.Search("giay phep", null, null, 0, 10, new ProcedureSelection(["Hộ tịch"], [], [])).Total.ShouldBe(0);
    }

    [Fact]
    public void A_list_with_mistakes_is_refused_with_every_problem_named()
    {
        var (list, problems) = Read("""
            // a comment is allowed
            { "events": [
              { "slug": "Sinh Con", "name": { "vi": "Sinh con", "en": "" }, "description": { "vi": "x", "en": "x" }, "terms": ["khai sinh"] },
              { "slug": "ket-hon", "name": { "vi": "Kết hôn", "en": "Marriage" }, "description": { "vi": "x", "en": "x" } },
              { "slug": "ket-hon", "name": { "vi": "Kết hôn", "en": "Marriage" }, "description": { "en": "x" }, "codes": [" "] },
            ] }
            """);

        list.ShouldBeNull();
        problems.ShouldContain(p => p.StartsWith("Sự kiện 1 (Sinh Con)", StringComparison.Ordinal) && p.Contains("slug"));
        problems.ShouldContain(p => p.StartsWith("Sự kiện 1", StringComparison.Ordinal) && p.Contains("thiếu tên tiếng Anh"));
        problems.ShouldContain(p => p.StartsWith("Sự kiện 2", StringComparison.Ordinal) && p.Contains("cần ít nhất một lĩnh vực"));
        problems.ShouldContain(p => p.StartsWith("Sự kiện 3", StringComparison.Ordinal) && p.Contains("trùng"));
        problems.ShouldContain(p => p.StartsWith("Sự kiện 3", StringComparison.Ordinal) && p.Contains("thiếu mô tả tiếng Việt"));
        problems.ShouldContain(p => p.StartsWith("Sự kiện 3", StringComparison.Ordinal) && p.Contains("để trống"));
    }

    [Fact]
    public void Broken_json_and_an_empty_list_are_refused()
    {
        Read("{ \"events\": [ { \"slug\": ").Problems.ShouldHaveSingleItem().ShouldContain("JSON không đọc được");
        Read("{ \"events\": [] }").Problems.ShouldHaveSingleItem().ShouldContain("Không có sự kiện nào");
    }

    [Fact]
    public void Loading_a_configured_file_with_mistakes_stops_with_the_reasons()
    {
        var path = Path.Combine(Path.GetTempPath(), $"life-events-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "events": [ { "slug": "x", "name": { "vi": "X", "en": "X" }, "description": { "vi": "X", "en": "X" } } ] }""");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [LifeEventList.FileSetting] = path }).Build();
            Should.Throw<InvalidOperationException>(() => LifeEventList.Load(configuration)).Message.ShouldContain("cần ít nhất một lĩnh vực");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<string> Codes(ProcedureSearchIndex index, ProcedureSelection selection)
        => index.Search(null, null, null, 0, 100, selection).Hits.Select(h => h.Code).ToList();
}
