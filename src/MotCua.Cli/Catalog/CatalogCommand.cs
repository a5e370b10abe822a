using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog.Browse;
using MotCua.Catalog.Import;
using MotCua.Platform.Startup;

namespace MotCua.Cli.Catalog;

internal static class CatalogCommand
{
    public static Command Create()
    {
        var catalog = new Command("catalog", "The procedure catalog.");
        catalog.Subcommands.Add(Import());
        catalog.Subcommands.Add(Search());
        return catalog;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A catalog file: the detailed JSON (tthc_catalog_sample.json shape) or the summary CSV (tthc_index_all.csv shape)." };
        var showProblems = new Option<bool>("--problems") { Description = "List every problem found, one per line." };
        var command = new Command("import", "Import procedures; prints counts: imported, unchanged, new versions, problems.") { file, showProblems };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"motcua: FILE: {path.FullName} does not exist.");
                return 2;
            }

            if (path.Extension.ToLowerInvariant() is not (".json" or ".csv"))
            {
                await Console.Error.WriteLineAsync($"motcua: FILE: {path.Name} must be .json or .csv.");
                return 2;
            }

            await using var services = CliHost.Build();
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            await using var scope = services.CreateAsyncScope();
            await using var stream = path.OpenRead();
            var report = await scope.ServiceProvider.GetRequiredService<ImportCatalog>().RunAsync(stream, path.Name, ct);
            Console.WriteLine($"imported: {report.Imported}");
            Console.WriteLine($"unchanged: {report.Unchanged}");
            Console.WriteLine($"new versions: {report.NewVersions}");
            Console.WriteLine($"summaries skipped (detailed record kept): {report.SkippedSummaries}");
            Console.WriteLine($"problems: {report.Problems.Count}");
            var parsed = report.Parsed;
            Console.WriteLine("parsed:");
            Console.WriteLine($"  procedures: {parsed.Procedures}");
            Console.WriteLine($"  cases: {parsed.Cases}");
            Console.WriteLine($"  documents: {parsed.Documents}");
            Console.WriteLine($"  conditional documents: {parsed.ConditionalDocuments}");
            Console.WriteLine($"  notes: {parsed.Notes}");
            Console.WriteLine($"  legal documents: {parsed.LegalDocuments}");
            Console.WriteLine($"  results: {parsed.Results} (with code: {parsed.ResultsWithCode})");
            Console.WriteLine("  not parsed (by field):");
            foreach (var g in report.Problems.GroupBy(p => p.Field).OrderByDescending(g => g.Count()))
            {
                Console.WriteLine($"    {g.Key}: {g.Count()}");
            }

            if (parse.GetValue(showProblems))
            {
                foreach (var p in report.Problems)
                {
                    Console.WriteLine($"  {p.File}\t{p.ProcedureCode ?? "-"}\t{p.Field}\t{p.Reason}");
                }
            }

            return 0;
        });
        return command;
    }

    private static Command Search()
    {
        var query = new Argument<string>("QUERY") { Description = "Words of the name (accents optional) or a code." };
        var take = new Option<int>("--take") { Description = "How many results (1–100).", DefaultValueFactory = _ => 10 };
        var command = new Command("search", "Search the catalog like the web page does.") { query, take };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build();
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(ct);
            await using var scope = services.CreateAsyncScope();
            var (page, errors) = await scope.ServiceProvider.GetRequiredService<SearchProcedures>()
                .RunAsync(new ProcedureQuery(parse.GetValue(query), null, null, 1, parse.GetValue(take)), ct);
            if (page is null)
            {
                await Console.Error.WriteLineAsync($"motcua: {errors[0].Field}: {errors[0].Message}");
                return 2;
            }

            Console.WriteLine($"{page.Total} result(s)");
            foreach (var item in page.Items)
            {
                Console.WriteLine($"{item.Code}\t{item.Name}\t{item.Field}");
            }

            return 0;
        });
        return command;
    }
}
