namespace MotCua.Dossiers;

/// <summary>A dossier's status, with the national portal's meaning (TrangThaiHoSo 1–10, LEGAL-NOTES).</summary>
internal enum DossierStatus
{
    /// <summary>Submitted online, waiting for reception (chờ tiếp nhận).</summary>
    RegisteredOnline = 1,

    /// <summary>Received (đã tiếp nhận): the clock runs.</summary>
    Received = 2,

    /// <summary>Not received (từ chối tiếp nhận).</summary>
    Refused = 3,
    InProgress = 4,

    /// <summary>Supplement requested (yêu cầu bổ sung, hoàn thiện hồ sơ).</summary>
    SupplementRequested = 5,
    FinancialObligationRequested = 6,
    WithdrawalRequested = 7,
    Stopped = 8,
    Resolved = 9,
    ResultReturned = 10,
}

/// <summary>The one place that maps statuses to the national portal's codes and to Vietnamese words.</summary>
internal static class DossierStatuses
{
    /// <summary>TrangThaiHoSo as the national portal counts it.</summary>
    public static int NationalCode(DossierStatus status) => (int)status;

    public static string Vietnamese(DossierStatus status) => status switch
    {
        DossierStatus.RegisteredOnline => "Chờ tiếp nhận",
        DossierStatus.Received => "Đã tiếp nhận",
        DossierStatus.Refused => "Từ chối tiếp nhận",
        DossierStatus.InProgress => "Đang giải quyết",
        DossierStatus.SupplementRequested => "Yêu cầu bổ sung hồ sơ",
        DossierStatus.FinancialObligationRequested => "Chờ thực hiện nghĩa vụ tài chính",
        DossierStatus.WithdrawalRequested => "Công dân xin rút hồ sơ",
        DossierStatus.Stopped => "Dừng giải quyết",
        DossierStatus.Resolved => "Đã có kết quả",
        DossierStatus.ResultReturned => "Đã trả kết quả",
        _ => status.ToString(),
    };

    /// <summary>kebab-case name for the API: "registered-online", "received" …</summary>
    public static string ApiName(DossierStatus status) => status switch
    {
        DossierStatus.RegisteredOnline => "registered-online",
        DossierStatus.SupplementRequested => "supplement-requested",
        DossierStatus.FinancialObligationRequested => "financial-obligation-requested",
        DossierStatus.WithdrawalRequested => "withdrawal-requested",
        DossierStatus.InProgress => "in-progress",
        DossierStatus.ResultReturned => "result-returned",
        _ => status.ToString().ToLowerInvariant(),
    };
}
