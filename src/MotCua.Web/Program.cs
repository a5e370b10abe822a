using MotCua.Catalog;
using MotCua.Organisation;
using MotCua.Web.Components;
using MotCua.Web.Startup;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatform();

// The modules, listed by hand.
builder.Services.AddOrganisation(builder.Configuration);
builder.Services.AddCatalog(builder.Configuration);

var app = builder.Build();

app.UsePlatform();

app.MapOrganisation();
app.MapCatalog();

app.MapRazorComponents<App>()
    .AddAdditionalAssemblies(typeof(OrganisationModule).Assembly, typeof(CatalogModule).Assembly);

await app.RunAsync();

/// <summary>The web app's entry point (public for the integration tests' host).</summary>
public partial class Program;
