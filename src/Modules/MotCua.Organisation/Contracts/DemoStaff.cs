using Microsoft.Extensions.Configuration;
using MotCua.Platform.Identity;

namespace MotCua.Organisation.Contracts;

/// <summary>The demo staff accounts (one per role) created when MotCua:Seed:DemoStaff is on.</summary>
public static class DemoStaff
{
    public const string Password = "MotCua@2026";

    /// <summary>Whether this installation creates them (MotCua:Seed:DemoStaff: on in Development, refused elsewhere).</summary>
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("MotCua:Seed:DemoStaff", false);

    public const string CenterCode = "TTPVHCC";

    /// <summary>User name, full name, role, code of the unit.</summary>
    public static readonly IReadOnlyList<(string UserName, string FullName, string Role, string UnitCode)> Accounts =
    [
        ("admin", "Nguyễn Văn Quản", StaffRoles.Administrator, CenterCode),
        ("giamdoc", "Trần Thị Minh", StaffRoles.CenterDirector, CenterCode),
        ("quanly", "Lê Văn Hùng", StaffRoles.BranchManager, "CN01"),
        ("tiepnhan", "Phạm Thị Lan", StaffRoles.ReceptionOfficer, "CN01"),
        ("chuyenvien", "Hoàng Văn Nam", StaffRoles.Specialist, "UBND-00004"),
        ("lanhdao", "Vũ Thị Hoa", StaffRoles.UnitLeader, "UBND-00004"),
        ("congan", "Đỗ Văn An", StaffRoles.Specialist, "CA-00004"),
        ("thanhtra", "Đặng Văn Tâm", StaffRoles.Auditor, CenterCode),
    ];
}
