using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
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
internal sealed class TrackingBook(MotCuaDb db, AuditTrail audit)
{
    public async Task<IReadOnlyList<BookEntry>> RunAsync(Guid? unitId, DateOnly day, CancellationToken ct)
    {
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
        await audit.RecordReadAsync("dossier.book.read", $"book:{unitId?.ToString() ?? "all"}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", ct);
        return rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select((r, i) => new BookEntry(i + 1, r.Code, r.ProcedureName, r.Documents, r.Name, $"{r.Address} — {r.Phone}", r.AgencyName, r.ReceivedAt, r.DueAt, DossierStatuses.Vietnamese(r.Status), r.ReceivingUnitName))
            .ToList();
    }

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
}
