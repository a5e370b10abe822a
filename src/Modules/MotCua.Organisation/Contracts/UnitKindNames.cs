namespace MotCua.Organisation.Contracts;

/// <summary>The one Vietnamese name of each kind of unit, wherever a kind is shown (pages translate it with the UI text).</summary>
public static class UnitKindNames
{
    public static string Vietnamese(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.Center => "Trung tâm",
        OrgUnitKind.Branch => "Chi nhánh",
        OrgUnitKind.ReceptionPoint => "Điểm tiếp nhận",
        OrgUnitKind.ServicePoint => "Điểm phục vụ cấp xã",
        OrgUnitKind.Agency => "Cơ quan giải quyết",
        _ => kind.ToString(),
    };
}
