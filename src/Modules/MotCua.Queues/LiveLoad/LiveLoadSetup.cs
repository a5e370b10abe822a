using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Queues.LiveLoad;

internal static class LiveLoadSetup
{
    public static readonly string[] Roles = [StaffRoles.BranchManager, StaffRoles.CenterDirector, StaffRoles.Administrator];

    public static void MapLiveLoad(this RouteGroupBuilder api)
    {
        api.MapGet("/live-load", async (LiveLoadQuery load, CancellationToken ct) => Results.Ok(await load.RunAsync(ct)))
            .RequireAuthorization(p => p.RequireRole(Roles))
            .WithTags("Queues")
            .WithSummary("The live load of every point (managers): waiting, longest wait so far, estimated wait, counters open, busiest group; worst first.");

        api.MapPost("/live-load/moves", async (MoveStaffRequest request, MoveStaff move, CancellationToken ct)
                => await move.RunAsync(request, ct) is var (counter, error) && counter is not null ? Results.Ok(counter) : error!.ToProblem())
            .RequireAuthorization(p => p.RequireRole(Roles))
            .WithTags("Queues")
            .WithSummary("Move an officer: close the counter they are on duty at and open a counter at another point for them, together.");
    }
}
