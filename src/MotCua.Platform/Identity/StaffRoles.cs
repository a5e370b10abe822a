namespace MotCua.Platform.Identity;

/// <summary>The back-office roles (PRODUCT.md, "People and what they do").</summary>
public static class StaffRoles
{
    public const string ReceptionOfficer = "ReceptionOfficer";
    public const string Specialist = "Specialist";
    public const string UnitLeader = "UnitLeader";
    public const string BranchManager = "BranchManager";
    public const string CenterDirector = "CenterDirector";
    public const string Administrator = "Administrator";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> All =
        [ReceptionOfficer, Specialist, UnitLeader, BranchManager, CenterDirector, Administrator, Auditor];

    public static string DisplayName(string role) => role switch
    {
        ReceptionOfficer => "Cán bộ tiếp nhận",
        Specialist => "Chuyên viên thụ lý",
        UnitLeader => "Lãnh đạo đơn vị",
        BranchManager => "Quản lý chi nhánh",
        CenterDirector => "Giám đốc Trung tâm",
        Administrator => "Quản trị hệ thống",
        Auditor => "Thanh tra, kiểm tra",
        _ => role,
    };
}
