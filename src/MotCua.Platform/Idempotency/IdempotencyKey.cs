using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;

namespace MotCua.Platform.Idempotency;

/// <summary>
/// A client's key for one submission (HTTP header Idempotency-Key; forms send one too): the same key twice gives the
/// same outcome — the same dossier, the same ticket — never a second one (a retry after a lost answer, a double click).
/// Claimed in the transaction that saves the outcome; its primary key settles concurrent repeats. The key remembers a
/// hash of the request it was first used with: the same key with a different body is a client's mistake, answered 422
/// with nothing changed (never the first outcome passed off as the answer to another request).
/// </summary>
public sealed class IdempotencyKey
{
    /// <summary>The key as stored: <see cref="IdempotencyStore.Scoped"/> (who sent it, and for what).</summary>
    public string Key { get; init; } = "";

    /// <summary>What the first request made: a dossier code, a ticket id.</summary>
    public string Reference { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>SHA-256 (hex) of the request first sent with the key; null for keys saved before it was kept.</summary>
    public string? RequestHash { get; init; }

    internal static void Configure(ModelBuilder builder) => builder.Entity<IdempotencyKey>(b =>
    {
        b.ToTable("platform_idempotency_keys");
        b.HasKey(k => k.Key);
        b.Property(k => k.Key).HasMaxLength(200);
        b.Property(k => k.Reference).HasMaxLength(60);
        b.Property(k => k.RequestHash).HasMaxLength(64);
    });
}

/// <summary>The idempotency keys of every module (reception, online filing, tickets): one store, one set of rules.</summary>
public static class IdempotencyStore
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 100;

    public static Error? Validate(string? key) => key is { Length: > MaxLength } || (key is not null && key.Any(char.IsControl))
        ? Error.Invalid(Header, $"Idempotency-Key phải là chuỗi không quá {MaxLength} ký tự.")
        : null;

    /// <summary>The key as stored: scoped by who sends it (and for what), so two clients cannot collide.</summary>
    public static string Scoped(string scope, string key) => $"{scope}:{key}";

    /// <summary>The hash a request is remembered by: SHA-256 of its JSON form.</summary>
    public static string Hash<T>(T request)
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(request)));

    /// <summary>
    /// What an earlier request with this key made (null when the key is new), or a 422 refusal when that request was a
    /// different one. <paramref name="what"/> names the outcome in the message ("mỗi hồ sơ", "mỗi lần lấy số").
    /// </summary>
    public static async Task<Result<string>?> FindAsync(MotCuaDb db, string? scopedKey, string requestHash, CancellationToken ct, string what = "mỗi hồ sơ")
    {
        if (scopedKey is null)
        {
            return null;
        }

        var saved = await db.Set<IdempotencyKey>().AsNoTracking().Where(k => k.Key == scopedKey).Select(k => new { k.Reference, k.RequestHash }).FirstOrDefaultAsync(ct);
        if (saved is null)
        {
            return null;
        }

        if (saved.RequestHash is not null && saved.RequestHash != requestHash)
        {
            return new Error("idempotency-key-reused",
                $"Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng một khóa mới cho {what}.", StatusCodes.Status422UnprocessableEntity, Header);
        }

        return Result.Ok(saved.Reference);
    }

    /// <summary>
    /// Claims the key for <paramref name="reference"/> inside the caller's transaction (INSERT … ON CONFLICT DO NOTHING:
    /// no unique-key violation, nothing logged as an error). False when a concurrent twin holds it: the caller rolls back
    /// and answers what <see cref="FindAsync"/> finds. On PostgreSQL the claim waits for a twin still in its transaction.
    /// </summary>
    public static Task<bool> ClaimAsync(MotCuaDb db, string scopedKey, string requestHash, string reference, DateTimeOffset now, CancellationToken ct)
        => InsertOrIgnore.AddAsync(db, new IdempotencyKey { Key = scopedKey, Reference = reference, CreatedAt = now, RequestHash = requestHash }, ct);
}
