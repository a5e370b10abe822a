using MotCua.Platform.Identity;

namespace MotCua.Dossiers.Processes;

/// <summary>
/// The process generated for a procedure version that has none, so that the whole catalog is usable:
/// the center's usual path, with the time shares of Hanoi's published processes (a 30-working-day
/// procedure: receive ½ day, forward ½ day, assign 1 day, appraise 16 days, …) rounded to percentages.
/// A delegated procedure (ủy quyền) is resolved by the receiving branch itself.
/// </summary>
internal static class DefaultProcess
{
    public static ProcessSpec For(bool delegated = false) => delegated
        ? new ProcessSpec
        {
            Delegated = true,
            Steps =
            [
                Step("tiep-nhan", "Tiếp nhận hồ sơ", Performer.ReceivingUnit, StaffRoles.ReceptionOfficer, 10, "tham-dinh"),
                Step("tham-dinh", "Thẩm định, xử lý hồ sơ (ủy quyền)", Performer.ReceivingUnit, StaffRoles.ReceptionOfficer, 60, "phe-duyet"),
                Step("phe-duyet", "Phê duyệt, ký kết quả", Performer.ReceivingUnit, StaffRoles.BranchManager, 20, "tra-ket-qua", StepKind.Approval),
                Step("tra-ket-qua", "Trả kết quả", Performer.ReceivingUnit, StaffRoles.ReceptionOfficer, 10, null, StepKind.Return),
            ],
        }
        : new ProcessSpec
        {
            Steps =
            [
                Step("tiep-nhan", "Tiếp nhận hồ sơ", Performer.ReceivingUnit, StaffRoles.ReceptionOfficer, 5, "chuyen-ho-so"),
                Step("chuyen-ho-so", "Chuyển hồ sơ đến cơ quan giải quyết", Performer.ReceivingUnit, StaffRoles.ReceptionOfficer, 5, "phan-cong"),
                Step("phan-cong", "Phân công thụ lý", Performer.Agency, StaffRoles.UnitLeader, 5, "tham-dinh"),
                Step("tham-dinh", "Thẩm định, xử lý hồ sơ", Performer.Agency, StaffRoles.Specialist, 60, "phe-duyet"),
                Step("phe-duyet", "Phê duyệt, ký kết quả", Performer.Agency, StaffRoles.UnitLeader, 15, "chuyen-ket-qua", StepKind.Approval),
                Step("chuyen-ket-qua", "Chuyển kết quả về Trung tâm", Performer.Agency, StaffRoles.Specialist, 5, "tra-ket-qua"),
                Step("tra-ket-qua", "Trả kết quả", Performer.ReceivingUnit, StaffRoles.ReceptionOfficer, 5, null, StepKind.Return),
            ],
        };

    private static ProcessStep Step(string id, string name, Performer performer, string role, decimal percent, string? next, StepKind kind = StepKind.Work)
        => new() { Id = id, Name = name, Performer = performer, Role = role, BudgetPercent = percent, Kind = kind, Next = next is null ? [] : [next] };
}
