using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Errors;
using MotCua.Queues.Counters.CallNext;
using MotCua.Queues.Counters.Close;
using MotCua.Queues.Counters.DeskTicket;
using MotCua.Queues.Counters.Finish;
using MotCua.Queues.Counters.Link;
using MotCua.Queues.Counters.NoShow;
using MotCua.Queues.Counters.Open;
using MotCua.Queues.Counters.Profile;
using MotCua.Queues.Counters.Recall;
using MotCua.Queues.Counters.Start;
using MotCua.Queues.Counters.Transfer;

namespace MotCua.Queues.Counters;

/// <summary>The counters' services and API: /api/v1/points/{point}/counters.</summary>
internal static class CountersSetup
{
    public static IServiceCollection AddCounters(this IServiceCollection services)
    {
        services.AddScoped<CounterScope>();
        services.AddScoped<CounterDesk>();
        services.AddScoped<OpenCounter>();
        services.AddScoped<CloseCounter>();
        services.AddScoped<ChangeProfile>();
        services.AddScoped<CallNextTicket>();
        services.AddScoped<RecallTicket>();
        services.AddScoped<StartServing>();
        services.AddScoped<FinishServing>();
        services.AddScoped<MarkNoShow>();
        services.AddScoped<TransferTicket>();
        services.AddScoped<LinkDossier>();
        services.AddScoped<IssueDeskTicket>();
        return services;
    }

    public static void MapCounters(this RouteGroupBuilder api)
    {
        var c = api.MapGroup("/points/{point}/counters").WithTags("Counters").RequireAuthorization(p => p.RequireRole(CounterScope.Roles));

        api.MapPost("/points/{point}/tickets", async (string point, DeskTicketRequest request, IssueDeskTicket issue, CancellationToken ct) =>
            {
                var (ticket, errors) = await issue.RunAsync(point, request, ct);
                return ticket is null ? Error.Problem(errors) : Results.Created($"/api/v1/tickets/{ticket.Token}", ticket);
            })
            .RequireAuthorization(p => p.RequireRole(CounterScope.Roles))
            .WithTags("Counters")
            .WithSummary("The reception desk hands a ticket to a visitor (channel Reception), optionally in the visitor's name.");

        c.MapGet("/", async (string point, CounterDesk desk, CancellationToken ct) => Answer(await desk.ListAsync(point, ct)))
            .WithSummary("The point's counters: open or closed, officer on duty, service profile, the ticket at each.");

        c.MapPost("/{number:int}/open", async (string point, int number, OpenCounterRequest? request, OpenCounter open, CancellationToken ct)
                => Answer(await open.RunAsync(point, number, request ?? new(), ct)))
            .WithSummary("Open the counter with the signed-in officer on duty (a manager may name another officer); one officer, one counter.");

        c.MapPost("/{number:int}/close", async (string point, int number, CloseCounter close, CancellationToken ct)
                => Answer(await close.RunAsync(point, number, ct)))
            .WithSummary("Close the counter (no ticket may be called or served there).");

        c.MapPut("/{number:int}/profile", async (string point, int number, ProfileRequest request, ChangeProfile change, CancellationToken ct)
                => Answer(await change.RunAsync(point, number, request, ct)))
            .WithSummary("Set the service groups the counter calls, in order of preference.");

        c.MapPost("/{number:int}/call-next", async (string point, int number, CallNextTicket call, CancellationToken ct)
                => Answer(await call.RunAsync(point, number, ct)))
            .WithSummary("Call the next ticket: tickets transferred to this counter, then by the priority rule, then the profile's groups in FIFO order. Never the same ticket to two counters.");

        c.MapPost("/{number:int}/recall", async (string point, int number, TicketActionRequest? request, RecallTicket recall, CancellationToken ct)
                => Answer(await recall.RunAsync(point, number, request ?? new(), ct)))
            .WithSummary("Call the counter's current ticket again.");

        c.MapPost("/{number:int}/start", async (string point, int number, TicketActionRequest? request, StartServing start, CancellationToken ct)
                => Answer(await start.RunAsync(point, number, request ?? new(), ct)))
            .WithSummary("The called person is at the counter: start serving.");

        c.MapPost("/{number:int}/finish", async (string point, int number, TicketActionRequest? request, FinishServing finish, CancellationToken ct)
                => Answer(await finish.RunAsync(point, number, request ?? new(), ct)))
            .WithSummary("Finish serving the counter's current ticket.");

        c.MapPost("/{number:int}/no-show", async (string point, int number, TicketActionRequest? request, MarkNoShow noShow, CancellationToken ct)
                => Answer(await noShow.RunAsync(point, number, request ?? new(), ct)))
            .WithSummary("The called person did not come.");

        c.MapPost("/{number:int}/transfer", async (string point, int number, TransferRequest request, TransferTicket transfer, CancellationToken ct)
                => Answer(await transfer.RunAsync(point, number, request, ct)))
            .WithSummary("Send the current ticket back to the queue of another service group and/or to one counter of the point, keeping its place.");

        c.MapPost("/{number:int}/link", async (string point, int number, LinkRequest request, LinkDossier link, CancellationToken ct)
                => Answer(await link.RunAsync(point, number, request, ct)))
            .WithSummary("Link the visit to the dossier it created (kind=received) or whose result it returned (kind=returned).");
    }

    private static IResult Answer<T>((T? Value, Error? Error) result)
        where T : class
        => result.Value is { } value ? Results.Ok(value) : (result.Error ?? Error.NotFound("kết quả")).ToProblem();
}
