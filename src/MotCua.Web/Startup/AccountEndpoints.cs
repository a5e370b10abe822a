using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using MotCua.Platform.Audit;
using MotCua.Platform.Identity;

namespace MotCua.Web.Startup;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async ([FromForm] string? returnUrl, SignInManager<StaffUser> signIn, AuditTrail audit, Platform.Data.MotCuaDb db) =>
        {
            audit.Record("staff.signed-out", "staff", kind: AuditKind.SignIn);
            await db.SaveChangesAsync();
            await signIn.SignOutAsync();
            return Results.LocalRedirect(LocalOrHome(returnUrl));
        }).ExcludeFromDescription();

        // Language switch: vi (default) or en, remembered in a cookie.
        app.MapGet("/culture", (string? lang, string? returnUrl, HttpContext http) =>
        {
            var culture = lang == "en" ? "en" : "vi-VN";
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LocalOrHome(returnUrl));
        }).ExcludeFromDescription();
    }

    public static string LocalOrHome(string? url)
        => !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
