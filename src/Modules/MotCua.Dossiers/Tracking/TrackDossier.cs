using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Contracts;
using MotCua.Platform.Data;

namespace MotCua.Dossiers.Tracking;

internal sealed record TimelineEntry(DateTimeOffset At, string Text, string Unit, string Status);

/// <summary>What anyone holding the code may see: no name, no ID number, no address, no officer.</summary>
internal sealed record PublicDossier(
    string Code,
    string ProcedureCode,
    string ProcedureName,
    string Status,
    int NationalStatus,
    string StatusText,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    string Agency,
    string ReceivingUnit,
    IReadOnlyList<TimelineEntry> Timeline);

/// <summary>Public tracking by dossier code (the QR on the receipt slip points here).</summary>
internal sealed class TrackDossier(MotCuaDb db) : IDossierLookup
{
    async Task<DossierFound?> IDossierLookup.FindAsync(string code, CancellationToken ct)
        => await RunAsync(code, ct) is { } d ? new DossierFound(d.Code, d.ProcedureCode, d.ProcedureName, d.Status) : null;

    public static bool LooksLikeCode(string? code) => !string.IsNullOrWhiteSpace(code) && code.Trim().Length is >= 10 and <= 60;

    public async Task<PublicDossier?> RunAsync(string? code, CancellationToken ct)
    {
        if (!LooksLikeCode(code))
        {
            return null;
        }

        var d = await db.Set<Dossier>().AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.Code == code!.Trim(), ct);
        if (d is null)
        {
            return null;
        }

        return new PublicDossier(
            d.Code,
            d.ProcedureCode,
            d.ProcedureName,
            DossierStatuses.ApiName(d.Status),
            DossierStatuses.NationalCode(d.Status),
            DossierStatuses.Vietnamese(d.Status),
            d.SubmittedAt,
            d.ReceivedAt,
            d.DueAt,
            d.AgencyName,
            d.ReceivingUnitName,
            d.Events.OrderBy(e => e.At).Select(e => new TimelineEntry(e.At, e.Text, e.UnitName, DossierStatuses.Vietnamese(e.Status))).ToList());
    }
}
