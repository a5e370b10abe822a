using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;

namespace MotCua.Dossiers.Reception;

/// <summary>
/// A client's key for one submission (HTTP header Idempotency-Key; the reception form sends one too): the
/// same key twice gives the same dossier, never a second one — a retried request after a lost answer, a
/// double click. Saved in the dossier's transaction; its primary key settles concurrent repeats.
/// </summary>
internal sealed class IdempotencyKey
{
    public string Key { get; init; } = "";
    public string DossierCode { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    public const int MaxLength = 100;

    public static Error? Validate(string? key) => key is { Length: > MaxLength } || (key is not null && key.Any(char.IsControl))
        ? Error.Invalid("Idempotency-Key", $"Idempotency-Key phải là chuỗi không quá {MaxLength} ký tự.")
        : null;

    /// <summary>The key as stored: scoped by who sends it, so two clients cannot collide.</summary>
    public static string Scoped(string scope, string key) => $"{scope}:{key}";

    public static async Task<ReceptionResult?> FindAsync(MotCuaDb db, string? scopedKey, CancellationToken ct)
    {
        if (scopedKey is null)
        {
            return null;
        }

        var code = await db.Set<IdempotencyKey>().AsNoTracking().Where(k => k.Key == scopedKey).Select(k => k.DossierCode).FirstOrDefaultAsync(ct);
        return code is null ? null : await db.Set<Dossier>().AsNoTracking().Where(d => d.Code == code)
            .Select(d => new ReceptionResult(d.Code, d.Status, d.ReceivedAt, d.DueAt)).FirstOrDefaultAsync(ct);
    }
}
