using MotCua.Platform.Text;

namespace MotCua.Organisation.Seed;

/// <summary>The seed data files (repo folder seed/), embedded in this assembly.</summary>
internal static class SeedFiles
{
    public static CsvTable Csv(string name)
    {
        using var stream = typeof(SeedFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Seed file {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return CsvTable.Read(reader);
    }
}
