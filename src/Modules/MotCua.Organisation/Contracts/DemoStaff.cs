using Microsoft.Extensions.Configuration;
using MotCua.Platform.Identity;

namespace MotCua.Organisation.Contracts;

/// <summary>The demo staff accounts (one per role, and a second branch and ward) created when MotCua:Seed:DemoStaff is on.</summary>
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

        // A second branch and a second ward, so that "another unit's dossier" can be shown and tested.
        ("quanly2", "Bùi Thị Thu", StaffRoles.BranchManager, "CN02"),
        ("tiepnhan2", "Ngô Văn Bình", StaffRoles.ReceptionOfficer, "CN02"),
        ("chuyenvien2", "Phan Thị Mai", StaffRoles.Specialist, "UBND-00008"),
        ("lanhdao2", "Trịnh Văn Đức", StaffRoles.UnitLeader, "UBND-00008"),
    ];
}
