using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace MotCua.Platform.Audit;

/// <summary>
/// The key the daily checkpoints are signed with: <c>MotCua:Audit:CheckpointKey</c>, at least 32 random bytes in base64
/// (<c>openssl rand -base64 32</c>), the same on every node and kept outside the database. In Development a published
/// development key stands in; outside Development the web app refuses to start without a key (SafeDefaults).
/// </summary>
public sealed class AuditKey
{
    public const string Setting = "MotCua:Audit:CheckpointKey";

    private const int MinimumBytes = 32;

    /// <summary>The development key: public, so it proves nothing; only Development may use it.</summary>
    private static readonly byte[] DevelopmentBytes = SHA256.HashData(Encoding.UTF8.GetBytes("MotCua development audit checkpoint key — not for production"));

    private AuditKey(byte[] bytes, bool isDevelopmentKey)
    {
        Bytes = bytes;
        IsDevelopmentKey = isDevelopmentKey;
        Id = Convert.ToHexStringLower(SHA256.HashData([.. "motcua-audit-key-id"u8, .. bytes]))[..16];
    }

    internal byte[] Bytes { get; }

    /// <summary>A fingerprint of the key (16 hex digits), stored with each checkpoint; it reveals nothing of the key.</summary>
    public string Id { get; }

    public bool IsDevelopmentKey { get; }

    public static AuditKey Development { get; } = new(DevelopmentBytes, isDevelopmentKey: true);

    /// <summary>A key from its base64 text, or null with why not.</summary>
    public static AuditKey? Parse(string? base64, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(base64))
        {
            problem = $"{Setting} is not set: the key (at least {MinimumBytes} random bytes in base64, e.g. `openssl rand -base64 32`) that signs the audit trail's daily checkpoints, the same on every node and kept outside the database.";
            return null;
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var length) || length < MinimumBytes)
        {
            problem = $"{Setting} is not {MinimumBytes} or more bytes in base64 (e.g. `openssl rand -base64 32`).";
            return null;
        }

        return new AuditKey(buffer[..length], isDevelopmentKey: false);
    }

    /// <summary>
    /// The configured key; without one, the development key in Development and a refusal elsewhere. A key that is set but
    /// not valid is refused in every environment.
    /// </summary>
    public static AuditKey From(IConfiguration configuration, bool development)
    {
        var configured = configuration[Setting];
        if (Parse(configured, out var problem) is { } key)
        {
            return key;
        }

        return development && string.IsNullOrWhiteSpace(configured) ? Development : throw new InvalidOperationException(problem);
    }

    /// <summary>What is wrong with the configured key outside Development (null when it is good).</summary>
    public static string? Problem(IConfiguration configuration)
    {
        Parse(configuration[Setting], out var problem);
        return problem;
    }
}
