using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Http;
using MotCua.Platform.Identity;
using MotCua.Queues.Counters;
using MotCua.Queues.ServiceGroups;

namespace MotCua.Queues.Tickets;

/// <summary>The tickets' services and API: the service groups, taking (kiosk, phone, reception desk), following and giving back a ticket.</summary>
internal static class TicketEndpoints
{
    public static IServiceCollection AddTickets(this IServiceCollection services)
    {
        services.AddSingleton<IModelContributor, TicketsModel>();
        services.AddScoped<TakeTicket>();
        services.AddScoped<IssueDeskTicket>();
        services.AddScoped<FollowTicket>();
        services.AddScoped<CancelTicket>();
        return services;
    }

    public static void MapTickets(this RouteGroupBuilder api)
    {
        api.MapGet("/service-groups", (ServiceGroupList groups) => Results.Ok(groups.All.Select(g => new
        {
            g.Code,
            g.Letter,
            Name = g.Name.ToString(),
            g.AverageServiceMinutes,
            g.Fields,
            g.ReturnsResults,
        })))
            .WithSummary("The service groups of the queue (what a visitor picks at the kiosk) and the catalog fields each serves.");

        api.MapPost("/tickets", (TicketRequest request, TakeTicket take, CancellationToken ct)
                => take.RunAsync(request, TicketChannel.Kiosk, holderId: null, appointmentId: null, ct).ToCreated(Location))
            .RequireRateLimiting(RateLimits.PublicWrite)
            .Produces<IssuedTicket>(StatusCodes.Status201Created)
            .WithSummary("Take an anonymous ticket at a point for a service group (the kiosk; rate-limited per address).");

        api.MapPost("/me/tickets", (TicketRequest request, TakeTicket take, CurrentCitizen citizen, CancellationToken ct)
                => take.RunAsync(request, TicketChannel.Virtual, citizen.IdNumber, appointmentId: null, ct).ToCreated(Location))
            .RequireAuthorization(CitizenAuthentication.Policy)
            .WithTags("Citizen")
            .Produces<IssuedTicket>(StatusCodes.Status201Created)
            .WithSummary("Take a virtual ticket as the signed-in citizen (portal or the QR code at the entrance); at most two open at once.");

        api.MapPost("/points/{point}/tickets", (string point, DeskTicketRequest request, IssueDeskTicket issue, CancellationToken ct)
                => issue.RunAsync(point, request, ct).ToCreated(Location))
            .RequireAuthorization(p => p.RequireRole(CounterScope.Roles))
            .WithTags("Counters")
            .Produces<IssuedTicket>(StatusCodes.Status201Created)
            .WithSummary("The reception desk hands a ticket to a visitor (channel Reception), optionally in the visitor's name.");

        api.MapGet("/tickets/{token}", (string token, FollowTicket follow, CancellationToken ct) => follow.RunAsync(token, ct).ToHttp())
            .RequireRateLimiting(RateLimits.PublicLookup)
            .WithSummary("Follow a ticket by the secret of its QR code: status, people ahead, estimated wait, counter, timeline.");

        api.MapDelete("/tickets/{token}", (string token, CancelTicket cancel, CancellationToken ct) => cancel.RunAsync(token, ct).ToNoContent())
            .RequireRateLimiting(RateLimits.PublicWrite)
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Give a waiting ticket back (by the secret of its QR code); a ticket already called, served or cancelled answers 409.");
    }

    private static string Location(IssuedTicket ticket) => $"/api/v1/tickets/{ticket.Token}";
}
