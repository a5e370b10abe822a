using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.Catalog;
using MotCua.Dossiers;
using MotCua.Forms;
using MotCua.Integrations;
using MotCua.Organisation;
using MotCua.Planning;
using MotCua.Platform;
using MotCua.Platform.Identity;
using MotCua.Queues;

namespace MotCua.Cli;

/// <summary>
/// The console's services: the same configuration keys as the web app (appsettings.json in the current
/// folder, environment variables such as MotCua__Database and ConnectionStrings__Postgres), the same modules.
/// </summary>
internal static class CliHost
{
    /// <param name="settings">Settings over the file and the environment (the tests point the console at their database).</param>
    public static ServiceProvider Build(IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddPlatformCore(configuration, Directory.GetCurrentDirectory());
        services.AddIdentityCore<StaffUser>(PlatformServices.ConfigureStaffIdentity).AddStaffStores();
        services.AddOrganisation(configuration);
        services.AddCatalog(configuration);
        services.AddIntegrations(configuration);
        services.AddForms(configuration);
        services.AddDossiers(configuration);
        services.AddQueues(configuration);
        services.AddPlanning();
        services.AddScoped<Generate.DossierGenerator>();
        return services.BuildServiceProvider();
    }

    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        try
        {
            return await root.Parse(args).InvokeAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"motcua: {e.Message}");
            return 1;
        }
    }
}
