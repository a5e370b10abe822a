using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Data;
using MotCua.Platform.Jobs;

namespace MotCua.Platform.Identity;

/// <summary>
/// One sign-in (a staff member's or a citizen's), in the database so every node knows it. The cookie carries its id
/// (<see cref="SignInSessions.Claim"/>); a cookie whose session is revoked (signed out, account changed) or past its
/// absolute lifetime is refused on every node, even if a copy of it is replayed.
/// </summary>
public sealed class SignInSession
{
    /// <summary>256 random bits, hex.</summary>
    public string Id { get; set; } = "";

    /// <summary>The cookie scheme the session belongs to (<c>Identity.Application</c> for staff, <c>motcua.citizen</c>).</summary>
    public string Scheme { get; set; } = "";

    /// <summary>Who: the staff user name or the citizen's subject at the provider.</summary>
    public string Subject { get; set; } = "";

    /// <summary>The staff account (none for a citizen).</summary>
    public Guid? UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>However often the cookie slides, the session ends here.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RemoteAddress { get; set; }

    internal static void Configure(ModelBuilder builder) => builder.Entity<SignInSession>(b =>
    {
        b.ToTable("identity_sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(64);
        b.Property(s => s.Scheme).HasMaxLength(64);
        b.Property(s => s.Subject).HasMaxLength(256);
        b.Property(s => s.RemoteAddress).HasMaxLength(64);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.ExpiresAt);
    });
}

/// <summary>Starts, checks and revokes <see cref="SignInSession"/>s; hooks them into a cookie scheme (<see cref="Attach"/>).</summary>
public sealed class SignInSessions(MotCuaDb db, TimeProvider time)
{
    /// <summary>The claim of the session id in the cookie.</summary>
    public const string Claim = "motcua:sid";

    public async Task<string> StartAsync(string scheme, ClaimsPrincipal principal, TimeSpan lifetime, string? remoteAddress, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var session = new SignInSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            Scheme = scheme,
            Subject = Truncate(principal.Identity?.Name ?? principal.FindFirstValue("sub") ?? "?", 256),
            UserId = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var user) ? user : null,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            RemoteAddress = remoteAddress is null ? null : Truncate(remoteAddress, 64),
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    public async Task<bool> IsActiveAsync(string? id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        var now = time.GetUtcNow();
        return await db.Set<SignInSession>().AnyAsync(s => s.Id == id && s.RevokedAt == null && s.ExpiresAt > now, ct);
    }

    public async Task RevokeAsync(string? id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id))
        {
            return;
        }

        var now = time.GetUtcNow();
        await db.Set<SignInSession>().Where(s => s.Id == id && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
    }

    /// <summary>Every open session of a staff account (its 2FA reset, its password changed, the account disabled).</summary>
    public async Task<int> RevokeAllAsync(Guid userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.Set<SignInSession>().Where(s => s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now), ct);
    }

    /// <summary>
    /// Hooks a cookie scheme to sessions: a sign-in starts one (its id goes into the cookie), every request checks it
    /// (then runs <paramref name="next"/>, e.g. the security-stamp check), a sign-out revokes it.
    /// </summary>
    public static void Attach(CookieAuthenticationEvents events, TimeSpan lifetime, Func<CookieValidatePrincipalContext, Task>? next = null)
    {
        var signingIn = events.OnSigningIn;
        events.OnSigningIn = async ctx =>
        {
            await signingIn(ctx);
            if (ctx.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == Claim))
            {
                await using var scope = OwnScope(ctx.HttpContext);
                var id = await scope.ServiceProvider.GetRequiredService<SignInSessions>().StartAsync(ctx.Scheme.Name, ctx.Principal, lifetime,
                    ctx.HttpContext.Connection.RemoteIpAddress?.ToString(), ctx.HttpContext.RequestAborted);
                identity.AddClaim(new Claim(Claim, id));
            }
        };

        events.OnValidatePrincipal = async ctx =>
        {
            bool active;
            await using (var scope = OwnScope(ctx.HttpContext))
            {
                active = await scope.ServiceProvider.GetRequiredService<SignInSessions>().IsActiveAsync(ctx.Principal?.FindFirstValue(Claim), ctx.HttpContext.RequestAborted);
            }

            if (!active)
            {
                // Refused, and the dead cookie removed (not a sign-out: there is no session left to end).
                ctx.RejectPrincipal();
                ctx.Options.CookieManager.DeleteCookie(ctx.HttpContext, ctx.Options.Cookie.Name!, ctx.Options.Cookie.Build(ctx.HttpContext));
                return;
            }

            if (next is not null)
            {
                await next(ctx);
            }
        };

        var signingOut = events.OnSigningOut;
        events.OnSigningOut = async ctx =>
        {
            await signingOut(ctx);
            // The cookie of the request, read as it is (authenticating again here would validate it again).
            var cookie = ctx.Options.CookieManager.GetRequestCookie(ctx.HttpContext, ctx.Options.Cookie.Name!);
            var ticket = string.IsNullOrEmpty(cookie) ? null : ctx.Options.TicketDataFormat.Unprotect(cookie, null);
            if (ticket?.Principal.FindFirstValue(Claim) is { } id)
            {
                await using var scope = OwnScope(ctx.HttpContext);
                await scope.ServiceProvider.GetRequiredService<SignInSessions>().RevokeAsync(id, ctx.HttpContext.RequestAborted);
            }
        };
    }

    /// <summary>
    /// A scope (and a DbContext) of its own: the cookie is checked while the page's components may be using the request's
    /// DbContext (a citizen page reading the cookie as it renders).
    /// </summary>
    private static AsyncServiceScope OwnScope(Microsoft.AspNetCore.Http.HttpContext http)
        => http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>Deletes sessions a day past their end (revoked or expired), once an hour; safe on several nodes.</summary>
internal sealed class PruneSignInSessions(IServiceScopeFactory scopes, TimeProvider time) : IPeriodicJob
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task<string?> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var threshold = time.GetUtcNow() - TimeSpan.FromDays(1);
        var sessions = await db.Set<SignInSession>().Where(s => s.ExpiresAt < threshold || s.RevokedAt < threshold).ExecuteDeleteAsync(ct);
        var failures = await db.Set<SignInFailure>().Where(f => f.LastAt < threshold).ExecuteDeleteAsync(ct);
        return $"pruned {sessions} sessions, {failures} sign-in failure counters";
    }
}
