using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;
using MotCua.Platform.Jobs;
using MotCua.Platform.Time;

namespace MotCua.Platform.Audit;

/// <summary>What one sealing run did.</summary>
public sealed record SealReport(int Sealed, long LastSequence, DateOnly? CheckpointSigned)
{
    public override string ToString()
        => $"sealed {Sealed} audit entries (chain at {LastSequence})" + (CheckpointSigned is { } day ? $"; checkpoint of {day:yyyy-MM-dd} signed" : "");
}

/// <summary>
/// Seals the audit trail (niêm phong): every line a request inserted unsealed gets the next sequence number and its link
/// in the chain, oldest first (insertion time, then id), in batches; the first run of a local day first signs that day's
/// checkpoint. Requests never wait for it — they only insert — and the chain has one writer at a time: a transaction-scoped
/// advisory lock on PostgreSQL (any number of nodes run this job; the others wait for the lock, then find nothing or the
/// next lines), an immediate (write) transaction on SQLite. A line committed late by a slow request is simply sealed by a
/// later run. The unique index on the sequence is the last guard against two writers.
/// </summary>
public sealed class SealAuditTrail(MotCuaDb db, AuditKey key, TimeProvider time) : IPeriodicJob
{
    /// <summary>Lines sealed per transaction.</summary>
    public const int Batch = 2000;

    /// <summary>The advisory lock of the chain's one writer ("audit" + "seal").</summary>
    private const long LockKey = 0x4175646974_5365;

    async Task<string?> IPeriodicJob.RunOnceAsync(CancellationToken ct)
        => await RunAsync(ct) is { } report && (report.Sealed > 0 || report.CheckpointSigned is not null) ? report.ToString() : null;

    public async Task<SealReport> RunAsync(CancellationToken ct)
    {
        var total = 0;
        var lastSequence = 0L;
        DateOnly? signed = null;
        while (true)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!db.IsSqlite)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
            }

            var tip = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null).OrderByDescending(e => e.Sequence)
                .Select(e => new { Sequence = e.Sequence!.Value, Hash = e.Hash! }).FirstOrDefaultAsync(ct);
            lastSequence = tip?.Sequence ?? 0;
            var lastHash = tip?.Hash ?? AuditChain.Genesis;

            var now = time.GetUtcNow();
            var today = VietnamTime.DayOf(now);
            if (signed is null && !await db.AuditCheckpoints.AnyAsync(c => c.Day == today, ct))
            {
                db.Add(new AuditCheckpoint
                {
                    Day = today,
                    LastSequence = lastSequence,
                    LastHash = lastHash,
                    SignedAt = now,
                    KeyId = key.Id,
                    Signature = AuditChain.Sign(key, today, lastSequence, lastHash),
                });
                signed = today;
            }

            var pending = await db.AuditEntries.Where(e => e.Sequence == null).OrderBy(e => e.At).ThenBy(e => e.Id).Take(Batch).ToListAsync(ct);
            foreach (var entry in pending)
            {
                entry.Seal(++lastSequence, lastHash);
                lastHash = entry.Hash!;
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            total += pending.Count;
            if (pending.Count < Batch)
            {
                db.ChangeTracker.Clear();
                return new SealReport(total, lastSequence, signed);
            }
        }
    }
}
