using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using MotCua.Dossiers.Apply;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Jobs;
using MotCua.Platform.Storage;

namespace MotCua.Dossiers.Attachments;

/// <summary>
/// Deletes stored files nobody needs: uploaded more than <c>MotCua:Uploads:KeepHours</c> (default 24) ago, not uploaded
/// again since, and not attached to any dossier (its checklist, supplements, authorisation, results — which is also
/// every citizen's document store) nor kept in any draft. Each collection is in the audit trail (subject
/// <c>file:{sha256}</c>, actor "system"). Safe on several nodes: the upload rows are deleted in the transaction that
/// re-checks the references, and only the node whose delete removed them deletes the file and writes the audit line.
/// Runs every <c>MotCua:Uploads:CollectSeconds</c> (default 3600; 0 turns it off).
/// </summary>
internal sealed class CollectUnreferencedFiles(MotCuaDb db, IFileStore files, AuditTrail audit, IConfiguration configuration, TimeProvider time) : IPeriodicJob
{
    private const int Batch = 200;

    public TimeSpan KeepFor => TimeSpan.FromHours(Math.Clamp(configuration.GetValue("MotCua:Uploads:KeepHours", 24), 1, 24 * 90));

    async Task<string?> IPeriodicJob.RunOnceAsync(CancellationToken ct)
        => await RunAsync(ct) is > 0 and var n ? $"{n} unreferenced stored file(s) collected" : null;

    /// <summary>One sweep: how many files were collected.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - KeepFor;
        var collected = 0;
        var tried = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var candidates = await Unreferenced(cutoff).Distinct().Take(Batch + tried.Count).ToListAsync(ct);
            var fresh = candidates.Where(tried.Add).ToList();
            if (fresh.Count == 0)
            {
                return collected;
            }

            foreach (var sha in fresh)
            {
                if (await CollectAsync(sha, cutoff, ct))
                {
                    collected++;
                }
            }
        }
    }

    /// <summary>Content whose every upload is older than the cutoff and which nothing refers to.</summary>
    private IQueryable<string> Unreferenced(DateTimeOffset cutoff)
        => db.Set<StoredUpload>().AsNoTracking()
            .Where(u => u.UploadedAt < cutoff)
            .Where(u => !db.Set<StoredUpload>().Any(n => n.Sha256 == u.Sha256 && n.UploadedAt >= cutoff))
            .Where(u => !db.Set<DossierAttachment>().Any(a => a.Sha256 == u.Sha256))
            .Where(u => !db.Set<FormDraft>().Any(d => d.FilesJson.Contains(u.Sha256)))
            .Select(u => u.Sha256);

    private async Task<bool> CollectAsync(string sha, DateTimeOffset cutoff, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await Unreferenced(cutoff).AnyAsync(s => s == sha, ct))
        {
            return false;
        }

        var uploads = await db.Set<StoredUpload>().Where(u => u.Sha256 == sha && u.UploadedAt < cutoff).ExecuteDeleteAsync(ct);
        if (uploads == 0)
        {
            return false; // another node collected it first
        }

        audit.Record("attachment.collected", $"file:{sha}",
            $"không hồ sơ, kết quả, bản nháp hay kho dữ liệu nào dùng đến sau {KeepFor.TotalHours:0} giờ ({uploads} lượt tải lên); đã xóa tệp");
        await db.SaveChangesAsync(ct);

        // The file goes before the rows' deletion is committed: a failed commit leaves rows of a missing file, which
        // the next sweep collects again; never a file that nothing can find any more.
        await files.DeleteAsync(sha, ct);
        await transaction.CommitAsync(ct);
        return true;
    }
}
