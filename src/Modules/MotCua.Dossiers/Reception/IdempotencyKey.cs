using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;

namespace MotCua.Dossiers.Reception;

/// <summary>
/// A client's key for one submission (HTTP header Idempotency-Key; the reception form sends one too): the
/// same key twice gives the same dossier, never a second one — a retried request after a lost answer, a
/// double click. Saved in the dossier's transaction; its primary key settles concurrent repeats. The key remembers
/// a hash of the request it was first used with: the same key with a different body is a client's mistake, answered
/// 422 with nothing changed (never the first dossier passed off as the answer to another request).
/// </summary>
internal sealed class IdempotencyKey
{
    public string Key { get; init; } = "";
    public string DossierCode { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>SHA-256 (hex) of the request first sent with the key; null for keys saved before it was kept.</summary>
    public string? RequestHash { get; init; }

    public const int MaxLength = 100;

    public static Error? Validate(string? key) => key is { Length: > MaxLength } || (key is not null && key.Any(char.IsControl))
        ? Error.Invalid("Idempotency-Key", $"Idempotency-Key phải là chuỗi không quá {MaxLength} ký tự.")
        : null;

    /// <summary>The key as stored: scoped by who sends it, so two clients cannot collide.</summary>
    public static string Scoped(string scope, string key) => $"{scope}:{key}";

    /// <summary>The hash a request is remembered by: SHA-256 of its JSON form.</summary>
    public static string Hash(ReceptionRequest request)
        => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(request)));

    /// <summary>
    /// The dossier an earlier request with this key created (null when the key is new), or a 422 refusal when that
    /// request was a different one.
    /// </summary>
    public static async Task<Result<ReceptionResult>?> FindAsync(MotCuaDb db, string? scopedKey, string requestHash, CancellationToken ct)
    {
        if (scopedKey is null)
        {
            return null;
        }

        var saved = await db.Set<IdempotencyKey>().AsNoTracking().Where(k => k.Key == scopedKey).Select(k => new { k.DossierCode, k.RequestHash }).FirstOrDefaultAsync(ct);
        if (saved is null)
        {
            return null;
        }

        if (saved.RequestHash is not null && saved.RequestHash != requestHash)
        {
            return new Error("idempotency-key-reused",
                "Idempotency-Key này đã được dùng cho một yêu cầu khác; hãy dùng một khóa mới cho mỗi hồ sơ.", StatusCodes.Status422UnprocessableEntity, "Idempotency-Key");
        }

        var earlier = await db.Set<Dossier>().AsNoTracking().Where(d => d.Code == saved.DossierCode)
            .Select(d => new ReceptionResult(d.Code, d.Status, d.ReceivedAt, d.DueAt)).FirstOrDefaultAsync(ct);
        return earlier is null ? (Result<ReceptionResult>?)null : Result.Ok(earlier);
    }
}
