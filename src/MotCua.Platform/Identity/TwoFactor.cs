using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using OtpNet;

namespace MotCua.Platform.Identity;

/// <summary>
/// Who must confirm a sign-in with a code from an authenticator app (TOTP, RFC 6238): administrators and leaders.
/// <c>MotCua:Identity:TwoFactor</c> = <c>required</c> (the default, and the only value accepted outside Development:
/// a leader without an authenticator enrols at the first sign-in) or <c>optional</c> (Development: the demo
/// accounts skip it; whoever enrolled still confirms).
/// </summary>
public sealed class TwoFactorPolicy(bool required)
{
    public const string Setting = "MotCua:Identity:TwoFactor";

    public static readonly IReadOnlyList<string> Roles =
        [StaffRoles.Administrator, StaffRoles.UnitLeader, StaffRoles.BranchManager, StaffRoles.CenterDirector];

    public bool Required { get; } = required;

    public static bool AppliesTo(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    public static TwoFactorPolicy From(IConfiguration configuration, bool isDevelopment)
        => new(configuration[Setting]?.Trim().ToLowerInvariant() switch
        {
            "required" => true,
            "optional" => false,
            _ => !isDevelopment,
        });

    /// <summary>A problem with the setting outside Development (for the start-up check), or null.</summary>
    public static string? Problem(IConfiguration configuration)
        => configuration[Setting] is { Length: > 0 } value && !string.Equals(value.Trim(), "required", StringComparison.OrdinalIgnoreCase)
            ? $"{Setting} is \"{value}\": outside Development administrators and leaders must confirm their sign-in with an authenticator code. Remove the setting or set it to \"required\"."
            : null;
}

/// <summary>Time-based codes (Otp.NET): 6 digits, 30 s, one step of clock drift either way, each code used once.</summary>
public static class TotpCodes
{
    public const string Issuer = "MotCua";

    /// <summary>Where the last accepted time step is kept (a code is never accepted twice).</summary>
    internal const string TokenProvider = "MotCua";
    internal const string LastStepToken = "TotpLastStep";

    /// <summary>The otpauth:// URI an authenticator app reads (as text or as a QR code).</summary>
    public static string Uri(string secret, string userName)
        => new OtpUri(OtpType.Totp, secret, userName, Issuer).ToString();

    /// <summary>The code of <paramref name="secret"/> at <paramref name="at"/> (tests, tools).</summary>
    public static string Compute(string secret, DateTimeOffset at)
        => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);

    /// <summary>The time step the code matches (within one step of <paramref name="at"/>), or null.</summary>
    public static long? Match(string secret, string? code, DateTimeOffset at)
    {
        code = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(at.UtcDateTime, code, out var step, VerificationWindow.RfcSpecifiedNetworkDelay) ? step : null;
    }

    /// <summary>Checks the code of the user's authenticator and remembers its step, so the same code cannot be replayed.</summary>
    public static async Task<bool> VerifyAsync(UserManager<StaffUser> users, StaffUser user, string? code, DateTimeOffset at)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } secret || Match(secret, code, at) is not { } step)
        {
            return false;
        }

        var last = long.TryParse(await users.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
        if (step <= last)
        {
            return false;
        }

        await users.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>"ABCD EFGH …": the secret in groups of four, easier to type into an app.</summary>
    public static string Grouped(string secret)
        => string.Join(' ', Enumerable.Range(0, (secret.Length + 3) / 4).Select(i => secret.Substring(i * 4, Math.Min(4, secret.Length - (i * 4)))));
}
