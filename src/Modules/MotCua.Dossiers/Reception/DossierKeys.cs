using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Idempotency;

namespace MotCua.Dossiers.Reception;

/// <summary>
/// A submission's Idempotency-Key (header, or the reception form's hidden key) in the platform's store
/// (<see cref="IdempotencyStore"/>): the same key twice gives the same dossier, the same key with another request 422.
/// </summary>
internal static class DossierKeys
{
    /// <summary>The dossier an earlier request with this key created (null when the key is new), or the store's 422 refusal.</summary>
    public static async Task<Result<ReceptionResult>?> FindAsync(MotCuaDb db, string? scopedKey, string requestHash, CancellationToken ct)
    {
        if (await IdempotencyStore.FindAsync(db, scopedKey, requestHash, ct) is not { } saved)
        {
            return null;
        }

        if (!saved.Succeeded)
        {
            return saved.Cast<ReceptionResult>();
        }

        var earlier = await db.Set<Dossier>().AsNoTracking().Where(d => d.Code == saved.Value)
            .Select(d => new ReceptionResult(d.Code, d.Status, d.ReceivedAt, d.DueAt)).FirstOrDefaultAsync(ct);
        return earlier is null ? (Result<ReceptionResult>?)null : Result.Ok(earlier);
    }
}
