using MotCua.Catalog.Contracts;
using MotCua.Integrations.Contracts;
using MotCua.Platform.Errors;

namespace MotCua.Dossiers;

internal enum ApplicantKind
{
    Citizen = 1,
    Organisation = 2,
}

/// <summary>The person or organisation the dossier is for (chủ hồ sơ).</summary>
internal sealed class Applicant
{
    public ApplicantKind Kind { get; set; } = ApplicantKind.Citizen;
    public string Name { get; set; } = "";

    /// <summary>Citizen ID number (12 digits) or an organisation's tax code.</summary>
    public string IdNumber { get; set; } = "";
    public DateOnly? DateOfBirth { get; set; }
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string Address { get; set; } = "";
    public string? WardCode { get; set; }
}

/// <summary>
/// Someone filing on the applicant's behalf (người nộp thay), with the authorisation; for an organisation, the
/// person acting for it (người đại diện theo pháp luật or người được ủy quyền) and their position in it.
/// </summary>
internal sealed class Submitter
{
    public string Name { get; set; } = "";
    public string IdNumber { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Authorisation { get; set; } = "";

    /// <summary>The representative's position in the organisation (chức vụ: "Giám đốc"); "" for a person filing for a person.</summary>
    public string Position { get; set; } = "";
}

/// <summary>How a required document was provided.</summary>
internal enum Provision
{
    /// <summary>Not provided.</summary>
    Missing = 0,

    /// <summary>Paper handed in at the counter and scanned there (số hóa).</summary>
    DigitizedAtCounter = 1,

    /// <summary>Uploaded by the applicant online.</summary>
    Uploaded = 2,

    /// <summary>Reused from an earlier dossier or result (kho dữ liệu của công dân).</summary>
    Reused = 3,

    /// <summary>Not asked for: the population registry holds the data (cắt giảm thành phần hồ sơ).</summary>
    WaivedRegistry = 4,

    /// <summary>Paper only, kept with the dossier.</summary>
    PaperOnly = 5,

    /// <summary>
    /// A conditional paper whose condition does not hold for this dossier (not filed by someone else, no abandoned
    /// child, filed online so no paper declaration …): nothing to hand in, and the slip does not list it. Why is the
    /// catalog's condition on the dossier's procedure version.
    /// </summary>
    NotApplicable = 6,
}

/// <summary>One line of the required-documents checklist.</summary>
internal sealed class DossierDocument
{
    public int Number { get; set; }
    public string Name { get; set; } = "";
    public int Originals { get; set; }
    public int Copies { get; set; }
    public Provision Provision { get; set; }

    /// <summary>Why a paper-only line was not scanned (TT 01/2023): required for <see cref="Provision.PaperOnly"/>, else null.</summary>
    public Reception.PaperOnlyReason? PaperOnlyReason { get; set; }

    /// <summary>
    /// Why a conditional paper does not apply ("Tôi tự nộp, không ủy quyền"): the officer's or the citizen's words, or the
    /// condition's own when none were given. Set for <see cref="Provision.NotApplicable"/> only; at most <see cref="ReasonLength"/> characters.
    /// </summary>
    public string? NotApplicableReason { get; set; }

    /// <summary>The longest not-applicable reason kept (the column's length): a short reason, not a letter.</summary>
    public const int ReasonLength = 200;
}

/// <summary>A timeline entry. Public entries are shown to anyone holding the code, without personal data.</summary>
internal sealed class DossierEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DossierId { get; init; }
    public DateTimeOffset At { get; init; }
    public string Kind { get; init; } = "";
    public DossierStatus Status { get; init; }
    public string Text { get; init; } = "";
    public string UnitName { get; init; } = "";
    public string ActorName { get; init; } = "";

    /// <summary>A comment for staff only (reasons, hand-over notes); never shown on public tracking.</summary>
    public string Note { get; init; } = "";
}

/// <summary>
/// A dossier (hồ sơ): one procedure version and one case of it, an applicant, a checklist, attachments and a
/// timeline. Rules about what may happen in which status live here.
/// </summary>
internal sealed partial class Dossier
{
    private readonly List<DossierDocument> documents = [];
    private readonly List<DossierEvent> events = [];
    private readonly List<DossierAttachment> attachments = [];

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    /// <summary>"&lt;agency electronic ID&gt;-yyMMdd-NNNN", unique and gapless per agency and local day.</summary>
    public string Code { get; private init; } = "";
    public int Sequence { get; private init; }

    public Guid ProcedureId { get; private init; }
    public string ProcedureCode { get; private init; } = "";
    public int ProcedureVersion { get; private init; }
    public string ProcedureName { get; private init; } = "";
    public string CaseName { get; private init; } = "";
    public Channel Channel { get; private init; }

    public Guid AgencyId { get; private init; }
    public string AgencyName { get; private init; } = "";
    public Guid? ReceivingUnitId { get; private set; }
    public string ReceivingUnitName { get; private set; } = "";
    public Guid? ReceivedById { get; private set; }
    public string ReceivedByName { get; private set; } = "";

    public Applicant Applicant { get; private init; } = new();
    public Submitter? Submitter { get; private init; }
    public string FormDataJson { get; private init; } = "{}";

    public DossierStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset? SubmittedAt { get; private init; }

    /// <summary>The assurance level of the e-ID sign-in an online submission was made with ("" at a counter).</summary>
    public string IdentityAssurance { get; private init; } = "";
    public DateTimeOffset? ReceivedAt { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>The legal processing time the clock started with (value + unit).</summary>
    public decimal? ProcessingTimeValue { get; private init; }
    public TimeUnit ProcessingTimeUnit { get; private init; }

    /// <summary>The reception cut-off the clock counts with (giờ chốt tiếp nhận; null = none): the one in force at reception.</summary>
    public TimeOnly? ProcessingCutOff { get; private set; }

    /// <summary>Where and how the result goes back: "Tại Chi nhánh số 1", "Qua bưu chính: …", "Trực tuyến".</summary>
    public string ResultDelivery { get; private set; } = "";

    /// <summary>For a refusal or a supplement request: what the applicant reads on the slip.</summary>
    public string? Reason { get; private set; }
    public string? LegalBasis { get; private set; }
    public string? MissingItemsJson { get; private set; }

    public int Version { get; private set; }

    /// <summary>Code, applicant name and ID number folded (no accents, lower case) for the work lists' search.</summary>
    public string SearchText { get; private init; } = "";

    public IReadOnlyList<DossierDocument> Documents => documents;

    public IReadOnlyList<DossierEvent> Events => events;

    public IReadOnlyList<DossierAttachment> Attachments => attachments;

    private Dossier()
    {
    }

    public sealed record NewDossier(
        string Code,
        int Sequence,
        ProcedureSnapshot Procedure,
        string CaseName,
        Channel Channel,
        Applicant Applicant,
        Submitter? Submitter,
        IReadOnlyList<DossierDocument> Documents,
        IReadOnlyList<DossierAttachment> Attachments,
        string FormDataJson,
        string ResultDelivery,
        int Sets = 1);

    public sealed record ProcedureSnapshot(Guid Id, string Code, int Version, string Name, Guid AgencyId, string AgencyName, decimal? TimeValue, TimeUnit TimeUnit)
    {
        /// <summary>The procedure version's reception cut-off (at a counter: the one in force).</summary>
        public TimeOnly? CutOff { get; init; }
    }

    public sealed record Actor(Guid? Id, string Name, Guid? UnitId, string UnitName);

    /// <summary>An online submission: it waits for reception with its code already issued.</summary>
    public static Dossier SubmitOnline(NewDossier d, DateTimeOffset now, string identityAssurance = "")
    {
        var dossier = Create(d, now, DossierStatus.RegisteredOnline, submittedAt: now, identityAssurance);
        dossier.AddEvent(now, "submitted", "Nộp hồ sơ trực tuyến, chờ tiếp nhận", "Cổng dịch vụ công", d.Applicant.Name);
        return dossier;
    }

    /// <summary>Received at a counter: the clock starts now; <paramref name="dueAt"/> is the appointment.</summary>
    public static Dossier ReceiveAtCounter(NewDossier d, Actor officer, DateTimeOffset now, DateTimeOffset? dueAt)
    {
        var dossier = Create(d, now, DossierStatus.RegisteredOnline, submittedAt: null);
        dossier.MarkReceived(officer, now, dueAt);
        return dossier;
    }

    /// <summary>Not complete: the applicant leaves with the supplement guidance slip (form 02). No clock.</summary>
    public static Dossier GuideAtCounter(NewDossier d, Actor officer, IReadOnlyList<MissingItem> missing, DateTimeOffset now)
    {
        var dossier = Create(d, now, DossierStatus.RegisteredOnline, submittedAt: null);
        dossier.MarkSupplementRequested(officer, missing, now);
        return dossier;
    }

    /// <summary>Not receivable: the refusal slip (form 03) with the reason.</summary>
    public static Dossier RefuseAtCounter(NewDossier d, Actor officer, string reason, string? legalBasis, DateTimeOffset now)
    {
        var dossier = Create(d, now, DossierStatus.RegisteredOnline, submittedAt: null);
        dossier.MarkRefused(officer, reason, legalBasis, now);
        return dossier;
    }

    /// <summary>An officer receives an online dossier that was waiting.</summary>
    public Error? Receive(Actor officer, DateTimeOffset now, DateTimeOffset? dueAt)
        => NotWaiting() ?? MarkReceived(officer, now, dueAt);

    /// <summary>An officer asks for a supplement before receiving an online dossier.</summary>
    public Error? RequestSupplementBeforeReception(Actor officer, IReadOnlyList<MissingItem> missing, DateTimeOffset now)
        => NotWaiting() ?? (missing.Count == 0 ? Error.Invalid("missing", "Liệt kê ít nhất một giấy tờ cần bổ sung và lý do.") : MarkSupplementRequested(officer, missing, now));

    /// <summary>An officer refuses an online dossier that was waiting.</summary>
    public Error? Refuse(Actor officer, string reason, string? legalBasis, DateTimeOffset now)
        => NotWaiting() ?? (string.IsNullOrWhiteSpace(reason) ? Error.Required("reason", "lý do từ chối") : MarkRefused(officer, reason, legalBasis, now));

    /// <summary>True while a supplement asked for BEFORE reception (form 02 at a counter, or online) is outstanding: no clock runs.</summary>
    public bool AwaitsSupplementBeforeReception => Status == DossierStatus.SupplementRequested && ReceivedAt is null;

    /// <summary>
    /// The applicant completes a dossier that was asked to be supplemented before reception — online item by item
    /// or at any counter. The SAME dossier (code, history, documents) waits for reception again; the clock starts
    /// only when an officer receives it. A checklist line that was missing is marked as provided by what came.
    /// </summary>
    public Error? SupplyBeforeReception(Actor? by, string channelText, IReadOnlyList<DossierAttachment> added, string? note, Provision provision, DateTimeOffset now)
    {
        if (!AwaitsSupplementBeforeReception)
        {
            return new Error("wrong-status", $"Hồ sơ đang ở trạng thái \"{DossierStatuses.Vietnamese(Status)}\", không có yêu cầu bổ sung trước khi tiếp nhận.", 409);
        }

        if (NothingSupplied(added, note) is { } nothing)
        {
            return nothing;
        }

        foreach (var a in added)
        {
            Attach(a, now);
            if (documents.FirstOrDefault(doc => doc.Number == a.DocumentNumber) is { Provision: Provision.Missing } line)
            {
                line.Provision = provision;
            }
        }

        var asked = MissingItems.Count;
        Status = DossierStatus.RegisteredOnline;
        MissingItemsJson = null;
        AddEvent(now, "supplemented-before-reception", $"Đã bổ sung, hoàn thiện hồ sơ ({channelText}; {asked} nội dung đã yêu cầu); chờ tiếp nhận",
            by?.UnitName ?? "Cổng dịch vụ công", by?.Name ?? Applicant.Name, Cut(note?.Trim() ?? "", 4000));
        Version++;
        return null;
    }

    /// <summary>A supplement must bring a file or say which paper was received.</summary>
    private static Error? NothingSupplied(IReadOnlyList<DossierAttachment> added, string? note)
        => added.Count == 0 && string.IsNullOrWhiteSpace(note) ? Error.Invalid("attachments", "Đính kèm giấy tờ bổ sung hoặc ghi rõ giấy tờ bản giấy đã nhận.") : null;

    private void Attach(DossierAttachment a, DateTimeOffset now)
    {
        a.DossierId = Id;
        a.AddedAt = now;
        attachments.Add(a);
    }

    private Error? NotWaiting() => Status == DossierStatus.RegisteredOnline
        ? null
        : new Error("wrong-status", $"Hồ sơ đang ở trạng thái \"{DossierStatuses.Vietnamese(Status)}\", không thể thực hiện thao tác tiếp nhận.", 409);

    private Error? MarkReceived(Actor officer, DateTimeOffset now, DateTimeOffset? dueAt)
    {
        Status = DossierStatus.Received;
        ReceivedAt = now;
        DueAt = dueAt;
        OriginalDueAt = dueAt; // the appointment on the receipt (form 01), kept when DueAt moves
        SetReceiver(officer);
        AddEvent(now, "received", "Tiếp nhận hồ sơ", officer.UnitName, officer.Name);
        Version++;
        return null;
    }

    private Error? MarkSupplementRequested(Actor officer, IReadOnlyList<MissingItem> missing, DateTimeOffset now)
    {
        Status = DossierStatus.SupplementRequested;
        MissingItemsJson = System.Text.Json.JsonSerializer.Serialize(missing);
        SetReceiver(officer);
        AddEvent(now, "supplement-requested", $"Yêu cầu bổ sung, hoàn thiện hồ sơ ({missing.Count} nội dung)", officer.UnitName, officer.Name);
        Version++;
        return null;
    }

    private Error? MarkRefused(Actor officer, string reason, string? legalBasis, DateTimeOffset now)
    {
        Status = DossierStatus.Refused;
        Reason = reason.Trim();
        LegalBasis = legalBasis?.Trim();
        SetReceiver(officer);
        AddEvent(now, "refused", "Từ chối tiếp nhận hồ sơ", officer.UnitName, officer.Name);
        Version++;
        return null;
    }

    public IReadOnlyList<MissingItem> MissingItems => MissingItemsJson is null
        ? []
        : System.Text.Json.JsonSerializer.Deserialize<List<MissingItem>>(MissingItemsJson) ?? [];

    private void SetReceiver(Actor officer)
    {
        ReceivingUnitId = officer.UnitId;
        ReceivingUnitName = officer.UnitName;
        ReceivedById = officer.Id;
        ReceivedByName = officer.Name;
    }

    /// <summary>
    /// Records that a document of the checklist was taken from the citizen's earlier dossier or result (kho dữ liệu
    /// của công dân). The other dossier's code is for staff only: the public timeline says just what was reused.
    /// </summary>
    public void NoteReuse(string documentName, string fileName, string fromCode, DateTimeOffset now)
        => AddEvent(now, "document-reused", Cut($"Tái sử dụng giấy tờ đã có: {documentName}", 1000), "Cổng dịch vụ công", Applicant.Name,
            Cut($"Tái sử dụng {fileName} từ hồ sơ {fromCode}", 4000));

    private static string Cut(string text, int max) => text.Length > max ? text[..(max - 1)] + "…" : text;

    private void AddEvent(DateTimeOffset at, string kind, string text, string unit, string actor, string note = "")
        => events.Add(new DossierEvent { DossierId = Id, At = at, Kind = kind, Status = Status, Text = text, UnitName = unit, ActorName = actor, Note = note });

    public static string SearchTextOf(string code, Applicant applicant)
        => MotCua.Platform.Text.VietnameseText.Fold($"{code} {applicant.Name} {applicant.IdNumber}");

    private static Dossier Create(NewDossier d, DateTimeOffset now, DossierStatus status, DateTimeOffset? submittedAt, string identityAssurance = "")
    {
        var dossier = new Dossier
        {
            Code = d.Code,
            Sequence = d.Sequence,
            ProcedureId = d.Procedure.Id,
            ProcedureCode = d.Procedure.Code,
            ProcedureVersion = d.Procedure.Version,
            ProcedureName = d.Procedure.Name,
            AgencyId = d.Procedure.AgencyId,
            AgencyName = d.Procedure.AgencyName,
            ProcessingTimeValue = d.Procedure.TimeValue,
            ProcessingTimeUnit = d.Procedure.TimeUnit,
            ProcessingCutOff = d.Procedure.CutOff,
            CaseName = d.CaseName,
            Channel = d.Channel,
            Applicant = d.Applicant,
            Submitter = d.Submitter,
            FormDataJson = d.FormDataJson,
            ResultDelivery = d.ResultDelivery,
            Status = status,
            CreatedAt = now,
            SubmittedAt = submittedAt,
            SearchText = SearchTextOf(d.Code, d.Applicant),
            IdentityAssurance = identityAssurance,
            SetsReceived = d.Sets,
        };
        dossier.documents.AddRange(d.Documents);
        foreach (var a in d.Attachments)
        {
            dossier.Attach(a, now);
        }

        return dossier;
    }
}

/// <summary>One thing to add or correct, with the reason (form 02).</summary>
internal sealed record MissingItem(string Document, string Reason);
