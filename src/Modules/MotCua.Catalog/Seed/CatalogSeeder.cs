using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.DecidingAgencies;
using MotCua.Catalog.Import;
using MotCua.Catalog.Procedures;
using MotCua.Platform.Data;
using MotCua.Platform.Startup;

namespace MotCua.Catalog.Seed;

/// <summary>
/// Loads the bundled catalog on an empty database: the 344 detailed procedures first, then the 2,642-row
/// index (which adds the others as summary records); on every start-up, fills in the suggested deciding agency
/// of versions that have none. Later changes come through `motcua catalog import`.
/// </summary>
internal sealed class CatalogSeeder(MotCuaDb db, ImportCatalog import, DecidingAgencySuggestions agencies) : ISeeder
{
    public const string DetailedFile = "tthc_catalog_sample.json";
    public const string IndexFile = "tthc_index_all.csv";

    public int Order => 40;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!await db.Set<Procedure>().AnyAsync(ct))
        {
            foreach (var file in new[] { DetailedFile, IndexFile })
            {
                await using var stream = Open(file);
                await import.RunAsync(stream, file, ct);
            }
        }

        // Every start-up: versions without a deciding agency (databases from before it was data) get the suggestion.
        await agencies.FillMissingAsync(ct);
    }

    public static Stream Open(string file) => typeof(CatalogSeeder).Assembly.GetManifestResourceStream(file)
        ?? throw new InvalidOperationException($"Seed file {file} is not embedded.");
}
