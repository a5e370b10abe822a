using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Organisation.Contracts;
using MotCua.Planning.Siting;
using MotCua.Planning.Staffing;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Planning;

/// <summary>
/// The Planning module's front door: where the network's points are and how many counters they need — coverage
/// within a distance and a travel time, greedy siting of new points, Erlang C staffing, a simulated working day.
/// </summary>
public static class PlanningModule
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddScoped<PlanCoverage>();
        services.AddScoped<PlanStaffing>();
        return services;
    }

    /// <summary>Who may see the planning tools (the pages say the same).</summary>
    public const string Roles = StaffRoles.Administrator + "," + StaffRoles.CenterDirector + "," + StaffRoles.BranchManager;

    public static IEndpointRouteBuilder MapPlanning(this IEndpointRouteBuilder app)
    {
        var planning = app.MapGroup("/api/v1/planning").WithTags("Planning")
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator, StaffRoles.CenterDirector, StaffRoles.BranchManager));

        planning.MapGet("/coverage", async (string? @base, double? radiusKm, double? minutes, double? detour, double? speedKmh, double? accessMinutes,
                bool? servicePoints, int? suggest, PlanCoverage plan, CancellationToken ct) =>
            {
                var d = new CoverageQuery();
                return (await plan.RunAsync(new CoverageQuery(@base, radiusKm ?? d.RadiusKm, minutes ?? d.Minutes, detour ?? d.Detour,
                    speedKmh ?? d.SpeedKmh, accessMinutes ?? d.AccessMinutes, servicePoints ?? false, suggest ?? d.Suggest), ct)).ToHttp();
            })
            .WithSummary("Population within a radius and a travel time of the open points, uncovered sites, greedy suggestions (base=wards2025|communes2019).");

        planning.MapGet("/staffing", async (string? @base, double? visitsPer1000, double? serviceMinutes, double? target, double? withinMinutes,
                bool? servicePoints, PlanStaffing plan, CancellationToken ct) =>
            {
                var d = new StaffingQuery();
                return (await plan.RunAsync(new StaffingQuery(@base, visitsPer1000 ?? d.VisitsPer1000, serviceMinutes,
                    target ?? d.Target, withinMinutes ?? d.WithinMinutes, servicePoints ?? false), ct)).ToHttp();
            })
            .WithSummary("Counters per point by Erlang C from a forecast of arrivals (nearest-point population × visits per 1,000 × hourly profile), and the city total against the 184 staff target.");
        return app;
    }
}
