using MotCua.Catalog;
using MotCua.Dossiers;
using MotCua.Organisation;
using MotCua.Portal;
using MotCua.Queues;
using MotCua.Web.Components;
using MotCua.Web.Startup;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatform();

// The modules, listed by hand.
builder.Services.AddOrganisation(builder.Configuration);
builder.Services.AddCatalog(builder.Configuration);
builder.Services.AddDossiers(builder.Configuration);
builder.Services.AddPortal(builder.Configuration);
builder.Services.AddQueues(builder.Configuration);

var app = builder.Build();

app.UsePlatform();

app.MapOrganisation();
app.MapCatalog();
app.MapDossiers();
app.MapPortal();
app.MapQueues();

app.MapRazorComponents<App>()
    .AddAdditionalAssemblies(typeof(OrganisationModule).Assembly, typeof(CatalogModule).Assembly, typeof(DossiersModule).Assembly, typeof(PortalModule).Assembly, typeof(QueuesModule).Assembly);

await app.RunAsync();

/// <summary>The web app's entry point (public for the integration tests' host).</summary>
public partial class Program;
