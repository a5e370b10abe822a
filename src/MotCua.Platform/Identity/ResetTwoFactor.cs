using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;

namespace MotCua.Platform.Identity;

/// <summary>
/// Recovery of a lost authenticator: an administrator (or the console, <c>motcua staff reset-2fa</c>) resets another
/// staff member's two-step verification, with a reason on the audit trail. The old secret stops working, every open
/// session of the account ends, and the next sign-in enrols a new authenticator.
/// </summary>
public sealed class ResetTwoFactor(UserManager<StaffUser> users, SignInSessions sessions, AuditTrail audit, CurrentActor actor, MotCuaDb db)
{
    public async Task<Result<string>> RunAsync(string? userName, string? reason, CancellationToken ct)
    {
        reason = reason?.Trim() ?? "";
        if (reason.Length is 0 or > 500)
        {
            return Error.Required("reason", "lý do đặt lại xác thực hai bước (tối đa 500 ký tự)");
        }

        var user = userName is { Length: > 0 and <= 256 } ? await users.FindByNameAsync(userName.Trim()) : null;
        if (user is null)
        {
            return Error.NotFound("tài khoản cán bộ");
        }

        if (actor.UserId == user.Id)
        {
            return Error.Conflict("Không thể tự đặt lại xác thực hai bước của chính mình; hãy nhờ một quản trị viên khác.");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, TotpCodes.TokenProvider, TotpCodes.LastStepToken);
        // A new secret nobody has seen (shown at the next sign-in) and a new security stamp.
        await users.ResetAuthenticatorKeyAsync(user);
        var ended = await sessions.RevokeAllAsync(user.Id, ct);
        audit.Record("staff.2fa-reset", $"staff:{user.UserName}", details: $"{reason} (đã kết thúc {ended} phiên đăng nhập)");
        await db.SaveChangesAsync(ct);
        return user.UserName!;
    }
}

/// <summary>The body of <c>POST /api/v1/staff/{userName}/two-factor/reset</c>.</summary>
public sealed record ResetTwoFactorRequest(string? Reason);
