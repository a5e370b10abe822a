using BenchmarkDotNet.Attributes;
using MotCua.Catalog.Import;
using MotCua.Catalog.Search;

namespace MotCua.Benchmarks;

/// <summary>Catalog search over the whole bundled catalog (2,642 procedures), in-process. Target: under 1 ms a search.</summary>
[MemoryDiagnoser]
public class CatalogSearchBenchmarks
{
    private readonly ProcedureSearchIndex index = new();

    [GlobalSetup]
    public void Load()
    {
        var seed = Seed();
        using var json = File.OpenRead(Path.Combine(seed, "tthc_catalog_sample.json"));
        using var csv = File.OpenRead(Path.Combine(seed, "tthc_index_all.csv"));
        var detailed = CatalogJsonReader.Read(json, "json").Procedures;
        var codes = detailed.Select(p => p.Code).ToHashSet();
        var all = detailed.Concat(CatalogCsvReader.Read(csv, "csv").Procedures.Where(p => !codes.Contains(p.Code)));
        index.Replace(all.Select(p => new SearchEntry(p.Code, p.Name, p.Field, p.Levels, p.Ministry, p.Detail)));
        if (index.Count < 2642)
        {
            throw new InvalidOperationException($"Only {index.Count} procedures loaded.");
        }
    }

    [Benchmark(Description = "\"dang ky khai sinh\"")]
    public object Phrase() => index.Search("dang ky khai sinh", null, null, 0, 20);

    [Benchmark(Description = "\"giay phep xay dung\"")]
    public object Words() => index.Search("giay phep xay dung", null, null, 0, 20);

    [Benchmark(Description = "code 1.001193")]
    public object Code() => index.Search("1.001193", null, null, 0, 20);

    [Benchmark(Description = "\"cap\" + field filter")]
    public object Filtered() => index.Search("cap", "Hộ tịch", "Cấp xã", 0, 20);

    [Benchmark(Description = "no query, page 3")]
    public object Browse() => index.Search(null, null, null, 40, 20);

    private static string Seed()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "seed")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? Directory.GetCurrentDirectory(), "seed");
    }
}
