namespace MotCua.Dossiers.Codes;

/// <summary>The last sequence issued for an agency on a local day (one row per agency and day).</summary>
internal sealed class DossierCodeCounter
{
    public string AgencyId { get; init; } = "";

    /// <summary>The local (Asia/Ho_Chi_Minh) date as yyMMdd.</summary>
    public string Day { get; init; } = "";
    public int Last { get; set; }
}
