using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Errors;
using MotCua.Platform.Http;

namespace MotCua.Queues.Recommendations;

internal static class RecommendationEndpoints
{
    public static IServiceCollection AddRecommendations(this IServiceCollection services) => services.AddScoped<RecommendPoints>();

    public static void MapRecommendations(this RouteGroupBuilder api)
        => api.MapGet("/recommendations", (string? ward, double? latitude, double? longitude, string? serviceGroup, string? procedure, int? take,
                RecommendPoints recommend, CancellationToken ct)
                => recommend.RunAsync(new RecommendationRequest(ward, latitude, longitude, serviceGroup, procedure, take ?? 5), ct).ToHttp())
            .RequireRateLimiting(RateLimits.PublicLookup)
            .WithSummary("Rank service points by expected total time = travel (speed model) + live estimated wait, from a ward or coordinates, for a service group or a procedure.");
}
