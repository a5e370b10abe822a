using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Queues.Appointments;
using MotCua.Queues.Board;
using MotCua.Queues.Counters;
using MotCua.Queues.LiveLoad;
using MotCua.Queues.Recommendations;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;
using MotCua.Queues.Waits;

namespace MotCua.Queues;

/// <summary>
/// The Queues module's front door: branches at work — service groups, tickets, counters, the display board,
/// appointments, wait estimates, recommendations and live load. Each folder is one capability with its entity, its
/// use cases, its pages and one …Endpoints.cs that registers its services and maps its API.
/// </summary>
public static class QueuesModule
{
    public static IServiceCollection AddQueues(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<QueueOptions>(configuration.GetSection("MotCua:Queues"));
        services.AddSingleton(_ => ServiceGroupList.Embedded());
        services.AddSingleton<Contracts.IServiceGroups>(sp => sp.GetRequiredService<ServiceGroupList>());
        services.AddScoped<LiveQueue>();
        services.AddTickets();
        services.AddCounters();
        services.AddAppointments(configuration);
        services.AddBoard();
        services.AddRecommendations();
        services.AddLiveLoad();
        return services;
    }

    public static IEndpointRouteBuilder MapQueues(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Queues");
        api.MapTickets();
        api.MapKiosks();
        api.MapRecommendations();
        api.MapCounters();
        api.MapLiveLoad();
        api.MapBoard();
        api.MapAppointments();
        return app;
    }
}
