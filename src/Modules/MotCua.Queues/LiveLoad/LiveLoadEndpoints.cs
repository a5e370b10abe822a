using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Queues.LiveLoad;

internal static class LiveLoadEndpoints
{
    public static readonly string[] Roles = [StaffRoles.BranchManager, StaffRoles.CenterDirector, StaffRoles.Administrator];

    public static IServiceCollection AddLiveLoad(this IServiceCollection services)
    {
        services.AddScoped<LiveLoadQuery>();
        services.AddScoped<MoveStaff>();
        return services;
    }

    public static void MapLiveLoad(this RouteGroupBuilder api)
    {
        api.MapGet("/live-load", async (LiveLoadQuery load, CancellationToken ct) => Results.Ok(await load.RunAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(Roles))
            .WithTags("Queues")
            .WithSummary("The live load of every point (managers): waiting, longest wait so far, estimated wait, counters open, busiest group; worst first.");

        api.MapPost("/live-load/moves", (MoveStaffRequest request, MoveStaff move, CancellationToken ct) => move.RunAsync(request, ct).ToHttp())
            .RequireAuthorization(p => p.RequireRole(Roles))
            .WithTags("Queues")
            .WithSummary("Move an officer: close the counter they are on duty at and open a counter at another point for them, together.");
    }
}
