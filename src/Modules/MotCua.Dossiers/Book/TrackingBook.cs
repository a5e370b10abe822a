using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Access;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Time;

namespace MotCua.Dossiers.Book;

/// <summary>One line of the tracking book (form 07, Sổ theo dõi hồ sơ).</summary>
internal sealed record BookEntry(
    int Number,
    string Code,
    string Procedure,
    int Documents,
    string Applicant,
    string AddressAndPhone,
    string Agency,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    string Status,
    string ReceivingUnit);

/// <summary>
/// The tracking book of a receiving unit for a local day: every dossier it took in (received, guided or
/// refused), in the order of their codes. Personal data: the read is audited.
/// </summary>
internal sealed class TrackingBook(MotCuaDb db, CurrentActor actor, AuditTrail audit)
{
    public async Task<Result<IReadOnlyList<BookEntry>>> RunAsync(string? reason, DateOnly day, CancellationToken ct)
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

        var unitId = scope.UnitId;
        var from = VietnamTime.StartOf(day);
        var to = from.AddDays(1);
        var query = db.Set<Dossier>().AsNoTracking().Where(d => d.CreatedAt >= from && d.CreatedAt < to && d.Status != DossierStatus.RegisteredOnline);
        if (unitId is { } unit)
        {
            query = query.Where(d => d.ReceivingUnitId == unit);
        }

        var rows = await query
            .Select(d => new { d.Code, d.ProcedureName, Documents = d.Documents.Count, d.Applicant.Name, d.Applicant.Address, d.Applicant.Phone, d.AgencyName, d.ReceivedAt, d.DueAt, d.Status, d.ReceivingUnitName, d.CreatedAt })
            .ToListAsync(ct);
        await audit.RecordReadAsync("dossier.book.read", $"book:{unitId?.ToString() ?? "all"}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", scope.Reason is null ? null : $"Lý do: {scope.Reason}", ct);
        return rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select((r, i) => new BookEntry(i + 1, r.Code, r.ProcedureName, r.Documents, r.Name, $"{r.Address} — {r.Phone}", r.AgencyName, r.ReceivedAt, r.DueAt, DossierStatuses.Vietnamese(r.Status), r.ReceivingUnitName))
            .ToList<BookEntry>();
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
}
