using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Network;
using MotCua.Organisation.Seed;
using MotCua.Organisation.Units;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Startup;

namespace MotCua.Organisation;

/// <summary>The Organisation module's front door: administrative units, the center's network, agencies, staff.</summary>
public static class OrganisationModule
{
    public static IServiceCollection AddOrganisation(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, OrganisationModel>();
        services.Configure<SeedOptions>(configuration.GetSection("MotCua:Seed"));
        services.AddScoped<ISeeder, AdministrativeUnitSeeder>();
        services.AddScoped<ISeeder, NetworkSeeder>();
        services.AddScoped<ISeeder, DemoStaffSeeder>();
        services.AddScoped<UnitQueries>();
        services.AddScoped<NetworkQueries>();
        services.AddScoped<UpdatePoint>();
        services.AddScoped<OrgDirectory>();
        return services;
    }

    public static IEndpointRouteBuilder MapOrganisation(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Organisation");

        api.MapGet("/units", async (string? province, string? q, UnitQueries units, CancellationToken ct)
                => Results.Ok(await units.ListAsync(province, q, ct)))
            .WithSummary("Provinces (no province given) or the communes/wards of a province; q filters by name, accents optional.");

        api.MapGet("/units/{code}", async (string code, UnitQueries units, CancellationToken ct)
                => await units.FindAsync(code, ct) is { } unit ? Results.Ok(unit) : Error.NotFound($"đơn vị hành chính có mã {code}").ToProblem())
            .WithSummary("One administrative unit by its GSO code.");

        api.MapGet("/branches", async (OrgUnitKind? kind, string? q, NetworkQueries network, CancellationToken ct)
                => Results.Ok(await network.ListAsync(kind, q, ct)))
            .WithSummary("The center, its branches, reception points and service points.");

        api.MapGet("/branches/{code}", async (string code, NetworkQueries network, CancellationToken ct)
                => await network.FindAsync(code, ct) is { } point ? Results.Ok(point) : Error.NotFound($"đơn vị có mã {code}").ToProblem())
            .WithSummary("One branch or point with its children and the wards it serves.");

        api.MapPut("/branches/{code}", async (string code, PointChange change, UpdatePoint update, CancellationToken ct)
                => await update.RunAsync(code, change, ct) is { Count: > 0 } errors ? Error.Problem(errors) : Results.NoContent())
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator))
            .WithSummary("Edit a branch or point (administrator).");

        api.MapGet("/agencies", async (AgencyKind? kind, NetworkQueries network, CancellationToken ct)
                => Results.Ok((await network.AgenciesAsync(kind, ct)).Select(a => new { a.Code, a.Name, a.AgencyKind, a.ElectronicId, a.WardCode })))
            .WithSummary("Deciding agencies with their electronic IDs.");

        return app;
    }
}
