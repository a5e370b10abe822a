namespace MotCua.Tests.Catalog;

/// <summary>The repository's seed/ folder, found from the test binaries.</summary>
internal static class SeedFiles
{
    public static string Path(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(System.IO.Path.Combine(dir.FullName, "seed")))
        {
            dir = dir.Parent;
        }

        return System.IO.Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("seed/"), "seed", file);
    }

    public static Stream Open(string file) => File.OpenRead(Path(file));
}
