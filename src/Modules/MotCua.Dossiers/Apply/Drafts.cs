using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;

namespace MotCua.Dossiers.Apply;

internal sealed record DraftSummary(Guid Id, string ProcedureCode, string ProcedureName, DateTimeOffset UpdatedAt, DateTimeOffset ExpiresAt, bool ExpiresSoon);

/// <summary>
/// Drafts of the signed-in citizen: saved on every step of the form, resumed from any device, kept for
/// <c>MotCua:Portal:DraftDays</c> (default 30) after the last change with a warning in the last 3 days;
/// expired drafts are neither shown nor resumed, and are deleted when their owner next lists them.
/// Another citizen's draft id answers "not found". Every change — created, saved, deleted, expired — is in the audit trail
/// (subject <c>draft:{id}</c>), in the same transaction as the change.
/// </summary>
internal sealed class Drafts(MotCuaDb db, AuditTrail audit, IConfiguration configuration, TimeProvider time)
{
    private TimeSpan Lifetime => TimeSpan.FromDays(Math.Clamp(configuration.GetValue("MotCua:Portal:DraftDays", 30), 1, 365));

    public async Task<IReadOnlyList<DraftSummary>> ListAsync(string owner, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var expired = await db.Set<FormDraft>().AsNoTracking().Where(d => d.OwnerSubject == owner && d.ExpiresAt <= now)
            .Select(d => new { d.Id, d.ProcedureCode }).ToListAsync(ct);
        if (expired.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var ids = expired.Select(d => d.Id).ToList();
            await db.Set<FormDraft>().Where(d => ids.Contains(d.Id)).ExecuteDeleteAsync(ct);
            foreach (var d in expired)
            {
                audit.Record("draft.expired", Subject(d.Id), $"thủ tục {d.ProcedureCode}; quá {Lifetime.TotalDays:0} ngày không sửa, đã xóa");
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var drafts = await db.Set<FormDraft>().AsNoTracking().Where(d => d.OwnerSubject == owner).OrderByDescending(d => d.UpdatedAt).Take(100).ToListAsync(ct);
        return drafts.Select(d => new DraftSummary(d.Id, d.ProcedureCode, d.ProcedureName, d.UpdatedAt, d.ExpiresAt, d.ExpiresAt - now < TimeSpan.FromDays(3))).ToList();
    }

    public async Task<FormDraft?> FindAsync(string owner, Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.Set<FormDraft>().FirstOrDefaultAsync(d => d.Id == id && d.OwnerSubject == owner && d.ExpiresAt > now, ct);
    }

    /// <summary>Creates or updates the draft (the owner's only); answers it, or null when the id is not one of the owner's live drafts.</summary>
    public async Task<FormDraft?> SaveAsync(string owner, Guid? id, string procedureCode, int procedureVersion, string procedureName,
        IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, DraftFile> files, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var draft = id is { } existing ? await FindAsync(owner, existing, ct) : null;
        if (id is not null && (draft is null || draft.ProcedureCode != procedureCode))
        {
            return null;
        }

        var created = draft is null;
        if (draft is null)
        {
            draft = new FormDraft { OwnerSubject = owner, ProcedureCode = procedureCode, ProcedureVersion = procedureVersion, CreatedAt = now };
            db.Add(draft);
        }

        draft.ProcedureName = procedureName.Length > 2000 ? procedureName[..2000] : procedureName;
        draft.Values = values.Where(v => v.Value.Length <= 4000).Take(500).ToDictionary(v => v.Key, v => v.Value);
        draft.Files = files.ToDictionary(f => f.Key, f => f.Value);
        draft.UpdatedAt = now;
        draft.ExpiresAt = now + Lifetime;
        audit.Record(created ? "draft.created" : "draft.saved", Subject(draft.Id),
            $"thủ tục {procedureCode} v{procedureVersion}; {draft.Values.Count} trường, {draft.Files.Count} tệp");
        await db.SaveChangesAsync(ct);
        return draft;
    }

    /// <summary>Deletes the owner's draft (<paramref name="reason"/> goes to the audit trail); false when it is not one of theirs.</summary>
    public async Task<bool> DeleteAsync(string owner, Guid id, string reason, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var procedure = await db.Set<FormDraft>().Where(d => d.Id == id && d.OwnerSubject == owner).Select(d => d.ProcedureCode).FirstOrDefaultAsync(ct);
        if (procedure is null || await db.Set<FormDraft>().Where(d => d.Id == id && d.OwnerSubject == owner).ExecuteDeleteAsync(ct) == 0)
        {
            return false;
        }

        audit.Record("draft.deleted", Subject(id), $"thủ tục {procedure}; {reason}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static string Subject(Guid id) => $"draft:{id}";
}
