namespace MotCua.Catalog.Contracts;

/// <summary>How a processing time is counted (LEGAL-NOTES "Time rules").</summary>
public enum TimeUnit
{
    /// <summary>"Ngày làm việc".</summary>
    WorkingDays = 1,

    /// <summary>"Ngày" — calendar days.</summary>
    CalendarDays = 2,

    /// <summary>"Giờ làm việc" — working hours (only time inside the working periods counts).</summary>
    WorkingHours = 3,

    /// <summary>"Trong ngày (làm việc)" — due at the end of the working day of reception; after the cut-off
    /// (<see cref="ProcedureContent.ReceptionCutOff"/> or the organisation's default), the end of the next working day.</summary>
    SameDay = 4,

    /// <summary>"Giờ" in clock hours ("24 giờ") — elapsed time, nights and days off included.</summary>
    ClockHours = 5,
}

/// <summary>The channels a dossier can come through (national portal's KenhThucHien 1/2/3).</summary>
public enum Channel
{
    /// <summary>"Trực tiếp" — at a counter.</summary>
    Counter = 1,

    /// <summary>"Trực tuyến".</summary>
    Online = 2,

    /// <summary>"Dịch vụ bưu chính" — public postal service.</summary>
    Post = 3,
}

/// <summary>NĐ 42/2022: full online ("toàn trình") or partly online ("một phần").</summary>
public enum OnlineServiceLevel
{
    None = 0,
    Partial = 1,
    Full = 2,
}

/// <summary>Whether the record came with full detail (tthc_catalog_sample.json) or only summary fields (tthc_index_all.csv).</summary>
public enum DetailLevel
{
    Summary = 1,
    Full = 2,
}

/// <summary>A processing time as written: value and unit (null value = not stated).</summary>
public sealed record ProcessingTime(decimal? Value, TimeUnit Unit, string Text);

/// <summary>Per-channel terms: processing time and fees (VND, whole đồng).</summary>
public sealed record ChannelTerms(
    Channel Channel,
    ProcessingTime Time,
    IReadOnlyList<long> FeesVnd,
    bool IsFree,
    bool FeeUnspecified,
    string FeeText);

/// <summary>
/// When a conditional paper applies. A small, explicit vocabulary read from the catalog's text at import
/// ("trong trường hợp ủy quyền …", "trường hợp trẻ em bị bỏ rơi …"); <see cref="Other"/> keeps the text and the
/// officer decides. The channel conditions are decided by the system from the dossier's channel.
/// </summary>
public enum ConditionKind
{
    /// <summary>Filed by someone else on the applicant's behalf (ủy quyền, nộp thay).</summary>
    FiledByRepresentative = 1,

    /// <summary>Filed online (nộp trực tuyến, trên môi trường điện tử).</summary>
    FiledOnline = 2,

    /// <summary>Filed on paper: at the counter or by post (nộp trực tiếp hoặc qua bưu chính).</summary>
    FiledOnPaper = 3,

    /// <summary>Sent by post (gửi hồ sơ qua hệ thống bưu chính).</summary>
    SentByPost = 4,

    /// <summary>An abandoned child (trẻ em bị bỏ rơi).</summary>
    AbandonedChild = 5,

    /// <summary>A child born through surrogacy (mang thai hộ).</summary>
    Surrogacy = 6,

    /// <summary>Papers issued abroad (do cơ quan có thẩm quyền của nước ngoài cấp).</summary>
    ForeignPapers = 7,

    /// <summary>The registry could not provide the data (không khai thác được thông tin trong cơ sở dữ liệu).</summary>
    DataNotInRegistry = 8,

    /// <summary>Another condition, stated in <see cref="DocumentCondition.Text"/>.</summary>
    Other = 99,
}

/// <summary>The condition under which a paper is required, and the words of the catalog that state it.</summary>
public sealed record DocumentCondition(ConditionKind Kind, string Text);

/// <summary>
/// A paper of the dossier. <paramref name="When"/> null = required in its case always; otherwise only when the
/// condition holds (the desk and the portal offer "không áp dụng" for it). <paramref name="Present"/> = shown
/// at the counter and handed back (giấy tờ phải xuất trình), not kept.
/// </summary>
public sealed record RequiredDocument(
    string Name,
    string? FormFile,
    int Originals,
    int Copies,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] DocumentCondition? When = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool Present = false)
{
    public bool IsConditional => When is not null;
}

/// <summary>
/// Required documents for one case (trường hợp) of the procedure, papers common to every case included.
/// <paramref name="Case"/> is the case's name; "" when the procedure has a single case.
/// </summary>
public sealed record DocumentGroup(string Case, IReadOnlyList<RequiredDocument> Documents);

/// <summary>A legal document of the legal basis: number/symbol ("123/2015/NĐ-CP"), title, date of issue, issuer.</summary>
public sealed record LegalDocument(string Number, string Title, DateOnly? IssuedOn, string Issuer);

/// <summary>A result of the procedure ("Giấy khai sinh") and its code in the national catalog ("KQ.G15.000031").</summary>
public sealed record ProcedureResult(string Name, string? Code);

/// <summary>The agencies of a procedure, each a list of names (empty = not stated).</summary>
public sealed record ProcedureAgencies(
    IReadOnlyList<string> Deciding,
    IReadOnlyList<string> Executing,
    IReadOnlyList<string> Authorised,
    IReadOnlyList<string> Coordinating)
{
    public static readonly ProcedureAgencies None = new([], [], [], []);

    public bool IsEmpty => Deciding.Count + Executing.Count + Authorised.Count + Coordinating.Count == 0;
}

/// <summary>
/// Everything a procedure version says. Stored as one JSON document per version; a change to any of it
/// makes a new version (its SHA-256 over the canonical JSON is the version's fingerprint).
/// </summary>
public sealed record ProcedureContent
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string Ministry { get; init; } = "";
    public string Field { get; init; } = "";
    public IReadOnlyList<string> Levels { get; init; } = [];
    public string ProcedureType { get; init; } = "";
    public string DecisionNo { get; init; } = "";
    public IReadOnlyList<string> TargetSubjects { get; init; } = [];
    public string CompetentAgency { get; init; } = "";
    public string ImplementingAgency { get; init; } = "";
    public string ReceivingAddress { get; init; } = "";
    public IReadOnlyList<ChannelTerms> Channels { get; init; } = [];
    public IReadOnlyList<DocumentGroup> DocumentGroups { get; init; } = [];
    public string StepsText { get; init; } = "";
    public string ConditionsText { get; init; } = "";
    public string ResultsText { get; init; } = "";
    public string LegalBasis { get; init; } = "";
    public string SourceUrl { get; init; } = "";
    public OnlineServiceLevel OnlineLevel { get; init; }
    public bool DelegatedToCenter { get; init; }
    public DetailLevel Detail { get; init; } = DetailLevel.Full;

    /// <summary>Notes of the documents section ("* Lưu ý: …"): read, never collected.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public IReadOnlyList<string>? Notes { get; init; }

    /// <summary>The legal basis as a list (parsed from <see cref="LegalBasis"/>); null = not parsed (older versions).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public IReadOnlyList<LegalDocument>? LegalDocuments { get; init; }

    /// <summary>The results with their codes (parsed from <see cref="ResultsText"/>); null = not parsed.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public IReadOnlyList<ProcedureResult>? Results { get; init; }

    /// <summary>The steps, one entry each (parsed from <see cref="StepsText"/>); null = not parsed.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public IReadOnlyList<string>? Steps { get; init; }

    /// <summary>The conditions, one entry each (parsed from <see cref="ConditionsText"/>; empty when the text says there are none).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public IReadOnlyList<string>? Conditions { get; init; }

    /// <summary>Deciding, executing, authorised and coordinating agencies; null = not parsed (use the two texts).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public ProcedureAgencies? Agencies { get; init; }

    /// <summary>Summary records only: the number of documents the index lists.</summary>
    public int? DocumentCount { get; init; }

    /// <summary>
    /// Giờ chốt tiếp nhận: a dossier received after this local time counts from the next working day ("nếu tiếp
    /// nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo"). Read from the procedure's text at
    /// import, editable; null = the organisation's default (MotCua:Calendar:CutOff). Left out of the JSON when
    /// null so that existing versions keep their fingerprint.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public TimeOnly? ReceptionCutOff { get; init; }
}
