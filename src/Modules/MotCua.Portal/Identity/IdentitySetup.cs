using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Portal.Identity;

/// <summary>Citizen sign-in (OpenID Connect) registrations and endpoints, called by <see cref="PortalModule"/>.</summary>
internal static class IdentitySetup
{
    public static IServiceCollection AddCitizenIdentity(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapCitizenIdentity(this IEndpointRouteBuilder app) => app;
}
