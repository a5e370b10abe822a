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
            .WithSummary("The live load of every point in the caller's scope (a branch manager: her branch; the director: all): waiting, serving, longest wait so far, estimated wait, counters open, busiest group; worst first.");

        api.MapGet("/live-load/branches", async (LiveLoadQuery load, CancellationToken ct) => Results.Ok(await load.BranchesAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(Roles))
            .WithTags("Queues")
            .WithSummary("The live load summed per branch in the caller's scope: waiting, serving, open counters, longest wait, overloaded points; worst first.");

        api.MapGet("/live-load/branches/{code}", (string code, LiveLoadQuery load, CancellationToken ct) => load.BranchAsync(code, ct).ToHttp())
            .RequireAuthorization(p => p.RequireRole(Roles))
            .WithTags("Queues")
            .WithSummary("One branch's load and each of its points, worst first (404 unknown branch, 403 outside the caller's scope).");

        api.MapPost("/live-load/moves", (MoveStaffRequest request, MoveStaff move, CancellationToken ct) => move.RunAsync(request, ct).ToHttp())
            .RequireAuthorization(p => p.RequireRole(Roles))
            .WithTags("Queues")
            .WithSummary("Move an officer: close the counter they are on duty at and open a counter at another point for them, together.");
    }
}
