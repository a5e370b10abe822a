using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MotCua.Portal.Forms;

/// <summary>E-form definitions: registrations and endpoints, called by <see cref="PortalModule"/>.</summary>
internal static class FormsSetup
{
    public static IServiceCollection AddForms(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapForms(this IEndpointRouteBuilder app) => app;
}
