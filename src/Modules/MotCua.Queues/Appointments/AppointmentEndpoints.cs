using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Http;

namespace MotCua.Queues.Appointments;

/// <summary>A check-in from a kiosk: the point it stands at (optional: the appointment's own point when absent).</summary>
internal sealed record CheckInRequest(string? Point);

internal static class AppointmentEndpoints
{
    public static void MapAppointments(this RouteGroupBuilder api)
    {
        api.MapGet("/appointments/slots", async (string? point, string? group, string? day, AppointmentSlots slots, CancellationToken ct) =>
            {
                var (result, errors) = await slots.RunAsync(point, group, day, ct);
                return result is null ? Error.Problem(errors) : Results.Ok(result);
            })
            .RequireRateLimiting(RateLimits.PublicLookup)
            .WithSummary("The appointment slots of a point for a service group on a day: capacity, booked, free, bookable now (and why not).");

        var me = api.MapGroup("/me/appointments").RequireAuthorization(CitizenAuthentication.Policy).WithTags("Citizen");
        me.MapGet("/", async (MyAppointments mine, CurrentCitizen citizen, CancellationToken ct) => Results.Ok(await mine.ListAsync(citizen.IdNumber, ct)))
            .WithSummary("The signed-in citizen's appointments, newest first.");

        me.MapGet("/{code}", async (string code, MyAppointments mine, CurrentCitizen citizen, CancellationToken ct)
                => await mine.FindAsync(citizen.IdNumber, code, ct) is { } view ? Results.Ok(view) : Error.NotFound("lịch hẹn này").ToProblem())
            .WithSummary("One of the signed-in citizen's appointments.");

        me.MapPost("/", async (BookingRequest request, BookAppointment book, CurrentCitizen citizen, CancellationToken ct) =>
            {
                var (booked, errors) = await book.RunAsync(request, citizen.IdNumber, citizen.Name, ct);
                return booked is null ? Error.Problem(errors) : Results.Created($"/api/v1/me/appointments/{booked.Code}", booked);
            })
            .RequireRateLimiting(RateLimits.PublicBooking)
            .WithSummary("Book a slot (point, serviceGroup or procedure, day yyyy-MM-dd, start HH:mm) within the caps: days released up to BookingDaysAhead ahead, working days, per person and per sector a day.");

        me.MapDelete("/{code}", async (string code, CancelAppointment cancel, CurrentCitizen citizen, CancellationToken ct)
                => await cancel.RunAsync(citizen.IdNumber, code, ct) is { } error ? error.ToProblem() : Results.NoContent())
            .RequireRateLimiting(RateLimits.PublicBooking)
            .WithSummary("Cancel one's own booking before its slot starts; the place goes back to the slot.");

        api.MapPost("/appointments/{code}/check-in", async (string code, CheckInRequest? request, CheckInAppointment checkIn, CancellationToken ct) =>
            {
                var (ticket, error) = await checkIn.RunAsync(code, request?.Point, ct);
                return ticket is null ? error!.ToProblem() : Results.Ok(ticket);
            })
            .RequireRateLimiting(RateLimits.PublicBooking)
            .WithSummary("Check an appointment in at the kiosk (from 30 minutes before its slot to NoShowAfterMinutes after): issues its ticket once; again answers the same ticket.");
    }
}
