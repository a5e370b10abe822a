using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Portal.Forms;
using MotCua.Portal.Identity;

namespace MotCua.Portal;

/// <summary>
/// The citizen portal's front door: sign-in with the national e-ID through OpenID Connect (a bundled
/// development identity provider when none is configured), e-forms, drafts, my dossiers, supplements,
/// results and ratings.
/// </summary>
public static class PortalModule
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCitizenIdentity(configuration);
        services.AddForms(configuration);
        services.AddSingleton<MotCua.Platform.Data.IModelContributor, Ratings.RatingsModel>();
        services.AddScoped<MyDossiers.CitizenDossiers>();
        services.AddScoped<MyDossiers.CitizenActions>();
        services.AddScoped<MyDossiers.AccessLog>();
        services.AddScoped<MyDossiers.CitizenDocuments>();
        services.AddSingleton<MotCua.Platform.Data.IModelContributor, Apply.DraftsModel>();
        services.AddScoped<Apply.Drafts>();
        services.AddScoped<Apply.SubmitApplication>();
        services.AddScoped<Apply.SubmitAsCitizen>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        app.MapCitizenIdentity();
        app.MapForms();
        MyDossiers.MyDossiersEndpoints.MapMyDossiers(app);
        return app;
    }
}
