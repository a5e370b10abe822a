using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers.Processing;

namespace MotCua.Dossiers.StaffHome;

internal static class StaffHomeEndpoints
{
    public static void AddStaffHome(IServiceCollection services) => services.AddScoped<StaffHome>();

    public static void MapStaffHome(IEndpointRouteBuilder app)
        => app.MapGet("/api/v1/work/summary", async (StaffHome home, CancellationToken ct) => Results.Ok(await home.RunAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(WorkInbox.Roles))
            .WithTags("Processing")
            .WithSummary("My staff home: how many dossiers wait in each of my work lists (overdue, due soon, to process, waiting, to return) and my latest warnings.");
}
