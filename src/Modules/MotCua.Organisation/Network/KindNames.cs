using MotCua.Organisation.Contracts;

namespace MotCua.Organisation.Network;

internal static class KindNames
{
    public static string Vietnamese(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.Center => "Trung tâm",
        OrgUnitKind.Branch => "Chi nhánh",
        OrgUnitKind.ReceptionPoint => "Điểm tiếp nhận",
        OrgUnitKind.ServicePoint => "Điểm phục vụ",
        OrgUnitKind.Agency => "Cơ quan giải quyết",
        _ => kind.ToString(),
    };
}
