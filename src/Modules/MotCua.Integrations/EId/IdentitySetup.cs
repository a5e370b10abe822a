using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Integrations.EId.Provider;
using MotCua.Platform.Identity;

namespace MotCua.Integrations.EId;

/// <summary>Citizen sign-in (OpenID Connect) registrations and endpoints, called by <see cref="PortalModule"/>.</summary>
internal static class IdentitySetup
{
    public static IServiceCollection AddCitizenIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(CitizenIdentitySettings.Section).Get<CitizenIdentitySettings>() ?? new CitizenIdentitySettings();
        services.AddSingleton(settings);
        services.AddScoped<CurrentCitizen>();

        // The provider's tables are part of the model in every configuration (one set of migrations).
        services.AddProviderStores();
        if (settings.IsBundled)
        {
            services.AddBundledProvider(settings);
        }

        services.AddCitizenSignIn(settings);
        return services;
    }

    public static IEndpointRouteBuilder MapCitizenIdentity(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<CitizenIdentitySettings>().IsBundled)
        {
            app.MapBundledProvider();
        }

        app.MapCitizenSignIn();
        return app;
    }
}
