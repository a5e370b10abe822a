namespace MotCua.Organisation.Contracts;

public enum OrgUnitKind
{
    /// <summary>Trung tâm Phục vụ hành chính công.</summary>
    Center = 1,

    /// <summary>Chi nhánh.</summary>
    Branch = 2,

    /// <summary>Điểm tiếp nhận (under a branch).</summary>
    ReceptionPoint = 3,

    /// <summary>Điểm phục vụ at a commune/ward.</summary>
    ServicePoint = 4,

    /// <summary>A deciding agency (sở/ngành, UBND xã/phường, công an xã …).</summary>
    Agency = 5,
}

public enum AgencyKind
{
    None = 0,

    /// <summary>Sở, ngành of the city.</summary>
    Department = 1,

    /// <summary>UBND xã/phường.</summary>
    CommuneCommittee = 2,

    /// <summary>Công an xã/phường.</summary>
    CommunePolice = 3,

    /// <summary>Công an thành phố.</summary>
    CityPolice = 4,

    /// <summary>UBND thành phố.</summary>
    CityCommittee = 5,

    /// <summary>Other (tax, social insurance …).</summary>
    Other = 9,
}
