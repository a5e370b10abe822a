using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Time;

namespace MotCua.Platform.Audit;

/// <summary>
/// What an auditor looks for: part of the subject (a dossier code, an ID number, "ticket:CN01"), part of the actor's user
/// name, the start of the action ("queue.", "dossier.read"), the kind, and local days from/to (inclusive).
/// </summary>
public sealed record AuditQuery(string? Subject = null, string? Actor = null, string? Action = null, AuditKind? Kind = null, DateOnly? From = null, DateOnly? To = null, int Page = 1);

/// <summary>One page of lines, newest first; <see cref="HasNext"/> when there are older ones.</summary>
public sealed record AuditLines(IReadOnlyList<AuditEntry> Entries, int Page, bool HasNext);

/// <summary>Searches the audit trail for auditors and administrators (/admin/audit), newest first, a page at a time.</summary>
public sealed class AuditSearch(MotCuaDb db)
{
    public const int PageSize = 50;

    private const int MaxText = 200;

    public async Task<Result<AuditLines>> RunAsync(AuditQuery q, CancellationToken ct)
    {
        var errors = new List<Error>();
        foreach (var (field, value) in new[] { ("subject", q.Subject), ("actor", q.Actor), ("action", q.Action) })
        {
            if (value?.Length > MaxText)
            {
                errors.Add(Error.Invalid(field, $"Tối đa {MaxText} ký tự."));
            }
        }

        if (q.From is { } from && q.To is { } to && from > to)
        {
            errors.Add(Error.Invalid("to", "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu."));
        }

        if (q.Page is < 1 or > 100_000)
        {
            errors.Add(Error.Invalid("page", "Số trang không hợp lệ."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var lines = db.AuditEntries.AsNoTracking();
        if (Pattern(q.Subject) is { } subject)
        {
            lines = db.IsSqlite ? lines.Where(e => EF.Functions.Like(e.Subject, subject, "\\")) : lines.Where(e => EF.Functions.ILike(e.Subject, subject, "\\"));
        }

        if (Pattern(q.Actor) is { } actor)
        {
            lines = db.IsSqlite ? lines.Where(e => EF.Functions.Like(e.ActorName, actor, "\\")) : lines.Where(e => EF.Functions.ILike(e.ActorName, actor, "\\"));
        }

        if (!string.IsNullOrWhiteSpace(q.Action))
        {
            var action = q.Action.Trim().ToLowerInvariant();
            lines = lines.Where(e => e.Action.StartsWith(action));
        }

        if (q.Kind is { } kind)
        {
            lines = lines.Where(e => e.Kind == kind);
        }

        if (q.From is { } start)
        {
            var since = VietnamTime.StartOf(start);
            lines = lines.Where(e => e.At >= since);
        }

        if (q.To is { } end)
        {
            var until = VietnamTime.StartOf(end.AddDays(1));
            lines = lines.Where(e => e.At < until);
        }

        var page = await lines.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((q.Page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        return new AuditLines(page.Take(PageSize).ToList(), q.Page, page.Count > PageSize);
    }

    /// <summary>"%text%" with LIKE's own characters escaped; null when there is nothing to look for.</summary>
    private static string? Pattern(string? text)
        => string.IsNullOrWhiteSpace(text) ? null
            : "%" + text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
