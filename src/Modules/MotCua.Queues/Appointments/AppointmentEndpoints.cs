using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Http;
using MotCua.Platform.Identity;
using MotCua.Platform.Jobs;

namespace MotCua.Queues.Appointments;

/// <summary>The appointments' services, job and API: slots, the citizen's bookings (/api/v1/me/appointments), the kiosk's check-in.</summary>
internal static class AppointmentEndpoints
{
    public static IServiceCollection AddAppointments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, AppointmentsModel>();
        services.AddScoped<AppointmentSlots>();
        services.AddScoped<BookAppointment>();
        services.AddScoped<CancelAppointment>();
        services.AddScoped<MyAppointments>();
        services.AddScoped<CheckInAppointment>();
        services.AddPeriodicJob<SweepAppointments>(TimeSpan.FromSeconds(configuration.GetValue("MotCua:Queues:AppointmentSweepSeconds", 60)));
        return services;
    }

    public static void MapAppointments(this RouteGroupBuilder api)
    {
        api.MapGet("/appointments/slots", (string? point, string? group, string? day, AppointmentSlots slots, CancellationToken ct) => slots.RunAsync(point, group, day, ct).ToHttp())
            .RequireRateLimiting(RateLimits.PublicLookup)
            .WithSummary("The appointment slots of a point for a service group on a day: capacity, booked, free, bookable now (and why not).");

        var me = api.MapGroup("/me/appointments").RequireAuthorization(CitizenAuthentication.Policy).WithTags("Citizen");
        me.MapGet("/", async (MyAppointments mine, CurrentCitizen citizen, CancellationToken ct) => Results.Ok(await mine.ListAsync(citizen.IdNumber, ct)))
            .WithSummary("The signed-in citizen's appointments, newest first.");

        me.MapGet("/{code}", (string code, MyAppointments mine, CurrentCitizen citizen, CancellationToken ct) => mine.FindAsync(citizen.IdNumber, code, ct).ToHttp())
            .WithSummary("One of the signed-in citizen's appointments.");

        me.MapPost("/", (BookingRequest request, BookAppointment book, CurrentCitizen citizen, CancellationToken ct)
                => book.RunAsync(request, citizen.IdNumber, citizen.Name, ct).ToCreated(booked => $"/api/v1/me/appointments/{booked.Code}"))
            .RequireRateLimiting(RateLimits.PublicBooking)
            .Produces<AppointmentView>(StatusCodes.Status201Created)
            .WithSummary("Book a slot (point, serviceGroup or procedure, day yyyy-MM-dd, start HH:mm) within the caps: days released up to BookingDaysAhead ahead, working days, per person and per sector a day.");

        me.MapDelete("/{code}", (string code, CancelAppointment cancel, CurrentCitizen citizen, CancellationToken ct) => cancel.RunAsync(citizen.IdNumber, code, ct).ToNoContent())
            .RequireRateLimiting(RateLimits.PublicBooking)
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Cancel one's own booking before its slot starts; the place goes back to the slot.");

        api.MapPost("/appointments/{code}/check-in", (string code, CheckInRequest? request, CheckInAppointment checkIn, CancellationToken ct) => checkIn.RunAsync(code, request?.Point, ct).ToHttp())
            .RequireRateLimiting(RateLimits.PublicBooking)
            .WithSummary("Check an appointment in at the kiosk (from 30 minutes before its slot to NoShowAfterMinutes after): issues its ticket once; again answers the same ticket.");
    }
}
