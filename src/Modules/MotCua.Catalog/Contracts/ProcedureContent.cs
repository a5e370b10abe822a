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

public sealed record RequiredDocument(string Name, string? FormFile, int Originals, int Copies);

/// <summary>Required documents for one case (trường hợp) of the procedure.</summary>
public sealed record DocumentGroup(string Case, IReadOnlyList<RequiredDocument> Documents);

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
