using Microsoft.AspNetCore.Http;
using MotCua.Organisation.Contracts;

namespace MotCua.Queues.Kiosk;

/// <summary>The kiosk pages' door: this browser must be an enrolled kiosk of the point the page is for.</summary>
internal static class KioskGate
{
    /// <summary>
    /// The kiosk this browser is, when it is one of <paramref name="place"/>; in Development a browser that is not
    /// becomes a demo kiosk of the point. Otherwise null, and the page answers 403 with what to do.
    /// </summary>
    public static async Task<(KnownKiosk? Kiosk, KnownKiosk? Elsewhere)> AtAsync(KioskRegistry kiosks, HttpContext? http, ServicePlace place, CancellationToken ct)
    {
        var kiosk = await kiosks.FromCookieAsync(http, ct);
        if (kiosk is not null && kiosk.Point.Id == place.Id)
        {
            return (kiosk, null);
        }

        if (await kiosks.EnrolDemoAsync(http, place, ct) is { } demo)
        {
            return (demo, null);
        }

        if (http is { Response.HasStarted: false })
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return (null, kiosk);
    }
}
