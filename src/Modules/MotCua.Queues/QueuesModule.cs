using MotCua.Platform.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Data;
using MotCua.Platform.Startup;
using MotCua.Queues.Appointments;
using MotCua.Queues.Board;
using MotCua.Queues.Counters;
using MotCua.Queues.Counters.Seed;
using MotCua.Queues.LiveLoad;
using MotCua.Queues.Recommendations;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;
using MotCua.Queues.Waits;

namespace MotCua.Queues;

/// <summary>
/// The Queues module's front door: branches at work — service groups, tickets, counters, the display board,
/// appointments, wait estimates, recommendations and live load.
/// </summary>
public static class QueuesModule
{
    public static IServiceCollection AddQueues(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<QueueOptions>(configuration.GetSection("MotCua:Queues"));
        services.AddSingleton<IModelContributor, TicketsModel>();
        services.AddSingleton(_ => ServiceGroupList.Embedded());
        services.AddSingleton<Contracts.IServiceGroups>(sp => sp.GetRequiredService<ServiceGroupList>());
        services.AddScoped<LiveQueue>();
        services.AddScoped<TakeTicket>();
        services.AddScoped<FollowTicket>();
        services.AddScoped<RecommendPoints>();
        services.AddScoped<ISeeder, CounterSeeder>();
        services.AddCounters();
        services.AddScoped<LiveLoadQuery>();
        services.AddScoped<MoveStaff>();
        services.AddScoped<CancelTicket>();
        services.AddScoped<PointBoard>();
        services.AddSingleton<BoardHub>();
        services.AddSingleton<IModelContributor, AppointmentsModel>();
        services.AddScoped<AppointmentSlots>();
        services.AddScoped<BookAppointment>();
        services.AddScoped<CancelAppointment>();
        services.AddScoped<MyAppointments>();
        services.AddScoped<CheckInAppointment>();
        services.AddPeriodicJob<SweepAppointments>(TimeSpan.FromSeconds(configuration.GetValue("MotCua:Queues:AppointmentSweepSeconds", 60)));
        return services;
    }

    public static IEndpointRouteBuilder MapQueues(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Queues");
        api.MapTickets();
        api.MapRecommendations();
        api.MapCounters();
        api.MapLiveLoad();
        api.MapCancelTicket();
        api.MapBoard();
        api.MapAppointments();
        return app;
    }
}
