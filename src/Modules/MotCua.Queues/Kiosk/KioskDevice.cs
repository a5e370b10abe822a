using System.Security.Cryptography;
using System.Text;
using MotCua.Platform.Errors;

namespace MotCua.Queues.Kiosk;

/// <summary>
/// A ticket kiosk (ki-ốt lấy số) registered to one service point. Its credential — "{id}.{secret}" — is shown once
/// when it is registered; only the SHA-256 of the secret is kept (the secret is 256 random bits, so a plain hash is
/// enough: nothing to brute-force). A revoked kiosk is refused from the next request on; its tickets keep its id.
/// </summary>
internal sealed class KioskDevice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PointId { get; init; }

    /// <summary>Where it stands, for the people who look after it ("Ki-ốt sảnh chính").</summary>
    public string Name { get; init; } = "";

    /// <summary>Hex SHA-256 of the secret part of the credential.</summary>
    public string SecretHash { get; init; } = "";

    /// <summary>A kiosk enrolled by the demo in Development (refused in any other environment).</summary>
    public bool IsDemo { get; init; }

    public DateTimeOffset RegisteredAt { get; init; }
    public string RegisteredBy { get; init; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>A new kiosk of a point and its credential (to show once).</summary>
    public static (KioskDevice Kiosk, string Credential) Register(Guid point, string name, string by, DateTimeOffset now, bool demo = false)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var kiosk = new KioskDevice { PointId = point, Name = name, SecretHash = Hash(secret), IsDemo = demo, RegisteredAt = now, RegisteredBy = by };
        return (kiosk, $"{kiosk.Id:N}.{secret}");
    }

    /// <summary>The kiosk id a credential names, when it is well formed.</summary>
    public static (Guid Id, string Secret)? Parse(string? credential)
    {
        var text = credential?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 100)
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && Guid.TryParseExact(text[..dot], "N", out var id) && dot < text.Length - 1 ? (id, text[(dot + 1)..]) : null;
    }

    public bool Matches(string secret)
        => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));

    public Error? Revoke(string by, DateTimeOffset now)
    {
        if (RevokedAt is not null)
        {
            return Error.Conflict($"Ki-ốt \"{Name}\" đã bị thu hồi lúc {MotCua.Platform.Time.VietnamTime.FormatDateTime(RevokedAt.Value)}.");
        }

        RevokedAt = now;
        RevokedBy = by;
        return null;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
