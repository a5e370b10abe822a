using System.Reflection;
using MotCua.Catalog;
using MotCua.Dossiers;
using MotCua.Organisation;
using MotCua.Platform.Data;
using MotCua.Portal;
using MotCua.Queues;

namespace MotCua.Tests.Architecture;

/// <summary>
/// The kernel sees no module; the foundation modules (catalog, organisation) see no other module; feature
/// modules (dossiers, portal, queues) use the foundation through its Contracts (ProcedureLookup, OrgDirectory).
/// </summary>
public sealed class ModuleBorderTests
{
    private static readonly Assembly[] Foundation = [typeof(CatalogModule).Assembly, typeof(OrganisationModule).Assembly];
    private static readonly Assembly[] Modules = [.. Foundation, typeof(DossiersModule).Assembly, typeof(PortalModule).Assembly, typeof(QueuesModule).Assembly];

    [Fact]
    public void The_kernel_references_no_module()
        => typeof(MotCuaDb).Assembly.GetReferencedAssemblies().Select(a => a.Name)
            .ShouldNotContain(n => n!.StartsWith("MotCua.", StringComparison.Ordinal));

    [Fact]
    public void Foundation_modules_do_not_reference_other_modules()
    {
        var names = Modules.Select(m => m.GetName().Name).ToHashSet();
        foreach (var module in Foundation)
        {
            module.GetReferencedAssemblies().Select(a => a.Name).Where(names.Contains)
                .ShouldBeEmpty($"{module.GetName().Name} must use other modules' Contracts through the kernel, not their assemblies");
        }
    }

    [Fact]
    public void Entity_configurations_stay_inside_their_module()
    {
        foreach (var module in Modules)
        {
            module.GetTypes().Where(t => typeof(IModelContributor).IsAssignableFrom(t) && !t.IsInterface)
                .ShouldAllBe(t => !t.IsPublic, "a module's model is its own business");
        }
    }
}
