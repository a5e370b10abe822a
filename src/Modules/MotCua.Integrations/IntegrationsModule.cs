using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MotCua.Integrations.Contracts;
using MotCua.Integrations.EId;
using MotCua.Integrations.Registry;
using MotCua.Integrations.Simulators;
using MotCua.Platform.Identity;

namespace MotCua.Integrations;

/// <summary>
/// The Integrations module's front door: the connections to national systems — the population registry and the
/// citizen's e-ID (an OpenID Connect client of VNeID, or of the bundled development provider when none is set) — and, in
/// Development or where enabled, the simulators of those outside systems under <c>/simulators</c>.
/// </summary>
public static class IntegrationsModule
{
    public static IServiceCollection AddIntegrations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.Section);
        services.AddHttpClient(HttpPopulationSource.ClientName);
        services.AddSingleton<HttpPopulationSource>();
        services.AddScoped<IPopulationRegistry, AuditedPopulationRegistry>();
        services.AddSingleton(sp => SimulatorSwitch.From(configuration, sp.GetRequiredService<IHostEnvironment>()));
        services.AddRegistrySimulator();
        services.AddSingleton(new SimulatorEntry("CSDL quốc gia về dân cư", RegistrySimulatorPaths.Page,
            "Tra cứu công dân theo số định danh (công dân thử nghiệm, hộ gia đình, nơi thường trú và tạm trú); có thể cho trả lời chậm hoặc lỗi."));
        services.AddCitizenIdentity(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapIntegrations(this IEndpointRouteBuilder app)
    {
        app.MapCitizenIdentity();
        if (app.ServiceProvider.GetRequiredService<SimulatorSwitch>() is { Enabled: true } simulators)
        {
            app.MapRegistrySimulatorApi(RegistrySimulatorPaths.Api, simulators.RegistryKey, control => control.RequireAuthorization(new AuthorizeAttribute { Roles = StaffRoles.Administrator }));
        }

        return app;
    }
}
