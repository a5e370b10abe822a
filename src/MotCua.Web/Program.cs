using MotCua.Catalog;
using MotCua.Dossiers;
using MotCua.Forms;
using MotCua.Integrations;
using MotCua.Organisation;
using MotCua.Planning;
using MotCua.Queues;
using MotCua.Web.Components;
using MotCua.Web.Startup;

var builder = WebApplication.CreateBuilder(args);
if (SafeDefaults.Problems(builder.Configuration, builder.Environment) is { Count: > 0 } unsafeSettings)
{
    await Console.Error.WriteLineAsync(SafeDefaults.Message(builder.Environment, unsafeSettings));
    return 1;
}

builder.AddPlatform();

// The modules, listed by hand.
builder.Services.AddOrganisation(builder.Configuration);
builder.Services.AddCatalog(builder.Configuration);
builder.Services.AddIntegrations(builder.Configuration);
builder.Services.AddForms(builder.Configuration);
builder.Services.AddDossiers(builder.Configuration);
builder.Services.AddQueues(builder.Configuration);
builder.Services.AddPlanning();

var app = builder.Build();

app.UsePlatform();

app.MapOrganisation();
app.MapCatalog();
app.MapIntegrations();
app.MapForms();
app.MapDossiers();
app.MapQueues();
app.MapPlanning();

app.MapRazorComponents<App>()
    .AddAdditionalAssemblies(typeof(OrganisationModule).Assembly, typeof(CatalogModule).Assembly, typeof(IntegrationsModule).Assembly,
        typeof(FormsModule).Assembly, typeof(DossiersModule).Assembly, typeof(QueuesModule).Assembly, typeof(PlanningModule).Assembly);

await app.RunAsync();
return 0;

/// <summary>The web app's entry point (public for the integration tests' host).</summary>
public partial class Program;
