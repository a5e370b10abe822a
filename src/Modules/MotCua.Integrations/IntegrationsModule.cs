using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Integrations.Contracts;
using MotCua.Integrations.EId;
using MotCua.Integrations.Registry;

namespace MotCua.Integrations;

/// <summary>
/// The Integrations module's front door: the connections to national systems — the population registry and the
/// citizen's e-ID (an OpenID Connect client of VNeID, or of the bundled development provider when none is set).
/// </summary>
public static class IntegrationsModule
{
    public static IServiceCollection AddIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IPopulationSource, DemoPopulationRegistry>();
        services.AddScoped<IPopulationRegistry, AuditedPopulationRegistry>();
        services.AddCitizenIdentity(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapIntegrations(this IEndpointRouteBuilder app)
    {
        app.MapCitizenIdentity();
        return app;
    }
}
