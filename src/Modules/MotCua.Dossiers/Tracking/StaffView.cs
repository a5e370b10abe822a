using MotCua.Catalog.Contracts;

namespace MotCua.Dossiers.Tracking;

/// <summary>The staff API's shape of a dossier.</summary>
internal sealed record StaffView(
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
    public DateTimeOffset? OriginalDueAt { get; init; }

    /// <summary>The first appointment / the one in force was computed across a year not announced yet (tạm tính).</summary>
    public bool OriginalDueProvisional { get; init; }
    public bool DueProvisional { get; init; }

    /// <summary>The apology and new date (form 04) was recorded less than one working day before the due instant.</summary>
    public bool ApologyLate { get; init; }

    /// <summary>The tracking book entry (form 07): the book year and number in the receiving unit's book, and the sets received.</summary>
    public int? BookYear { get; init; }
    public int? BookNumber { get; init; }
    public int SetsReceived { get; init; } = 1;
    public int SupplementRounds { get; init; }
    public string? Verdict { get; init; }
    public string? Decision { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public DateTimeOffset? ReturnedAt { get; init; }
    public long? FeeDue { get; init; }
    public string IdentityAssurance { get; init; } = "";
    public IReadOnlyList<StaffTask> Tasks { get; init; } = [];
    public IReadOnlyList<StaffEvent> Timeline { get; init; } = [];

    public static StaffView From(Dossier d) => new(
        d.Code, DossierStatuses.ApiName(d.Status), DossierStatuses.NationalCode(d.Status), d.ProcedureCode, d.ProcedureVersion, d.ProcedureName, d.CaseName,
        d.Channel.ToString(), d.AgencyName, d.ReceivingUnitName, d.ReceivedByName, d.Applicant, d.Submitter, d.CreatedAt, d.SubmittedAt, d.ReceivedAt, d.DueAt,
        d.ResultDelivery, d.Reason, d.MissingItems, [.. d.Documents.OrderBy(x => x.Number)],
        d.Attachments.Select(a => (object)new { a.DocumentNumber, a.FileName, a.ContentType, a.Size, a.Sha256, Provision = a.Provision.ToString() }).ToList(),
        d.Version)
    {
        OriginalDueAt = d.OriginalDueAt,
        OriginalDueProvisional = d.OriginalDueProvisional,
        DueProvisional = d.DueProvisional,
        ApologyLate = d.ApologyLate,
        BookYear = d.BookYear,
        BookNumber = d.BookNumber,
        SetsReceived = d.SetsReceived,
        SupplementRounds = d.SupplementRounds,
        Verdict = d.Verdict?.ToString(),
        Decision = d.Decision,
        FinishedAt = d.FinishedAt,
        ReturnedAt = d.ReturnedAt,
        FeeDue = d.FeeDue,
        IdentityAssurance = d.IdentityAssurance,
        Tasks = d.Tasks.OrderBy(t => t.OpenedAt).ThenBy(t => t.CompletedAt ?? DateTimeOffset.MaxValue).ThenBy(t => t.Id).Select(t => new StaffTask(
            t.Id, t.StepId, t.StepName, t.Kind.ToString(), t.ConsultationOf is not null, t.UnitId, t.UnitName, t.Role, t.AssigneeName, t.State.ToString(), t.OpenedAt, t.DueAt, t.CompletedAt, t.Comment)).ToList(),
        Timeline = d.Events.OrderBy(e => e.At).Select(e => new StaffEvent(e.At, e.Kind, e.Text, e.UnitName, e.ActorName, e.Note)).ToList(),
    };
}

internal sealed record StaffTask(Guid Id, string StepId, string StepName, string Kind, bool Consultation, Guid UnitId, string Unit, string Role, string Assignee, string State, DateTimeOffset OpenedAt, DateTimeOffset? DueAt, DateTimeOffset? CompletedAt, string Comment);

internal sealed record StaffEvent(DateTimeOffset At, string Kind, string Text, string Unit, string Actor, string Note);
