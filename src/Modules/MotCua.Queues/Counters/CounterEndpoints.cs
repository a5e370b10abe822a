using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Startup;

namespace MotCua.Queues.Counters;

/// <summary>The counters' services and API: /api/v1/points/{point}/counters (the counter pages call the same <see cref="CounterActions"/>).</summary>
internal static class CounterEndpoints
{
    public static IServiceCollection AddCounters(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, CountersModel>();
        services.AddScoped<CounterScope>();
        services.AddScoped<CounterDesk>();
        services.AddScoped<CounterActions>();
        services.AddScoped<ISeeder, CounterSeeder>();
        return services;
    }

    public static void MapCounters(this RouteGroupBuilder api)
    {
        var c = api.MapGroup("/points/{point}/counters").WithTags("Counters").RequireAuthorization(p => p.RequireRole(CounterScope.Roles));

        c.MapGet("/", (string point, CounterDesk desk, CancellationToken ct) => desk.ListAsync(point, ct).ToHttp())
            .WithSummary("The point's counters: open or closed, officer on duty, service profile, the ticket at each.");

        c.MapPost("/{number:int}/open", (string point, int number, OpenCounterRequest? r, CounterActions a, CancellationToken ct) => a.OpenAsync(point, number, r ?? new(), ct).ToHttp())
            .WithSummary("Open the counter with the signed-in officer on duty (a manager may name another officer); one officer, one counter.");

        c.MapPost("/{number:int}/close", (string point, int number, CounterActions a, CancellationToken ct) => a.CloseAsync(point, number, ct).ToHttp())
            .WithSummary("Close the counter (no ticket may be called or served there).");

        c.MapPut("/{number:int}/profile", (string point, int number, ProfileRequest r, CounterActions a, CancellationToken ct) => a.ChangeProfileAsync(point, number, r, ct).ToHttp())
            .WithSummary("Set the service groups the counter calls, in order of preference.");

        c.MapPost("/{number:int}/call-next", (string point, int number, CounterActions a, CancellationToken ct) => a.CallNextAsync(point, number, ct).ToHttp())
            .WithSummary("Call the next ticket: tickets transferred to this counter, then by the priority rule, then the profile's groups in FIFO order. Never the same ticket to two counters.");

        c.MapPost("/{number:int}/recall", (string point, int number, TicketActionRequest? r, CounterActions a, CancellationToken ct) => a.RecallAsync(point, number, r ?? new(), ct).ToHttp())
            .WithSummary("Call the counter's current ticket again.");

        c.MapPost("/{number:int}/start", (string point, int number, TicketActionRequest? r, CounterActions a, CancellationToken ct) => a.StartAsync(point, number, r ?? new(), ct).ToHttp())
            .WithSummary("The called person is at the counter: start serving.");

        c.MapPost("/{number:int}/finish", (string point, int number, TicketActionRequest? r, CounterActions a, CancellationToken ct) => a.FinishAsync(point, number, r ?? new(), ct).ToHttp())
            .WithSummary("Finish serving the counter's current ticket.");

        c.MapPost("/{number:int}/no-show", (string point, int number, TicketActionRequest? r, CounterActions a, CancellationToken ct) => a.NoShowAsync(point, number, r ?? new(), ct).ToHttp())
            .WithSummary("The called person did not come.");

        c.MapPost("/{number:int}/transfer", (string point, int number, TransferRequest r, CounterActions a, CancellationToken ct) => a.TransferAsync(point, number, r, ct).ToHttp())
            .WithSummary("Send the current ticket back to the queue of another service group and/or to one counter of the point, keeping its place.");

        c.MapPost("/{number:int}/priority", (string point, int number, PriorityRequest r, CounterActions a, CancellationToken ct) => a.ConfirmPriorityAsync(point, number, r, ct).ToHttp())
            .WithSummary("Confirms (confirmed: true) or refuses a priority declared off-site, having seen the person: on the counter's current ticket or a waiting ticket named by its number. Until confirmed it is served in normal order.");

        c.MapPost("/{number:int}/link", (string point, int number, LinkRequest r, CounterActions a, CancellationToken ct) => a.LinkDossierAsync(point, number, r, ct).ToHttp())
            .WithSummary("Link the visit to the dossier it created (kind=received) or whose result it returned (kind=returned).");
    }
}
