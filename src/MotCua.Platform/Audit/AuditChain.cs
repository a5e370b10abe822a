using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Platform.Audit;

/// <summary>
/// The chain's arithmetic, in one place for the sealing job and the verifier. A line's hash is SHA-256 over its canonical
/// form: a version tag, then every field in a fixed order, each written as its UTF-8 length and bytes (a missing value as
/// "-"), so no two different lines share a form. Instants count whole microseconds (PostgreSQL keeps no finer), ids are
/// lower-case "D" strings. A checkpoint is an HMAC-SHA256 with the installation's key over the day, the last sequence and
/// its hash: whoever rewrites the stored lines (and recomputes their hashes) cannot sign a matching checkpoint.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of line 1: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string LineVersion = "motcua-audit-line-v1";
    private const string CheckpointVersion = "motcua-audit-checkpoint-v1";

    /// <summary>The hash line <paramref name="sequence"/> must carry when it follows <paramref name="previousHash"/>.</summary>
    public static string HashOf(AuditEntry e, long sequence, string previousHash)
    {
        var form = new StringBuilder(256).Append(LineVersion);
        Field(form, sequence.ToString(CultureInfo.InvariantCulture));
        Field(form, previousHash);
        Field(form, e.Id.ToString("D"));
        Field(form, Microseconds(e.At).ToString(CultureInfo.InvariantCulture));
        Field(form, ((int)e.Kind).ToString(CultureInfo.InvariantCulture));
        Field(form, e.Action);
        Field(form, e.Subject);
        Field(form, e.Details);
        Field(form, e.ActorId?.ToString("D"));
        Field(form, e.ActorName);
        Field(form, e.Roles);
        Field(form, e.UnitId?.ToString("D"));
        Field(form, e.RemoteAddress);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(form.ToString())));
    }

    /// <summary>The signature of "on <paramref name="day"/> the chain ended at <paramref name="lastSequence"/> with <paramref name="lastHash"/>".</summary>
    public static string Sign(AuditKey key, DateOnly day, long lastSequence, string lastHash)
        => Convert.ToHexStringLower(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{CheckpointVersion}\n{day:yyyy-MM-dd}\n{lastSequence}\n{lastHash}"))));

    /// <summary>Whether <paramref name="signature"/> is the key's signature of the checkpoint (compared in constant time).</summary>
    public static bool IsSignedBy(AuditKey key, AuditCheckpoint checkpoint)
        => CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Sign(key, checkpoint.Day, checkpoint.LastSequence, checkpoint.LastHash)),
            Encoding.ASCII.GetBytes(checkpoint.Signature));

    private static long Microseconds(DateTimeOffset at) => at.UtcTicks / 10;

    private static void Field(StringBuilder form, string? value)
    {
        form.Append('|');
        if (value is null)
        {
            form.Append('-');
            return;
        }

        form.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
