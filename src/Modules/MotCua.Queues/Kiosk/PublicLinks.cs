using Microsoft.AspNetCore.Http;
using MotCua.Platform;

namespace MotCua.Queues.Kiosk;

/// <summary>Absolute links printed on tickets and posters: the center's public address (<see cref="CenterOptions"/>), else the request's own.</summary>
internal static class PublicLinks
{
    public static string Follow(CenterOptions center, HttpContext? http, string token) => $"{center.BaseUrl(http?.Request)}/q/{token}";

    public static string TakeVirtual(CenterOptions center, HttpContext? http, string point) => $"{center.BaseUrl(http?.Request)}/lay-so/{Uri.EscapeDataString(point)}";
}
