using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog;
using MotCua.Dossiers;
using MotCua.Forms;
using MotCua.Integrations;
using MotCua.Organisation;
using MotCua.Platform.Data;
using MotCua.Queues;

namespace MotCua.Migrations.Sqlite;

/// <summary>
/// For `dotnet ef migrations add X --project src/MotCua.Migrations.Sqlite --startup-project src/MotCua.Migrations.Sqlite`:
/// the model with every module's tables. No database is touched to add a migration.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MotCuaDb>
{
    public MotCuaDb CreateDbContext(string[] args)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddOrganisation(configuration).AddCatalog(configuration).AddDossiers(configuration).AddIntegrations(configuration).AddForms(configuration).AddQueues(configuration).BuildServiceProvider();
        var options = new DbContextOptionsBuilder<MotCuaDb>();
        options.UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly(DatabaseSetup.SqliteMigrations));
        return new MotCuaDb(options.Options, services.GetServices<IModelContributor>());
    }
}
