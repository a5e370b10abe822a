using MotCua.Platform;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using QRCoder;

namespace MotCua.Queues.Kiosk;

/// <summary>
/// A QR code drawn on the server as one inline SVG path (no image request, crisp on a thermal printer and on a
/// poster), with its text as the accessible name.
/// </summary>
internal static class QrSvg
{
    public static MarkupString Render(string text, string label, string cssClass = "qr")
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        var path = new StringBuilder(size * size * 4);
        for (var r = 0; r < size; r++)
        {
            for (var c = 0; c < size; c++)
            {
                if (modules[r][c])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{c} {r}h1v1h-1z");
                }
            }
        }

        var svg = $"""<svg xmlns="http://www.w3.org/2000/svg" class="{cssClass}" viewBox="0 0 {size} {size}" role="img" aria-label="{WebUtility.HtmlEncode(label)}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>""";
        return new MarkupString(svg);
    }
}

/// <summary>Absolute links printed on tickets and posters: the center's public address (<see cref="CenterOptions"/>), else the request's own.</summary>
internal static class PublicLinks
{
    public static string Base(IConfiguration configuration, HttpContext? http)
        => http is null ? (configuration.GetSection(CenterOptions.Section).Get<CenterOptions>()?.PublicBaseUrl ?? configuration["MotCua:PublicBaseUrl"] ?? "").TrimEnd('/')
            : http.RequestServices.GetRequiredService<IOptions<CenterOptions>>().Value.BaseUrl(http.Request);

    public static string Follow(IConfiguration configuration, HttpContext? http, string token) => $"{Base(configuration, http)}/q/{token}";

    public static string TakeVirtual(IConfiguration configuration, HttpContext? http, string point) => $"{Base(configuration, http)}/lay-so/{Uri.EscapeDataString(point)}";
}
