using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;
using MotCua.Platform.Time;

namespace MotCua.Platform.Audit;

/// <summary>The first broken link of the trail: where (the sequence number, the time of that line or checkpoint) and what is wrong.</summary>
public sealed record AuditBreak(long Sequence, DateTimeOffset? At, string What)
{
    public override string ToString()
        => $"bản ghi số {Sequence.ToString("#,0", VietnamTime.Culture)}"
           + (At is { } at ? $" ({VietnamTime.ToLocal(at).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)})" : "")
           + $": {What}";
}

/// <summary>What the verifier found: the lines and checkpoints it checked, and the first broken link (null when intact).</summary>
public sealed record AuditVerdict(long Sealed, int Checkpoints, DateOnly? LastCheckpoint, int SealedNow, long Pending, AuditBreak? FirstBreak, DateTimeOffset CheckedAt)
{
    public bool Intact => FirstBreak is null;

    /// <summary>One line for the console and the page.</summary>
    public string Summary => Intact
        ? $"Nhật ký kiểm toán nguyên vẹn: {Count(Sealed)} bản ghi đã niêm phong"
          + (Sealed > 0 ? $" (số 1 đến {Count(Sealed)})" : "")
          + $", {Count(Checkpoints)} điểm kiểm tra đã ký"
          + (LastCheckpoint is { } day ? $" (gần nhất ngày {day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)})" : "")
          + (Pending > 0 ? $"; {Count(Pending)} bản ghi mới chờ niêm phong." : ".")
        : $"Nhật ký kiểm toán bị phá vỡ tại {FirstBreak}";

    private static string Count(long n) => n.ToString("#,0", VietnamTime.Culture);
}

/// <summary>Where the chain stands without walking it: the last sealed number, the lines waiting, the last signed day.</summary>
public sealed record AuditChainStatus(long Sealed, long Pending, DateOnly? LastCheckpoint);

/// <summary>
/// Verifies the audit trail — the one check `motcua audit verify` and the administrators' page /admin/audit both run.
/// It first seals what is pending (<see cref="SealAuditTrail"/>), then walks the whole chain in sequence order, a batch at a
/// time: the sequence numbers run 1, 2, 3 … without a gap (a deleted line leaves one), each line's stored previous hash is
/// the hash of the line before, and each line's hash, recomputed from its fields, is the one it stored (a changed field
/// changes it). Every daily checkpoint must carry this installation's signature and match the chain at its sequence (a
/// chain rewritten with recomputed hashes does not), and none may sign beyond the chain's end (the tail was cut).
/// The answer names the first broken link: the lowest sequence number where something is wrong.
/// </summary>
public sealed class VerifyAuditTrail(MotCuaDb db, SealAuditTrail seal, AuditKey key, TimeProvider time)
{
    private const int PageSize = 2000;

    public async Task<AuditVerdict> RunAsync(CancellationToken ct)
    {
        var sealedNow = (await seal.RunAsync(ct)).Sealed;
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Day).ToListAsync(ct);
        var verdict = await CheckAsync(SealedLinesAsync(ct), checkpoints, key, ct);
        var pending = await db.AuditEntries.LongCountAsync(e => e.Sequence == null, ct);
        return verdict with { SealedNow = sealedNow, Pending = pending, CheckedAt = time.GetUtcNow() };
    }

    /// <summary>Three index look-ups, for a page that shows the state before anyone asks for the full walk.</summary>
    public async Task<AuditChainStatus> StatusAsync(CancellationToken ct)
        => new(await db.AuditEntries.Where(e => e.Sequence != null).MaxAsync(e => e.Sequence, ct) ?? 0,
            await db.AuditEntries.LongCountAsync(e => e.Sequence == null, ct),
            await db.AuditCheckpoints.OrderByDescending(c => c.Day).Select(c => (DateOnly?)c.Day).FirstOrDefaultAsync(ct));

    /// <summary>
    /// The walk itself, over the sealed lines in sequence order and the checkpoints in day order (a pure function: the unit
    /// tests feed it lines they built or broke).
    /// </summary>
    public static async Task<AuditVerdict> CheckAsync(IAsyncEnumerable<AuditEntry> lines, IReadOnlyList<AuditCheckpoint> checkpoints, AuditKey key, CancellationToken ct)
    {
        var breaks = new List<AuditBreak>();

        // The checkpoints on their own: signed with this key, never going back.
        var bySequence = new Dictionary<long, List<AuditCheckpoint>>();
        AuditCheckpoint? before = null;
        foreach (var c in checkpoints)
        {
            if (c.KeyId != key.Id)
            {
                breaks.Add(new AuditBreak(c.LastSequence, c.SignedAt, $"điểm kiểm tra ngày {Day(c)} được ký bằng một khóa khác (mã khóa {c.KeyId}, khóa của hệ thống là {key.Id}); kiểm tra lại {AuditKey.Setting}."));
            }
            else if (!AuditChain.IsSignedBy(key, c))
            {
                breaks.Add(new AuditBreak(c.LastSequence, c.SignedAt, $"chữ ký của điểm kiểm tra ngày {Day(c)} không hợp lệ: điểm kiểm tra đã bị sửa."));
            }
            else if (before is not null && c.LastSequence < before.LastSequence)
            {
                breaks.Add(new AuditBreak(c.LastSequence, c.SignedAt, $"điểm kiểm tra ngày {Day(c)} ký đến số {c.LastSequence}, lùi lại so với điểm kiểm tra ngày {Day(before)} (số {before.LastSequence})."));
            }
            else
            {
                (bySequence.TryGetValue(c.LastSequence, out var list) ? list : bySequence[c.LastSequence] = []).Add(c);
                before = c;
            }
        }

        // Checkpoints of a day that began with an empty chain.
        var lastMatched = 0L;
        foreach (var c in bySequence.GetValueOrDefault(0) ?? [])
        {
            if (c.LastHash != AuditChain.Genesis)
            {
                breaks.Add(new AuditBreak(0, c.SignedAt, $"điểm kiểm tra ngày {Day(c)} ký một chuỗi rỗng với mã băm khác mã khởi đầu."));
            }
        }

        // The chain, line by line.
        var expected = 1L;
        var previousHash = AuditChain.Genesis;
        await foreach (var line in lines.WithCancellation(ct))
        {
            var sequence = line.Sequence!.Value;
            if (sequence != expected)
            {
                breaks.Add(sequence > expected
                    ? new AuditBreak(expected, line.At, expected == sequence - 1
                        ? $"thiếu bản ghi số {expected} (sau số {expected - 1} là số {sequence}): bản ghi đã bị xóa."
                        : $"thiếu các bản ghi số {expected} đến {sequence - 1} (sau số {expected - 1} là số {sequence}): bản ghi đã bị xóa.")
                    : new AuditBreak(sequence, line.At, $"số thứ tự {sequence} lặp lại hoặc sai thứ tự (đang chờ số {expected})."));
                break;
            }

            if (line.PreviousHash != previousHash)
            {
                breaks.Add(new AuditBreak(sequence, line.At, sequence == 1
                    ? "bản ghi đầu tiên không bắt đầu từ mã khởi đầu của chuỗi."
                    : $"bản ghi không nối với bản ghi số {sequence - 1}: mã băm của bản ghi trước đã lưu không khớp."));
                break;
            }

            var hash = AuditChain.HashOf(line, sequence, previousHash);
            if (line.Hash != hash)
            {
                breaks.Add(new AuditBreak(sequence, line.At, "nội dung đã bị sửa sau khi niêm phong: mã băm tính lại không khớp mã băm đã lưu."));
                break;
            }

            foreach (var c in bySequence.GetValueOrDefault(sequence) ?? [])
            {
                if (c.LastHash != hash)
                {
                    breaks.Add(new AuditBreak(sequence, line.At,
                        $"chuỗi không khớp điểm kiểm tra đã ký ngày {Day(c)}: các bản ghi từ số {lastMatched + 1} đến {sequence} đã bị viết lại."));
                }
            }

            if (bySequence.ContainsKey(sequence))
            {
                lastMatched = sequence;
            }

            previousHash = hash;
            expected++;
        }

        var last = expected - 1;
        foreach (var c in checkpoints.Where(c => c.LastSequence > last && bySequence.GetValueOrDefault(c.LastSequence)?.Contains(c) == true))
        {
            breaks.Add(new AuditBreak(last + 1, c.SignedAt,
                $"chuỗi dừng ở số {last} nhưng điểm kiểm tra ngày {Day(c)} đã ký đến số {c.LastSequence}: các bản ghi từ số {last + 1} đến {c.LastSequence} đã bị xóa."));
        }

        var first = breaks.OrderBy(b => b.Sequence).FirstOrDefault();
        var latest = checkpoints.Count > 0 ? checkpoints[^1].Day : (DateOnly?)null;
        return new AuditVerdict(last, checkpoints.Count, latest, 0, 0, first, DateTimeOffset.MinValue);
    }

    /// <summary>The sealed lines in sequence order, read a page at a time (memory stays flat on a long trail).</summary>
    private async IAsyncEnumerable<AuditEntry> SealedLinesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var after = 0L;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null && e.Sequence > after)
                .OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(ct);
            foreach (var line in page)
            {
                yield return line;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Sequence!.Value;
        }
    }

    private static string Day(AuditCheckpoint c) => c.Day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
