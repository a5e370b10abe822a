using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.Attachments;

/// <summary>
/// Who an upload belongs to: a signed-in citizen (<c>citizen:{e-ID subject}</c>) or staff member (<c>staff:{user id}</c>).
/// An upload made with an upload token belongs to the citizen the token was issued to.
/// </summary>
internal sealed record Uploader(string Key, string Via)
{
    public static Uploader Citizen(string subject, string via = "phiên đăng nhập") => new($"citizen:{subject}", via);

    public static Uploader Staff(Guid userId) => new($"staff:{userId}", "phiên đăng nhập của cán bộ");
}

/// <summary>
/// Short-lived upload tokens (mã tải lên): issued with a form in progress (the filing page renders one in its form),
/// bound to the citizen and to that form, protected by the data-protection keys shared by every node, with their
/// expiry inside. An upload without a signed-in session needs one; it then belongs to the citizen the token names.
/// </summary>
internal sealed class UploadTokens(IDataProtectionProvider protection, IConfiguration configuration, TimeProvider time)
{
    public const string Header = "X-Upload-Token";
    public const string Field = "uploadToken";

    private const byte Version = 1;

    private readonly IDataProtector protector = protection.CreateProtector("MotCua.Dossiers.UploadToken.v1");

    /// <summary>How long a token is good for: <c>MotCua:Uploads:TokenMinutes</c>, default 120.</summary>
    public TimeSpan Lifetime => TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("MotCua:Uploads:TokenMinutes", 120), 1, 24 * 60));

    /// <summary>A token for <paramref name="subject"/>'s form <paramref name="form"/> (e.g. <c>procedure:1.001193</c> or <c>draft:{id}</c>).</summary>
    public string Issue(string subject, string form, DateTimeOffset? expiresAt = null)
    {
        var expires = (expiresAt ?? time.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        var text = Encoding.UTF8.GetBytes($"{subject}\n{form}");
        var payload = new byte[1 + 8 + text.Length];
        payload[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(1), expires);
        text.CopyTo(payload, 9);
        return WebEncoders.Base64UrlEncode(protector.Protect(payload));
    }

    /// <summary>The uploader a token names, or why it is refused (403: forged, altered or expired).</summary>
    public Result<(Uploader Uploader, string Form)> Read(string token)
    {
        byte[] payload;
        try
        {
            payload = token.Length is > 0 and <= 2000 ? protector.Unprotect(WebEncoders.Base64UrlDecode(token)) : [];
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            payload = [];
        }

        if (payload.Length < 10 || payload[0] != Version)
        {
            return Refused("Mã tải lên không hợp lệ; vui lòng tải lại trang biểu mẫu rồi tải tệp lên.");
        }

        if (DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(1))) <= time.GetUtcNow())
        {
            return Refused("Mã tải lên đã hết hạn; vui lòng tải lại trang biểu mẫu rồi tải tệp lên.");
        }

        var parts = Encoding.UTF8.GetString(payload, 9, payload.Length - 9).Split('\n', 2);
        return parts.Length == 2 && parts[0].Length > 0
            ? (Uploader.Citizen(parts[0], $"mã tải lên của biểu mẫu {parts[1]}"), parts[1])
            : Refused("Mã tải lên không hợp lệ; vui lòng tải lại trang biểu mẫu rồi tải tệp lên.");
    }

    private static Error Refused(string message) => new("forbidden", message, 403, Field);
}

/// <summary>Who is uploading in this request: the signed-in citizen, else the signed-in staff member, else the upload token, else nobody (401).</summary>
internal sealed class CurrentUploader(CurrentCitizen citizen, CurrentActor actor, UploadTokens tokens)
{
    public const string SignInFirst = "Vui lòng đăng nhập (hoặc dùng mã tải lên của biểu mẫu đang khai) để tải tệp lên; tệp không được lưu.";

    public async Task<Result<Uploader>> ResolveAsync(string? token)
    {
        if (citizen.IsSignedIn || (!actor.IsAuthenticated && await citizen.LoadAsync()))
        {
            if (citizen.Subject.Length > 0)
            {
                return Uploader.Citizen(citizen.Subject);
            }
        }

        if (actor.IsAuthenticated && actor.UserId is { } staff)
        {
            return Uploader.Staff(staff);
        }

        if (!string.IsNullOrWhiteSpace(token))
        {
            var read = tokens.Read(token.Trim());
            return read.Error is { } refused ? refused : read.Value.Uploader;
        }

        return new Error("unauthorized", SignInFirst, 401, "file");
    }
}
