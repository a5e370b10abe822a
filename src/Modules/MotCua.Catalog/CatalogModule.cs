using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog.Browse;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.DecidingAgencies;
using MotCua.Catalog.Edit;
using MotCua.Catalog.Import;
using MotCua.Catalog.LifeEvents;
using MotCua.Catalog.Search;
using MotCua.Catalog.Seed;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Startup;

namespace MotCua.Catalog;

/// <summary>The Catalog module's front door: procedures, their versions, search, import, editing.</summary>
public static class CatalogModule
{
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, CatalogModel>();
        services.AddSingleton<CatalogIndex>();
        services.AddScoped<ISeeder, CatalogSeeder>();
        services.AddScoped<ImportCatalog>();
        services.AddScoped<SearchProcedures>();
        services.AddScoped<Contracts.IProcedureSearch>(sp => sp.GetRequiredService<SearchProcedures>());
        services.AddScoped<ProcedureDetails>();
        services.AddScoped<EditProcedure>();
        services.AddScoped<ProcedureLookup>();
        services.AddScoped<DecidingAgencySuggestions>();
        services.AddScoped<SetDecidingAgencies>();
        services.AddSingleton(LifeEventList.Load(configuration));
        services.AddScoped<ListLifeEvents>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/procedures").WithTags("Catalog");

        api.MapGet("/", async (string? q, string? field, string? level, [FromQuery(Name = "event")] string? lifeEvent, int? page, int? pageSize, SearchProcedures search, CancellationToken ct) =>
            {
                return (await search.RunAsync(new ProcedureQuery(q, field, level, page ?? 1, pageSize ?? 20, lifeEvent), ct)).ToHttp();
            })
            .WithSummary("Search the catalog: accents and case optional, by name or code, filtered by field, level and life event (404 for an unknown event).");

        api.MapGet("/facets", async (SearchProcedures search, CancellationToken ct) => Results.Ok(await search.FacetsAsync(ct)))
            .WithSummary("Fields and levels with their procedure counts, for filters.");

        api.MapGet("/{code}", async (string code, int? version, ProcedureDetails details, CancellationToken ct)
                => await details.RunAsync(code, version, ct) is { } view
                    ? Results.Ok(view)
                    : Error.NotFound(version is null ? $"thủ tục có mã {code}" : $"phiên bản {version} của thủ tục {code}").ToProblem())
            .WithSummary("One procedure: the current version, or the version asked for, with the list of versions.");

        api.MapPut("/{code}", async (string code, ProcedureEdit edit, EditProcedure editor, CancellationToken ct) =>
            {
                if (edit.Content is null)
                {
                    return Error.Required("content", "nội dung thủ tục (content)").ToProblem();
                }

                var outcome = await editor.RunAsync(code, edit, ct);
                return outcome.Errors.Count > 0
                    ? Error.Problem(outcome.Errors)
                    : Results.Ok(new { code, version = outcome.Version, changed = outcome.Changed });
            })
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator))
            .WithSummary("Edit a procedure (administrator): saves a new version; 409 if the expected version is not the current one.");

        var agencies = app.MapGroup("/api/v1/admin/deciding-agencies").WithTags("Catalog")
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator));

        agencies.MapGet("/", async (bool? unconfirmed, string? code, int? take, SetDecidingAgencies use, CancellationToken ct)
                => Results.Ok(await use.ListAsync(unconfirmed ?? false, code, take ?? 100, ct)))
            .WithSummary("Procedures with their deciding agency per level (cơ quan giải quyết) on the current version; ?unconfirmed=true lists those still \"chưa xác nhận\", ?code= one procedure, ?take= at most 500 (administrator).");

        agencies.MapPut("/{code}", async (string code, DecidingAgencyRequest request, SetDecidingAgencies use, CancellationToken ct)
                => (await use.RunAsync(code, request, ct)).ToHttp())
            .WithSummary("Set and confirm the deciding agency per level of a procedure's current version: a kind (CommuneCommittee, CommunePolice) at \"Cấp xã\", a unit code at the others (administrator; audited).");

        app.MapGet("/api/v1/life-events", async (ListLifeEvents list, CancellationToken ct) => Results.Ok(await list.RunAsync(ct)))
            .WithTags("Catalog")
            .WithSummary("Life events (birth, marriage, moving home …) with their names in Vietnamese and English and how many procedures each holds; filter with /api/v1/procedures?event=<slug>.");

        return app;
    }
}
