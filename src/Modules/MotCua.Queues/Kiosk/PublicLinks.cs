using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Platform;

namespace MotCua.Queues.Kiosk;

/// <summary>Absolute links printed on tickets and posters: the center's public address (<see cref="CenterOptions"/>), else the request's own.</summary>
internal static class PublicLinks
{
    public static string Base(IConfiguration configuration, HttpContext? http)
        => http is null ? (configuration.GetSection(CenterOptions.Section).Get<CenterOptions>()?.PublicBaseUrl ?? configuration["MotCua:PublicBaseUrl"] ?? "").TrimEnd('/')
            : http.RequestServices.GetRequiredService<IOptions<CenterOptions>>().Value.BaseUrl(http.Request);

    public static string Follow(IConfiguration configuration, HttpContext? http, string token) => $"{Base(configuration, http)}/q/{token}";

    public static string TakeVirtual(IConfiguration configuration, HttpContext? http, string point) => $"{Base(configuration, http)}/lay-so/{Uri.EscapeDataString(point)}";
}
