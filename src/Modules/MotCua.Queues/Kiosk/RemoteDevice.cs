using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace MotCua.Queues.Kiosk;

/// <summary>
/// The browser that takes remote tickets without signing in (/lay-so/{point} on a phone): a random device id in an
/// HttpOnly cookie signed and encrypted with the app's data-protection keys (shared by every node), so a forged or
/// edited id is simply not one. It is what the per-device daily limit counts; clearing cookies gives a new id, which is
/// why the per-address and per-point limits stand behind it (<see cref="Tickets.TakeTicket"/>).
/// </summary>
internal sealed class RemoteDevice(IDataProtectionProvider protection)
{
    public const string Cookie = "motcua.device";

    private readonly IDataProtector protector = protection.CreateProtector("MotCua.Queues.RemoteDevice.v1");

    /// <summary>The device id of this browser, or null when it has no valid cookie.</summary>
    public string? Read(HttpContext? http)
    {
        var value = http?.Request.Cookies[Cookie];
        if (string.IsNullOrEmpty(value) || value.Length > 400)
        {
            return null;
        }

        try
        {
            var id = protector.Unprotect(value);
            return id.Length == 32 ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The device id of this browser, giving it one (the cookie) when it has none and the response has not started.</summary>
    public string? Ensure(HttpContext? http)
    {
        if (Read(http) is { } known)
        {
            return known;
        }

        if (http is null || http.Response.HasStarted)
        {
            return null;
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(Cookie, protector.Protect(id), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Path = "/",
            MaxAge = TimeSpan.FromDays(400),
        });
        return id;
    }
}
