using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using MotCua.Platform.Audit;
using MotCua.Platform.Errors;
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

        // Recovery of a lost authenticator: an administrator resets another staff member's two-step verification (audited).
        app.MapPost("/api/v1/staff/{userName}/two-factor/reset", (string userName, ResetTwoFactorRequest? body, ResetTwoFactor reset, CancellationToken ct)
                => reset.RunAsync(userName, body?.Reason, ct).ToNoContent())
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator))
            .WithTags("Staff")
            .WithSummary("Resets a staff member's two-step verification (a lost phone): the next sign-in enrols a new authenticator; their sessions end. A reason is required and audited.");

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
