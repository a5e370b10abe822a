using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Http;
using MotCua.Platform.Identity;
using MotCua.Queues.Counters;
using MotCua.Queues.Kiosk;
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
        services.AddScoped<KioskRegistry>();
        services.AddScoped<RemoteDevice>();
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

        api.MapPost("/tickets", async (TicketRequest request, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Idempotency-Key")] string? key, HttpContext http, KioskRegistry kiosks, TakeTicket take, CancellationToken ct) =>
            {
                // The kiosk's credential is its authentication: without a registered, unrevoked kiosk nothing is read or issued.
                var kiosk = await kiosks.FromHeaderAsync(http, ct);
                return kiosk is null
                    ? TakeTicket.KioskRequired.ToProblem()
                    : (await take.RunAsync(request, TicketChannel.Kiosk, holderId: null, appointmentId: null, ct, new TicketOrigin(kiosk), key)).ToCreated(Location);
            })
            .RequireRateLimiting(RateLimits.PublicWrite)
            .Produces<IssuedTicket>(StatusCodes.Status201Created)
            .WithSummary($"A registered kiosk prints a ticket for its own point (credential in the {KioskRegistry.Header} header; the point may be left out). Without a valid kiosk credential: 401. Idempotency-Key makes a retry safe: the same key and body give the same ticket, another body 422.");

        api.MapPost("/me/tickets", (TicketRequest request, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Idempotency-Key")] string? key, TakeTicket take, CurrentCitizen citizen, CancellationToken ct)
                => take.RunAsync(request, TicketChannel.Virtual, citizen.IdNumber, appointmentId: null, ct, idempotencyKey: key).ToCreated(Location))
            .RequireAuthorization(CitizenAuthentication.Policy)
            .WithTags("Citizen")
            .Produces<IssuedTicket>(StatusCodes.Status201Created)
            .WithSummary("Take a virtual ticket as the signed-in citizen (portal or the QR code at the entrance); at most two open at once. Idempotency-Key makes a retry safe.");

        api.MapPost("/points/{point}/tickets", (string point, DeskTicketRequest request, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Idempotency-Key")] string? key, IssueDeskTicket issue, CancellationToken ct)
                => issue.RunAsync(point, request, ct, key).ToCreated(Location))
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

    public static void MapKiosks(this RouteGroupBuilder api)
    {
        var k = api.MapGroup("/points/{point}/kiosks").WithTags("Kiosks")
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator, StaffRoles.BranchManager));
        k.MapGet("/", (string point, KioskRegistry kiosks, CancellationToken ct) => kiosks.ListAsync(point, ct).ToHttp())
            .WithSummary("The point's registered kiosks (administrator, or the manager of the point's branch); never their credentials.");
        k.MapPost("/", (string point, RegisterKioskRequest request, KioskRegistry kiosks, CancellationToken ct)
                => kiosks.RegisterAsync(point, request, ct).ToCreated(v => $"/api/v1/points/{v.Point}/kiosks/"))
            .Produces<KioskView>(StatusCodes.Status201Created)
            .WithSummary("Registers a kiosk of the point. The answer's credential is shown this once (only its hash is kept): enter it on the kiosk's /kiosk page, or send it in the X-MotCua-Kiosk header.");
        k.MapPost("/{id:guid}/revoke", (string point, Guid id, KioskRegistry kiosks, CancellationToken ct) => kiosks.RevokeAsync(point, id, ct).ToHttp())
            .WithSummary("Revokes a kiosk: its credential is refused from the next request on.");
    }

    private static string Location(IssuedTicket ticket) => $"/api/v1/tickets/{ticket.Token}";
}
