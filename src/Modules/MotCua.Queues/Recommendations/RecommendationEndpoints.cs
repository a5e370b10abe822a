using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Platform.Errors;
using MotCua.Platform.Http;

namespace MotCua.Queues.Recommendations;

internal static class RecommendationEndpoints
{
    public static void MapRecommendations(this RouteGroupBuilder api)
        => api.MapGet("/recommendations", async (string? ward, double? latitude, double? longitude, string? serviceGroup, string? procedure, int? take,
                RecommendPoints recommend, CancellationToken ct) =>
            {
                var (result, errors) = await recommend.RunAsync(new RecommendationRequest(ward, latitude, longitude, serviceGroup, procedure, take ?? 5), ct);
                return result is null ? Error.Problem(errors) : Results.Ok(result);
            })
            .RequireRateLimiting(RateLimits.PublicLookup)
            .WithSummary("Rank service points by expected total time = travel (speed model) + live estimated wait, from a ward or coordinates, for a service group or a procedure.");
}
