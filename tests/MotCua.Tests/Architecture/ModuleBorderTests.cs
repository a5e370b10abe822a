using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using MotCua.Calendar.Working;
using MotCua.Catalog;
using MotCua.Dossiers;
using MotCua.Forms;
using MotCua.Integrations;
using MotCua.Organisation;
using MotCua.Planning;
using MotCua.Platform.Data;
using MotCua.Queues;

namespace MotCua.Tests.Architecture;

/// <summary>
/// The walls between modules (docs/adr/0008): a module is one project and one namespace; other modules see only its
/// <c>Contracts</c> namespace, and only the modules it declares below. The kernel (Platform) sees no module; Calendar is
/// a declared pure library (no I/O, no other project) whose whole namespace any module may use. Every pair of modules
/// is checked — in the compiled references, in the source (no other module's namespace outside its Contracts) and in
/// the visibility of types (internal by default; no module opens its internals to another).
/// </summary>
public sealed partial class ModuleBorderTests
{
    /// <summary>Each module and the modules it may use (through their Contracts). Adding a reach means adding it here.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Calendar"] = [],
        ["Catalog"] = ["Organisation"], // the deciding agency per level names a unit (by code) and an agency kind
        ["Organisation"] = ["Calendar"],
        ["Integrations"] = [],
        ["Forms"] = ["Catalog", "Organisation"],
        ["Dossiers"] = ["Calendar", "Catalog", "Organisation", "Forms", "Integrations"],
        ["Queues"] = ["Calendar", "Catalog", "Organisation", "Dossiers"],
        ["Planning"] = ["Organisation", "Queues"],
    };

    /// <summary>Modules whose whole namespace is their contract: pure libraries without I/O.</summary>
    private static readonly HashSet<string> PureLibraries = ["Calendar"];

    private static readonly Dictionary<string, Assembly> Assemblies = new()
    {
        ["Calendar"] = typeof(WorkingCalendar).Assembly,
        ["Catalog"] = typeof(CatalogModule).Assembly,
        ["Organisation"] = typeof(OrganisationModule).Assembly,
        ["Integrations"] = typeof(IntegrationsModule).Assembly,
        ["Forms"] = typeof(FormsModule).Assembly,
        ["Dossiers"] = typeof(DossiersModule).Assembly,
        ["Queues"] = typeof(QueuesModule).Assembly,
        ["Planning"] = typeof(PlanningModule).Assembly,
    };

    /// <summary>Who may see a module's internals: the tests, the benchmarks, the generated migrations and the console.</summary>
    private static readonly HashSet<string> InternalsReaders =
        ["MotCua.Tests", "MotCua.IntegrationTests", "MotCua.BrowserTests", "MotCua.Benchmarks", "MotCua.Migrations.Sqlite", "MotCua.Migrations.Postgres", "motcua"];

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var from in Allowed.Keys)
        {
            foreach (var to in Allowed.Keys.Where(to => to != from))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Fact]
    public void Every_module_folder_is_declared_with_its_assembly()
    {
        var folders = Directory.GetDirectories(Path.Combine(RepoRoot, "src", "Modules"), "MotCua.*")
            .Select(d => Path.GetFileName(d)["MotCua.".Length..]).Order().ToList();
        folders.ShouldBe(Allowed.Keys.Order().ToList(), "a new module needs its line in Allowed and Assemblies");
        Assemblies.Keys.Order().ShouldBe(Allowed.Keys.Order());
    }

    [Fact]
    public void The_kernel_references_no_module()
        => typeof(MotCuaDb).Assembly.GetReferencedAssemblies().Select(a => a.Name)
            .ShouldNotContain(n => n!.StartsWith("MotCua.", StringComparison.Ordinal));

    [Fact]
    public void A_pure_library_references_no_other_project_not_even_the_kernel()
    {
        foreach (var library in PureLibraries)
        {
            Assemblies[library].GetReferencedAssemblies().Select(a => a.Name)
                .ShouldNotContain(n => n!.StartsWith("MotCua.", StringComparison.Ordinal), $"{library} is declared a pure library");
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_module_references_another_module_only_when_declared(string from, string to)
    {
        var references = Assemblies[from].GetReferencedAssemblies().Select(a => a.Name).ToHashSet();
        if (!Allowed[from].Contains(to))
        {
            references.ShouldNotContain($"MotCua.{to}", $"{from} does not declare {to}");
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_module_names_another_module_only_through_its_contracts(string from, string to)
    {
        var reaches = SourceFiles($"src/Modules/MotCua.{from}")
            .SelectMany(f => Reaches(f, to).Select(r => $"{Relative(f)}: {r}"))
            .ToList();
        if (!Allowed[from].Contains(to))
        {
            reaches.ShouldBeEmpty($"{from} does not declare {to}");
        }
        else if (!PureLibraries.Contains(to))
        {
            reaches.Where(r => !r.EndsWith($"MotCua.{to}.Contracts", StringComparison.Ordinal))
                .ShouldBeEmpty($"{from} may use only MotCua.{to}.Contracts");
        }
    }

    [Fact]
    public void The_web_app_names_modules_only_by_their_front_door_and_contracts()
    {
        var reaches = SourceFiles("src/MotCua.Web")
            .SelectMany(f => Allowed.Keys.SelectMany(m => Reaches(f, m).Select(r => $"{Relative(f)}: {r}")))
            .Where(r => !r.EndsWith(".Contracts", StringComparison.Ordinal) && !ModuleRoot().IsMatch(r))
            .ToList();
        reaches.ShouldBeEmpty();
    }

    [Fact]
    public void No_module_opens_its_internals_to_another_module_or_to_the_web_app()
    {
        foreach (var (name, assembly) in Assemblies)
        {
            assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName)
                .Where(reader => !InternalsReaders.Contains(reader))
                .ShouldBeEmpty($"{name} opens its internals");
        }
    }

    [Fact]
    public void Outside_contracts_fewer_than_15_percent_of_module_types_are_public()
    {
        var types = Assemblies.Values.SelectMany(a => a.GetTypes())
            .Where(t => !t.IsNested && !t.IsDefined(typeof(CompilerGeneratedAttribute)) && t.Namespace is { } ns
                        && !ns.Split('.').Contains("Contracts") && !t.Name.StartsWith('<'))
            .ToList();
        var exposed = types.Where(t => t.IsPublic && !IsFrontDoor(t) && !typeof(IComponent).IsAssignableFrom(t)).ToList();
        var share = (double)exposed.Count / types.Count;
        share.ShouldBeLessThan(0.15, $"public outside Contracts: {string.Join(", ", exposed.Select(t => t.FullName).Order())}");
    }

    [Fact]
    public void Entity_configurations_stay_inside_their_module()
    {
        foreach (var module in Assemblies.Values)
        {
            module.GetTypes().Where(t => typeof(IModelContributor).IsAssignableFrom(t) && !t.IsInterface)
                .ShouldAllBe(t => !t.IsPublic, "a module's model is its own business");
        }
    }

    [Fact]
    public void The_source_scan_finds_a_reach_past_the_contracts()
    {
        // The scanner itself: a using of another module's internals is found, its Contracts and comments are not.
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "using MotCua.Dossiers.Processing;\nusing MotCua.Dossiers.Contracts;\n// MotCua.Dossiers.Tracking in a comment\n@inject MotCua.Dossiers.Tracking.TrackDossier Track\nvar x = typeof(MotCua.Dossiers.DossiersModule);\n");
        try
        {
            Reaches(file, "Dossiers").ShouldBe(["MotCua.Dossiers.Processing", "MotCua.Dossiers.Contracts", "MotCua.Dossiers.Tracking", "MotCua.Dossiers"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static bool IsFrontDoor(Type t) => t.Namespace == $"MotCua.{t.Assembly.GetName().Name!["MotCua.".Length..]}" && t.Name.EndsWith("Module", StringComparison.Ordinal);

    /// <summary>The namespaces of <paramref name="module"/> a file names (usings and qualified names), comments left out.</summary>
    private static List<string> Reaches(string file, string module)
    {
        var code = string.Join('\n', File.ReadLines(file).Select(l => l.TrimStart()).Where(l => !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith("///", StringComparison.Ordinal) && !l.StartsWith("@*", StringComparison.Ordinal)));
        return Regex.Matches(code, $@"(?<![\w.])MotCua\.{module}(\.[A-Z]\w*)*")
            .Select(m => Namespace(m.Value, module))
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// "MotCua.Dossiers.Processing.ProcessingActions" → "MotCua.Dossiers.Processing" (the module and its first folder);
    /// the front door ("MotCua.Dossiers.DossiersModule") → "MotCua.Dossiers".
    /// </summary>
    private static string Namespace(string name, string module)
    {
        var parts = name.Split('.');
        return parts.Length > 2 && parts[2] != $"{module}Module" ? $"MotCua.{module}.{parts[2]}" : $"MotCua.{module}";
    }

    [GeneratedRegex(@": MotCua\.\w+$")]
    private static partial Regex ModuleRoot();

    private static IEnumerable<string> SourceFiles(string folder)
        => Directory.EnumerateFiles(Path.Combine(RepoRoot, folder), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(RepoRoot, file);

    private static readonly string RepoRoot = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MotCua.slnx not found above the test's folder.");
    }
}
