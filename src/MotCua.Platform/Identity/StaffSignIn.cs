using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;

namespace MotCua.Platform.Identity;

/// <summary>Where a correct password leads.</summary>
public enum SignInStep
{
    /// <summary>Signed in.</summary>
    Done,

    /// <summary>An administrator or leader with an authenticator: the code comes next (<c>/account/2fa</c>).</summary>
    Code,

    /// <summary>An administrator or leader without one, where it is required: enrol first (<c>/account/2fa</c>).</summary>
    Enrol,
}

/// <summary>What the code page shows: the user and, while enrolling, the secret to put into the authenticator app.</summary>
public sealed record PendingSignIn(string UserName, bool Enrolling, string? Secret, string? OtpUri);

/// <summary>
/// The staff sign-in, one class for the page: a per-address throttle, a lockout per user name AND address (a stranger
/// elsewhere cannot lock an officer out; the answer and the work are the same for an unknown name, a wrong password,
/// a locked or disabled account), then the authenticator code for administrators and leaders.
/// </summary>
public sealed class StaffSignIn(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    MotCuaDb db,
    TimeProvider time,
    SignInThrottle throttle,
    TwoFactorPolicy policy,
    AuditTrail audit,
    IHttpContextAccessor accessor)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    public static readonly Error BadCredentials = new("bad-credentials", "Tên đăng nhập hoặc mật khẩu không đúng.");
    public static readonly Error Locked = new("locked", "Đã nhập sai nhiều lần: tên đăng nhập này tạm thời không đăng nhập được từ máy này trong 15 phút.", StatusCodes.Status429TooManyRequests);
    public static readonly Error Throttled = new("throttled", SignInThrottle.Message, StatusCodes.Status429TooManyRequests);
    public static readonly Error BadCode = new("bad-code", "Mã xác thực không đúng hoặc đã được dùng. Vui lòng nhập mã đang hiện trên ứng dụng xác thực.", StatusCodes.Status400BadRequest, "code");
    public static readonly Error Expired = new("expired", "Phiên đăng nhập đã hết hạn. Vui lòng nhập lại tên đăng nhập và mật khẩu.", StatusCodes.Status400BadRequest);

    private const string RememberClaim = "motcua:remember";

    /// <summary>A hash to verify against when the user name is unknown or blocked, so every refusal costs the same work.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString()));

    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("The staff sign-in runs in a request.");

    public async Task<Result<SignInStep>> PasswordAsync(string userName, string password, bool remember, CancellationToken ct)
    {
        userName = userName.Trim();
        if (!throttle.TryAcquire(Http.Connection.RemoteIpAddress))
        {
            return Throttled;
        }

        var key = FailureKey(userName);
        var now = time.GetUtcNow();
        var failure = await db.Set<SignInFailure>().SingleOrDefaultAsync(f => f.Key == key, ct);
        var user = userName.Length is > 0 and <= 256 ? await users.FindByNameAsync(userName) : null;
        if (failure?.LockedUntil > now)
        {
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), DecoyHash.Value, password);
            return await RefuseAsync(userName, Locked, "locked", ct);
        }

        var passwordOk = user is not null && await users.CheckPasswordAsync(user, password);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), DecoyHash.Value, password);
        }

        if (!passwordOk || user is null)
        {
            return await FailAsync(failure, key, userName, now, ct);
        }

        // A disabled account (locked by an administrator) is refused like a wrong password, and counts as one.
        if (await users.IsLockedOutAsync(user))
        {
            return await FailAsync(failure, key, userName, now, ct);
        }

        if (failure is not null)
        {
            db.Remove(failure);
        }

        var roles = await users.GetRolesAsync(user);
        if (TwoFactorPolicy.AppliesTo(roles) && (user.TwoFactorEnabled || policy.Required))
        {
            await Http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, user.Id.ToString()), new Claim(RememberClaim, remember ? "1" : "0")],
                IdentityConstants.TwoFactorUserIdScheme)));
            await db.SaveChangesAsync(ct);
            return user.TwoFactorEnabled ? SignInStep.Code : SignInStep.Enrol;
        }

        await signIn.SignInAsync(user, remember);
        audit.Record("staff.signed-in", $"staff:{user.UserName}", kind: AuditKind.SignIn);
        await db.SaveChangesAsync(ct);
        return SignInStep.Done;
    }

    /// <summary>The sign-in waiting for its code (a correct password in the last five minutes), or null.</summary>
    public async Task<PendingSignIn?> PendingAsync()
    {
        if (await PendingUserAsync() is not { } pending)
        {
            return null;
        }

        var user = pending.User;
        if (user.TwoFactorEnabled)
        {
            return new PendingSignIn(user.UserName!, false, null, null);
        }

        if (await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } secret)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            secret = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        return new PendingSignIn(user.UserName!, true, secret, TotpCodes.Uri(secret, user.UserName!));
    }

    /// <summary>The code of the authenticator: enrols it (the first time) and completes the sign-in.</summary>
    public async Task<Result<SignInStep>> CodeAsync(string? code, CancellationToken ct)
    {
        if (!throttle.TryAcquire(Http.Connection.RemoteIpAddress))
        {
            return Throttled;
        }

        if (await PendingUserAsync() is not { } pending)
        {
            return Expired;
        }

        var user = pending.User;
        if (await users.IsLockedOutAsync(user))
        {
            return await RefuseAsync(user.UserName!, Locked, "locked", ct);
        }

        if (!await TotpCodes.VerifyAsync(users, user, code, time.GetUtcNow()))
        {
            // Only someone who knew the password gets here: five wrong codes lock the account itself.
            await users.AccessFailedAsync(user);
            return await RefuseAsync(user.UserName!, BadCode, "bad-code", ct);
        }

        await users.ResetAccessFailedCountAsync(user);
        var enrolled = !user.TwoFactorEnabled;
        if (enrolled)
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            audit.Record("staff.2fa-enrolled", $"staff:{user.UserName}", kind: AuditKind.SignIn);
        }

        await Http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, pending.Remember, [new Claim("amr", "mfa")]);
        audit.Record("staff.signed-in", $"staff:{user.UserName}", details: "mã xác thực", kind: AuditKind.SignIn);
        await db.SaveChangesAsync(ct);
        return SignInStep.Done;
    }

    private async Task<(StaffUser User, bool Remember)?> PendingUserAsync()
    {
        var result = await Http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (result.Principal?.FindFirstValue(ClaimTypes.Name) is not { } id || await users.FindByIdAsync(id) is not { } user)
        {
            return null;
        }

        return (user, result.Principal.FindFirstValue(RememberClaim) == "1");
    }

    private async Task<Result<SignInStep>> FailAsync(SignInFailure? failure, string key, string userName, DateTimeOffset now, CancellationToken ct)
    {
        if (failure is null)
        {
            failure = new SignInFailure { Key = key, FirstAt = now };
            db.Add(failure);
        }
        else if (now - failure.FirstAt > LockFor)
        {
            // A new quarter of an hour: count again.
            failure.FirstAt = now;
            failure.Count = 0;
            failure.LockedUntil = null;
        }

        failure.Count++;
        failure.LastAt = now;
        if (failure.Count >= MaxFailures)
        {
            failure.LockedUntil = now + LockFor;
        }

        return await RefuseAsync(userName, failure.LockedUntil > now ? Locked : BadCredentials, "bad-credentials", ct);
    }

    private async Task<Result<SignInStep>> RefuseAsync(string userName, Error error, string why, CancellationToken ct)
    {
        audit.Record("staff.sign-in-failed", $"staff:{(userName.Length > 100 ? userName[..100] : userName)}", details: why, kind: AuditKind.SignIn);
        await db.SaveChangesAsync(ct);
        return error;
    }

    private string FailureKey(string userName)
    {
        var name = users.NormalizeName(userName) ?? "";
        return $"{(name.Length > 300 ? name[..300] : name)}|{Http.Connection.RemoteIpAddress}";
    }
}
