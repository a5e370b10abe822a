using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers;
using MotCua.Dossiers.Processing;
using MotCua.Dossiers.Ratings;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Outbox;
using MotCua.Platform.Storage;
using MotCua.Platform.Text;

namespace MotCua.Dossiers.MyDossiers;

/// <summary>A file the citizen uploaded for one listed missing item (its index in the request's list).</summary>
internal sealed record SuppliedItem(int Item, string Sha256, string FileName);

internal sealed record RatingRequest(IReadOnlyDictionary<string, int>? Scores, string? Satisfaction, bool? Like, string? Comment);

/// <summary>
/// What a citizen does to their own dossier online: supply what a supplement request listed (item by item,
/// into the same dossier; the clock resumes), withdraw it, rate it once finished. Another citizen's code
/// answers "not found", never "forbidden", so codes cannot be probed.
/// </summary>
internal sealed class CitizenActions(
    MotCuaDb db, CitizenDossiers mine, ProcessContexts contexts, IFileStore files, AuditTrail audit, TimeProvider time,
    Attachments.FileOwnership ownership, MotCua.Platform.Identity.CurrentCitizen citizen)
{
    public async Task<Result<Done>> SupplyAsync(string idNumber, string code, IReadOnlyList<SuppliedItem> items, string? note, CancellationToken ct)
    {
        var d = await mine.OwnedAsync(idNumber, code, ct);
        if (d is null)
        {
            return NotFound();
        }

        var missing = d.MissingItems;
        var errors = new List<Error>();
        TextLimits.Check(note, TextLimits.Reason, "note", "ghi chú", errors);
        for (var i = 0; i < missing.Count; i++)
        {
            if (!items.Any(x => x.Item == i))
            {
                errors.Add(Error.Invalid($"items[{i}]", $"Tải lên giấy tờ bổ sung: {missing[i].Document}."));
            }
        }

        var attachments = new List<DossierAttachment>();
        foreach (var item in items)
        {
            if (item.FileName is { Length: > TextLimits.FileName })
            {
                errors.Add(TextLimits.TooLong($"items[{item.Item}].fileName", "tên tệp", TextLimits.FileName));
                continue;
            }

            if (item.Item < 0 || item.Item >= missing.Count)
            {
                errors.Add(Error.Invalid("items", "Giấy tờ không có trong yêu cầu bổ sung."));
                continue;
            }

            // Only the citizen's own file: one they uploaded themself or one of their store (never another citizen's upload).
            var theirs = item.Sha256 is { Length: 64 } sha && sha.All(char.IsAsciiHexDigitLower)
                && await citizen.LoadAsync() && await ownership.IsCitizensAsync(citizen.Subject, idNumber, sha, ct);
            await using var stream = theirs ? await files.OpenAsync(item.Sha256, ct) : null;
            if (stream is null)
            {
                errors.Add(Error.Invalid($"items[{item.Item}]", $"Tệp cho \"{missing[item.Item].Document}\" chưa được tải lên hoặc không tồn tại."));
                continue;
            }

            var head = new byte[8];
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            var type = FileKinds.Sniff(head.AsSpan(0, read)) ?? "application/octet-stream";
            attachments.Add(new DossierAttachment
            {
                DocumentNumber = DocumentNumber(d, missing[item.Item].Document),
                Sha256 = item.Sha256,
                FileName = FileKinds.SafeName(item.FileName, type),
                ContentType = type,
                Size = stream.Length,
                Provision = Provision.Uploaded,
            });
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow();
        var documents = string.Join("; ", missing.Select(m => m.Document));
        var listed = Shorten(string.IsNullOrWhiteSpace(note) ? documents : $"{documents}. {note.Trim()}", EventNoteLength);
        if (d.AwaitsSupplementBeforeReception)
        {
            // Asked before reception: the completed dossier waits for an officer's reception again (same code).
            return d.SupplyBeforeReception(null, "trực tuyến", attachments, listed, Provision.Uploaded, now) is { } notSupplied
                ? notSupplied
                : await SaveAsync(d, "dossier.supplemented-before-reception", now, ct);
        }

        var ctx = await contexts.ForAsync(d, ct);
        if (d.SupplySupplement(null, "trực tuyến", attachments, listed, ctx, now) is { } error)
        {
            return error;
        }

        return await SaveAsync(d, "dossier.supplemented", now, ct);
    }

    /// <summary>The timeline note's column.</summary>
    private const int EventNoteLength = 4000;

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public async Task<Result<Done>> WithdrawAsync(string idNumber, string code, string? reason, CancellationToken ct)
    {
        var d = await mine.OwnedAsync(idNumber, code, ct);
        if (d is null)
        {
            return NotFound();
        }

        if (TextLimits.Check(reason, TextLimits.Reason, "reason", "lý do rút hồ sơ") is { } tooLong)
        {
            return tooLong;
        }

        var now = time.GetUtcNow();
        return d.WithdrawByApplicant(reason, now) is { } error ? error : await SaveAsync(d, "dossier.withdrawn", now, ct);
    }

    public async Task<Result<Done>> RateAsync(string idNumber, string code, RatingRequest r, CancellationToken ct)
    {
        var d = await mine.OwnedAsync(idNumber, code, ct);
        if (d is null)
        {
            return NotFound();
        }

        if (d.Status is not (DossierStatus.Resolved or DossierStatus.ResultReturned))
        {
            return new Error("wrong-status", "Chỉ đánh giá được khi hồ sơ đã có kết quả.", 409);
        }

        var errors = new List<Error>();
        var scores = r.Scores ?? new Dictionary<string, int>();
        foreach (var c in RatingCriteria.Indices.Concat(RatingCriteria.Questions))
        {
            if (!scores.TryGetValue(c.Key, out var score))
            {
                errors.Add(Error.Invalid($"scores.{c.Key}", $"Vui lòng chọn một mức cho \"{c.Question}\"."));
            }
            else if (c.Options.All(o => o.Score != score))
            {
                errors.Add(Error.Invalid($"scores.{c.Key}", $"Mức đánh giá không hợp lệ cho \"{c.Question}\"."));
            }
        }

        if (scores.Keys.Any(k => RatingCriteria.Indices.Concat(RatingCriteria.Questions).All(c => c.Key != k)))
        {
            errors.Add(Error.Invalid("scores", "Có tiêu chí đánh giá không tồn tại."));
        }

        TextLimits.Check(r.Comment, TextLimits.Reason, "comment", "ý kiến", errors);

        if (errors.Count > 0)
        {
            return errors;
        }

        if (await db.Set<DossierRating>().AnyAsync(x => x.DossierCode == code, ct))
        {
            return Error.Conflict("Hồ sơ này đã được đánh giá.");
        }

        var overall = scores["overall"];
        db.Add(new DossierRating
        {
            DossierCode = code,
            AgencyId = d.AgencyId,
            ProcedureCode = d.ProcedureCode,
            ScoresJson = JsonSerializer.Serialize(scores),
            Total = RatingCriteria.Indices.Sum(c => scores[c.Key]),
            Satisfaction = overall switch { 2 => "very-satisfied", 1 => "satisfied", _ => "not-satisfied" },
            Like = r.Like,
            Comment = r.Comment?.Trim() ?? "",
            CreatedAt = time.GetUtcNow(),
        });
        db.Outbox.Add(OutboxMessage.Create("dossier.rated", code, new { code, overall, like = r.Like }, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict("Hồ sơ này đã được đánh giá.");
        }

        return Done.Value;
    }

    private async Task<Result<Done>> SaveAsync(Dossier d, string action, DateTimeOffset now, CancellationToken ct)
    {
        audit.Record(action, $"dossier:{d.Code}", "trực tuyến");
        db.Outbox.Add(OutboxMessage.Create(action, d.Code, new { code = d.Code, status = DossierStatuses.NationalCode(d.Status), d.DueAt, at = now }, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return Done.Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Hồ sơ vừa được cập nhật. Vui lòng tải lại trang.");
        }
    }

    private static int DocumentNumber(Dossier d, string document)
        => d.Documents.FirstOrDefault(x => string.Equals(x.Name, document, StringComparison.OrdinalIgnoreCase))?.Number ?? 0;

    private static Error NotFound() => new("not-found", "Không tìm thấy hồ sơ của bạn với mã này.", 404);
}
