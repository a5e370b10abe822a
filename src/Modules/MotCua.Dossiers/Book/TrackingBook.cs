using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Access;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Time;

namespace MotCua.Dossiers.Book;

/// <summary>One line of the tracking book (form 07, Sổ theo dõi hồ sơ); <see cref="Number"/> is the entry number in the book of
/// <see cref="BookYear"/> of the receiving unit (null for a dossier guided or refused, which is not entered).</summary>
internal sealed record BookEntry(
    int? Number,
    string Code,
    string Procedure,
    int Documents,
    string Applicant,
    string AddressAndPhone,
    string Agency,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    string Status,
    string ReceivingUnit,
    int? BookYear = null,
    int Sets = 1);

/// <summary>Which part of the book to read: a local day (everything the unit took in that day), or a whole book year; a unit for
/// those who read every unit's book.</summary>
internal sealed record BookFilter(DateOnly Day, int? Year = null, Guid? UnitId = null);

/// <summary>
/// The tracking book of a receiving unit: for a local day every dossier it took in (received, guided or refused), or for a
/// book year every dossier entered in it, in the order of their entry numbers. Personal data: the read is audited.
/// </summary>
internal sealed class TrackingBook(MotCuaDb db, CurrentActor actor, AuditTrail audit)
{
    /// <summary>At most this many lines of a book year on one page (the PDF extract has them all).</summary>
    public const int YearPageSize = 1000;

    public Task<Result<IReadOnlyList<BookEntry>>> RunAsync(string? reason, DateOnly day, CancellationToken ct)
        => RunAsync(reason, new BookFilter(day), ct);

    public async Task<Result<IReadOnlyList<BookEntry>>> RunAsync(string? reason, BookFilter filter, CancellationToken ct)
    {
        if (Staff.From(actor) is not { } who)
        {
            return new Error("unauthorized", "Vui lòng đăng nhập bằng tài khoản cán bộ.", 401);
        }

        var (scope, refused) = DossierAccess.Book(who, reason);
        if (scope is null)
        {
            return Result.Fail<IReadOnlyList<BookEntry>>(refused);
        }

        if (UnitError(scope, filter.UnitId) is { } notYours)
        {
            return notYours;
        }

        if (filter.Year is < 2000 or > 2100)
        {
            return Error.Invalid("year", "Quyển sổ (năm) không hợp lệ.");
        }

        var unitId = scope.UnitId ?? filter.UnitId;
        IQueryable<Dossier> query = db.Set<Dossier>().AsNoTracking();
        if (filter.Year is { } year)
        {
            query = query.Where(d => d.BookYear == year);
        }
        else
        {
            var from = VietnamTime.StartOf(filter.Day);
            var to = from.AddDays(1);
            query = query.Where(d => d.CreatedAt >= from && d.CreatedAt < to && d.Status != DossierStatus.RegisteredOnline);
        }

        if (unitId is { } unit)
        {
            query = query.Where(d => d.ReceivingUnitId == unit);
        }

        var rows = await query
            .OrderBy(d => d.ReceivingUnitName).ThenBy(d => d.BookYear).ThenBy(d => d.BookNumber).ThenBy(d => d.CreatedAt)
            .Take(YearPageSize)
            .Select(d => new { d.Code, d.ProcedureName, Documents = d.Documents.Count, d.Applicant.Name, d.Applicant.Address, d.Applicant.Phone, d.AgencyName, d.ReceivedAt, d.DueAt, d.Status, d.ReceivingUnitName, d.CreatedAt, d.BookYear, d.BookNumber, d.SetsReceived })
            .ToListAsync(ct);
        var subject = filter.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) : filter.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await audit.RecordReadAsync("dossier.book.read", $"book:{unitId?.ToString() ?? "all"}:{subject}", scope.Reason is null ? null : $"Lý do: {scope.Reason}", ct);
        return rows
            .OrderBy(r => r.ReceivingUnitName, StringComparer.Ordinal).ThenBy(r => r.BookYear).ThenBy(r => r.BookNumber ?? int.MaxValue).ThenBy(r => r.CreatedAt).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => new BookEntry(r.BookNumber, r.Code, r.ProcedureName, r.Documents, r.Name, $"{r.Address} — {r.Phone}", r.AgencyName, r.ReceivedAt, r.DueAt, DossierStatuses.Vietnamese(r.Status), r.ReceivingUnitName, r.BookYear, r.SetsReceived))
            .ToList<BookEntry>();
    }

    /// <summary>An officer reads only their own unit's book; the director and an auditor read any unit's.</summary>
    internal static Error? UnitError(BookScope scope, Guid? unit)
        => unit is { } asked && scope.UnitId is { } own && asked != own
            ? new Error("forbidden", "Chỉ xem được sổ theo dõi hồ sơ của đơn vị mình.", 403)
            : null;

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
}
