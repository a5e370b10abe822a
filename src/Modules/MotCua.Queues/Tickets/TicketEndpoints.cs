using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Queues.ServiceGroups;
using MotCua.Platform.Http;

namespace MotCua.Queues.Tickets;

internal static class TicketEndpoints
{
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

        api.MapPost("/tickets", async (TicketRequest request, TakeTicket take, CancellationToken ct) =>
            {
                var (ticket, errors) = await take.RunAsync(request, TicketChannel.Kiosk, holderId: null, appointmentId: null, ct);
                return ticket is null ? Error.Problem(errors) : Results.Created($"/api/v1/tickets/{ticket.Token}", ticket);
            })
            .RequireRateLimiting(RateLimits.PublicWrite)
            .WithSummary("Take an anonymous ticket at a point for a service group (the kiosk; rate-limited per address).");

        api.MapPost("/me/tickets", async (TicketRequest request, TakeTicket take, CurrentCitizen citizen, CancellationToken ct) =>
            {
                var (ticket, errors) = await take.RunAsync(request, TicketChannel.Virtual, citizen.IdNumber, appointmentId: null, ct);
                return ticket is null ? Error.Problem(errors) : Results.Created($"/api/v1/tickets/{ticket.Token}", ticket);
            })
            .RequireAuthorization(CitizenAuthentication.Policy)
            .WithTags("Citizen")
            .WithSummary("Take a virtual ticket as the signed-in citizen (portal or the QR code at the entrance); at most two open at once.");

        api.MapGet("/tickets/{token}", async (string token, FollowTicket follow, CancellationToken ct)
                => await follow.RunAsync(token, ct) is { } view ? Results.Ok(view) : Error.NotFound("số thứ tự này").ToProblem())
            .RequireRateLimiting(RateLimits.PublicLookup)
            .WithSummary("Follow a ticket by the secret of its QR code: status, people ahead, estimated wait, counter, timeline.");
    }
}
