
namespace MotCua.Dossiers.Reception;

/// <summary>What the officer decides at the counter (or on an online dossier).</summary>
internal enum ReceptionAction
{
    /// <summary>Complete: receive, start the clock, print the receipt and appointment slip (form 01).</summary>
    Receive = 1,

    /// <summary>Incomplete: the supplement guidance slip (form 02).</summary>
    RequestSupplement = 2,

    /// <summary>Not receivable: the refusal slip (form 03).</summary>
    Refuse = 3,
}

/// <summary>How the result goes back.</summary>
internal enum ResultDelivery
{
    /// <summary>At the receiving branch or point.</summary>
    AtCounter = 1,

    /// <summary>By public postal service, to the address given.</summary>
    Post = 2,

    /// <summary>Electronic result (kho dữ liệu điện tử của công dân).</summary>
    Online = 3,
}

internal sealed record ApplicantInput(
    ApplicantKind Kind,
    string? Name,
    string? IdNumber,
    DateOnly? DateOfBirth,
    string? Phone,
    string? Email,
    string? Address,
    string? WardCode);

/// <summary>Who files for the applicant; <paramref name="Document"/> is the stored authorisation, <paramref name="Position"/> a representative's position.</summary>
internal sealed record SubmitterInput(string? Name, string? IdNumber, string? Phone, string? Authorisation, string? Position = null, AttachmentRef? Document = null);

/// <summary>
/// An attachment already stored (POST /api/v1/attachments) for a document of the checklist;
/// <paramref name="ReusedFrom"/> is the citizen's earlier dossier it was taken from (for <see cref="Provision.Reused"/>).
/// </summary>
internal sealed record AttachmentRef(string Sha256, string FileName, string? ReusedFrom = null);

/// <summary>
/// One checklist line: the document's number in the chosen case (1, 2 …), how it was provided, for a paper-only
/// line the officer's reason for not scanning it (<see cref="Reception.PaperOnlyReason"/>; required then), and for a
/// conditional paper that does not apply why not (<paramref name="NotApplicableReason"/>, at most
/// <see cref="DossierDocument.ReasonLength"/> characters; the condition's own words when left out).
/// </summary>
internal sealed record ChecklistInput(
    int Number, Provision Provision, int? Originals, int? Copies, IReadOnlyList<AttachmentRef>? Attachments, PaperOnlyReason? PaperOnlyReason = null, string? NotApplicableReason = null);

internal sealed record ReceptionRequest(
    string? ProcedureCode,
    int CaseIndex,
    ApplicantInput? Applicant,
    SubmitterInput? Submitter,
    IReadOnlyList<ChecklistInput>? Documents,
    ReceptionAction Action,
    IReadOnlyList<MissingItem>? Missing = null,
    string? Reason = null,
    string? LegalBasis = null,
    ResultDelivery Delivery = ResultDelivery.AtCounter,
    string? PostAddress = null,
    IReadOnlyDictionary<string, string>? FormData = null,
    int? Sets = null);

/// <summary>The answer: the code to print and follow, and the status it is in.</summary>
internal sealed record ReceptionResult(string Code, DossierStatus Status, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt);
