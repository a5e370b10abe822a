using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;

namespace MotCua.Dossiers.MyDossiers;

internal sealed record MyDossierItem(string Code, string ProcedureName, string Status, int NationalStatus, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, string? ActionNeeded);

internal sealed record MyTimelineEntry(DateTimeOffset At, string Text, string Unit);

internal sealed record MyResultDocument(string Sha256, string FileName, long Size, string ContentType);

/// <summary>A paper of the citizen's dossier: how it came ("Uploaded", "NotApplicable" …, and in words), and why not, when it does not apply.</summary>
internal sealed record MyPaper(int Number, string Name, string Provision, string ProvisionText, string? NotApplicableReason);

internal sealed record MyDossier(
    string Code, string ProcedureCode, string ProcedureName, string Status, int NationalStatus, string StatusText,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, string Agency, string ReceivingUnit,
    IReadOnlyList<MissingItem> Missing, long? FeeDue, string FeeDescription, string ResultDescription, bool PaperResult,
    IReadOnlyList<MyResultDocument> ResultDocuments, bool CanWithdraw, bool CanRate, bool Rated, IReadOnlyList<MyTimelineEntry> Timeline)
{
    /// <summary>The appointment was computed across a year whose holidays were not announced yet (tạm tính).</summary>
    public bool DueProvisional { get; init; }

    /// <summary>The apology and new date came less than one working day before the due instant (Decree 118/2025).</summary>
    public bool ApologyLate { get; init; }

    /// <summary>The procedure version the dossier was filed under and its e-form's values, for the declaration in words.</summary>
    public int ProcedureVersion { get; init; }

    public string FormDataJson { get; init; } = "{}";

    /// <summary>The dossier's papers by number, as the checklist recorded them.</summary>
    public IReadOnlyList<MyPaper> Papers { get; init; } = [];
}

/// <summary>
/// A signed-in citizen's own dossiers — as applicant or as the person who filed on someone's behalf — and
/// nobody else's: every query is by the citizen's ID number, so a guessed code answers "not found".
/// </summary>
/// <remarks>
/// Who sees a dossier filed for someone else: the citizen who filed it (the submitter: they follow it, supply
/// what is missing, withdraw it) AND, when the applicant is a person, that person — it is their dossier, their
/// data and their result; the authorisation lets the filer act, it does not take the dossier away from its
/// owner. A dossier of an organisation is seen by the representative who filed it: an enterprise code is never
/// a citizen's 12-digit ID number, so nobody else matches it here (an organisation's own account comes later).
/// </remarks>
internal sealed class CitizenDossiers(MotCuaDb db, AuditTrail audit)
{
    public async Task<IReadOnlyList<MyDossierItem>> ListAsync(string idNumber, CancellationToken ct)
    {
        var rows = await Mine(idNumber).AsNoTracking().OrderByDescending(d => d.CreatedAt).Take(200)
            .Select(d => new { d.Code, d.ProcedureName, d.Status, d.CreatedAt, d.DueAt, d.FeeDue })
            .ToListAsync(ct);
        var codes = rows.Select(r => r.Code).ToList();
        var rated = await db.Set<Ratings.DossierRating>().AsNoTracking().Where(r => codes.Contains(r.DossierCode)).Select(r => r.DossierCode).ToListAsync(ct);
        return rows.Select(r => new MyDossierItem(r.Code, r.ProcedureName, DossierStatuses.Vietnamese(r.Status), DossierStatuses.NationalCode(r.Status), r.CreatedAt, r.DueAt, r.Status switch
        {
            DossierStatus.SupplementRequested => "Cần bổ sung hồ sơ",
            DossierStatus.FinancialObligationRequested => $"Cần nộp {r.FeeDue:N0} đồng".Replace(',', '.'),
            DossierStatus.Resolved or DossierStatus.ResultReturned when !rated.Contains(r.Code) => "Đánh giá mức độ hài lòng",
            _ => null,
        })).ToList();
    }

    public async Task<MyDossier?> FindAsync(string idNumber, string code, CancellationToken ct)
    {
        var d = await Mine(idNumber).AsNoTracking().Include(x => x.Events).Include(x => x.Attachments).AsSplitQuery().FirstOrDefaultAsync(x => x.Code == code, ct);
        if (d is null)
        {
            return null;
        }

        await audit.RecordReadAsync("portal.dossier.read", $"dossier:{code}", ct);
        var rated = await db.Set<Ratings.DossierRating>().AnyAsync(r => r.DossierCode == code, ct);
        var result = d.Result;
        var resultReady = d.Status is DossierStatus.Resolved or DossierStatus.ResultReturned && d.Decision != "rejected";
        var documents = resultReady
            ? d.Attachments.Where(a => result.Documents.Contains(a.Sha256)).Select(a => new MyResultDocument(a.Sha256, a.FileName, a.Size, a.ContentType)).ToList()
            : [];
        return new MyDossier(
            d.Code, d.ProcedureCode, d.ProcedureName, DossierStatuses.ApiName(d.Status), DossierStatuses.NationalCode(d.Status), DossierStatuses.Vietnamese(d.Status),
            d.CreatedAt, d.SubmittedAt, d.ReceivedAt, d.DueAt, d.AgencyName, d.ReceivingUnitName,
            d.Status == DossierStatus.SupplementRequested ? d.MissingItems : [], d.Status == DossierStatus.FinancialObligationRequested ? d.FeeDue : null, d.FeeDescription,
            resultReady || d.Decision == "rejected" ? result.Description : "", result.Paper, documents,
            d.IsOpen || d.Status == DossierStatus.RegisteredOnline,
            d.Status is DossierStatus.Resolved or DossierStatus.ResultReturned && !rated, rated,
            d.Events.OrderBy(e => e.At).Select(e => new MyTimelineEntry(e.At, e.Text, e.UnitName)).ToList())
        {
            DueProvisional = d.DueProvisional,
            ApologyLate = d.ApologyLate,
            ProcedureVersion = d.ProcedureVersion,
            FormDataJson = d.FormDataJson,
            Papers = [.. d.Documents.OrderBy(x => x.Number).Select(x => new MyPaper(x.Number, x.Name, x.Provision.ToString(), Reception.Labels.Provision(x.Provision), x.NotApplicableReason))],
        };
    }

    /// <summary>The dossier row for a change by its owner (tracked), or null when it is not theirs.</summary>
    internal Task<Dossier?> OwnedAsync(string idNumber, string code, CancellationToken ct)
        => Mine(idNumber).Include(d => d.Tasks).FirstOrDefaultAsync(d => d.Code == code, ct);

    /// <summary>The citizen's dossiers (see the remarks): the one scope for "my dossiers" and "my documents".</summary>
    internal IQueryable<Dossier> Mine(string idNumber)
        => string.IsNullOrEmpty(idNumber) ? db.Set<Dossier>().Where(d => false) : db.Set<Dossier>().Where(d => d.Applicant.IdNumber == idNumber || (d.Submitter != null && d.Submitter.IdNumber == idNumber));
}
