namespace MotCua.Dossiers.Tracking;

/// <summary>The staff API's shape of a dossier.</summary>
public sealed record StaffView(
    string Code,
    string Status,
    int NationalStatus,
    string ProcedureCode,
    int ProcedureVersion,
    string ProcedureName,
    string CaseName,
    string Channel,
    string Agency,
    string ReceivingUnit,
    string ReceivedBy,
    Applicant Applicant,
    Submitter? Submitter,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    string ResultDelivery,
    string? Reason,
    IReadOnlyList<MissingItem> Missing,
    IReadOnlyList<DossierDocument> Documents,
    IReadOnlyList<object> Attachments,
    int Version)
{
    public static StaffView From(Dossier d) => new(
        d.Code, DossierStatuses.ApiName(d.Status), DossierStatuses.NationalCode(d.Status), d.ProcedureCode, d.ProcedureVersion, d.ProcedureName, d.CaseName,
        d.Channel.ToString(), d.AgencyName, d.ReceivingUnitName, d.ReceivedByName, d.Applicant, d.Submitter, d.CreatedAt, d.SubmittedAt, d.ReceivedAt, d.DueAt,
        d.ResultDelivery, d.Reason, d.MissingItems, d.Documents,
        d.Attachments.Select(a => (object)new { a.DocumentNumber, a.FileName, a.ContentType, a.Size, a.Sha256, Provision = a.Provision.ToString() }).ToList(),
        d.Version);
}
