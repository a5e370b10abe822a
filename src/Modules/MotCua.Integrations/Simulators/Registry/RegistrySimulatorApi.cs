using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Integrations.Registry;

namespace MotCua.Integrations.Simulators;

/// <summary>
/// The registry simulator's HTTP API, the contract <see cref="HttpPopulationSource"/> speaks:
/// <c>GET citizens/{idNumber}</c> (200 the record, 404 unknown, 401 without the key when one is set), and for whoever drives
/// the simulator <c>POST faults</c> (slow, error or none, for all or one ID number, for some seconds) and <c>GET received</c>.
/// Mapped in the app under <see cref="RegistrySimulatorPaths.Api"/> and by the tests on a server of its own.
/// </summary>
internal static class RegistrySimulatorApi
{
    public sealed record FaultRequest(string Kind, string? IdNumber, int Seconds = 60, int DelayMilliseconds = 0);

    /// <param name="apiKey">When set, a look-up without it (<c>X-Api-Key</c>) is refused with 401.</param>
    /// <param name="guardControl">Who may play faults and read what was received (in the app: administrators); open when null.</param>
    public static RouteGroupBuilder MapRegistrySimulatorApi(this IEndpointRouteBuilder app, string prefix, string? apiKey = null, Action<IEndpointConventionBuilder>? guardControl = null)
    {
        var api = app.MapGroup(prefix).ExcludeFromDescription();
        api.MapGet("citizens/{idNumber}", async (string idNumber, HttpContext http, RegistrySimulator simulator, CancellationToken ct) =>
        {
            if (apiKey is { Length: > 0 } && http.Request.Headers["X-Api-Key"] != apiKey)
            {
                simulator.Record(idNumber, StatusCodes.Status401Unauthorized, null);
                return Results.Problem("Thiếu hoặc sai khóa truy cập (X-Api-Key).", statusCode: StatusCodes.Status401Unauthorized);
            }

            switch (simulator.FaultFor(idNumber))
            {
                case { Kind: RegistryFaultKind.Error }:
                    simulator.Record(idNumber, StatusCodes.Status500InternalServerError, null);
                    return Results.Problem("Lỗi mô phỏng của CSDL dân cư.", statusCode: StatusCodes.Status500InternalServerError);
                case { Kind: RegistryFaultKind.Slow } slow:
                    await Task.Delay(slow.DelayMilliseconds, ct);
                    break;
            }

            var citizen = simulator.Find(idNumber);
            simulator.Record(idNumber, citizen is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK, citizen);
            return citizen is null ? Results.NotFound() : Results.Ok(RegistryRecord.Of(citizen));
        });
        var faults = api.MapPost("faults", (FaultRequest request, RegistrySimulator simulator, TimeProvider time) =>
        {
            if (!Enum.TryParse<RegistryFaultKind>(request.Kind, ignoreCase: true, out var kind) || request.Seconds is < 1 or > 86_400
                || request.DelayMilliseconds is < 0 or > 120_000)
            {
                return Results.Problem("kind là none, slow hoặc error; seconds từ 1 đến 86400; delayMilliseconds từ 0 đến 120000.", statusCode: StatusCodes.Status400BadRequest);
            }

            simulator.Set(new RegistryFault(kind, time.GetUtcNow().AddSeconds(request.Seconds), request.DelayMilliseconds,
                string.IsNullOrWhiteSpace(request.IdNumber) ? null : request.IdNumber.Trim()));
            return Results.NoContent();
        });
        var received = api.MapGet("received", (RegistrySimulator simulator) => Results.Ok(simulator.Received));
        guardControl?.Invoke(faults);
        guardControl?.Invoke(received);
        return api;
    }

    /// <summary>The simulator's state, for a host that maps <see cref="MapRegistrySimulatorApi"/>.</summary>
    public static IServiceCollection AddRegistrySimulator(this IServiceCollection services)
    {
        services.AddSingleton<RegistrySimulator>();
        return services;
    }
}
