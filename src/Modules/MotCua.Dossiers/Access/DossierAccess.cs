using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.Access;

/// <summary>What a member of staff wants to do with one dossier.</summary>
internal enum DossierRight
{
    /// <summary>See the whole dossier with the applicant's personal data, its clock and its printed forms.</summary>
    Read = 1,

    /// <summary>What the one-stop desk does for the applicant: take a supplement, a fee receipt, a withdrawal, hand over the result.</summary>
    Desk = 2,

    /// <summary>Act on a step: take, assign, forward, send back, consult, approve, attach the result, ask for a supplement or a fee.</summary>
    Process = 3,

    /// <summary>What only the leaders of the deciding agency (or the receiving unit for delegated procedures) decide: extension, stop.</summary>
    Lead = 4,
}

/// <summary>
/// THE rule of who may see and do what with a dossier (role AND data scope), called by every page, endpoint
/// and use case that touches one dossier. A member of staff is related to a dossier through their unit: the
/// unit that received it (a branch, a reception point), the deciding agency, or a unit holding (or having
/// held) one of its steps, including consulted agencies. The center's director sees and may do everything;
/// the auditor reads every dossier but only with a reason, which the audit trail keeps; an administrator
/// runs the system and reads no dossier. Dossiers not received yet (waiting online, or asked to complete before
/// reception at a counter or online) belong to the center's reception as a whole. The entity then decides the step-level detail (whose step, which state).
/// </summary>
/// <summary>The receiving unit whose book is read (null: every unit) and the auditor's reason.</summary>
internal sealed record BookScope(Guid? UnitId, string? Reason);

internal static class DossierAccess
{
    private static readonly string[] DeskRoles = [StaffRoles.ReceptionOfficer, StaffRoles.BranchManager];
    private static readonly string[] WorkRoles = [StaffRoles.ReceptionOfficer, StaffRoles.Specialist, StaffRoles.UnitLeader, StaffRoles.BranchManager];

    public const int MinReasonLength = 10;

    /// <summary>Null when <paramref name="who"/> may; otherwise the refusal (403, or 400 when the auditor gave no reason).</summary>
    public static Error? Check(Staff who, Dossier dossier, DossierRight right, string? reason = null)
    {
        if (who.IsDirector)
        {
            return null;
        }

        if (right == DossierRight.Read && who.Roles.Contains(StaffRoles.Auditor))
        {
            return reason?.Trim() is { Length: >= MinReasonLength }
                ? null
                : Error.Invalid("reason", $"Thanh tra, kiểm tra xem hồ sơ phải ghi lý do (ít nhất {MinReasonLength} ký tự); lý do được lưu trong nhật ký.");
        }

        var mayWork = who.Roles.Any(WorkRoles.Contains);
        var receiving = who.UnitId is { } unit && dossier.ReceivingUnitId == unit;
        // Not received yet (waiting online, or asked to complete before reception): it belongs to the center's
        // reception as a whole, as the applicant may come back to any counter with the missing papers.
        var waitingOnline = dossier.ReceivedAt is null && dossier.Status is DossierStatus.RegisteredOnline or DossierStatus.SupplementRequested;
        var deciding = who.UnitId is { } u1 && dossier.AgencyId == u1;
        var holding = who.UnitId is { } u2 && dossier.Tasks.Any(t => t.UnitId == u2);
        var allowed = right switch
        {
            DossierRight.Read => mayWork && (receiving || deciding || holding || (waitingOnline && who.Roles.Any(DeskRoles.Contains))),
            DossierRight.Desk => who.Roles.Any(DeskRoles.Contains) && (receiving || waitingOnline),
            DossierRight.Process => mayWork && (receiving || deciding || holding),
            DossierRight.Lead => who.Roles.Any(r => r is StaffRoles.UnitLeader or StaffRoles.BranchManager) && (receiving || deciding),
            _ => false,
        };
        return allowed ? null : Refusal(who, dossier, right);
    }

    /// <summary>
    /// Whose tracking book (form 07) the member of staff reads: their own receiving unit's; every unit's for the
    /// center's director and, with a reason, for an auditor. Anyone else is refused.
    /// </summary>
    public static Result<BookScope> Book(Staff who, string? reason)
    {
        if (who.IsDirector)
        {
            return new BookScope(null, null);
        }

        if (who.Roles.Contains(StaffRoles.Auditor))
        {
            return reason?.Trim() is { Length: >= MinReasonLength } given
                ? new BookScope(null, given)
                : Error.Invalid("reason", $"Thanh tra, kiểm tra xem sổ theo dõi phải ghi lý do (ít nhất {MinReasonLength} ký tự); lý do được lưu trong nhật ký.");
        }

        return who.Roles.Any(DeskRoles.Contains) && who.UnitId is { } unit
            ? new BookScope(unit, null)
            : Forbidden("Sổ theo dõi hồ sơ do bộ phận một cửa tiếp nhận hồ sơ quản lý.");
    }

    /// <summary>The refusal in words the officer can act on: which role or which unit it needs.</summary>
    private static Error Refusal(Staff who, Dossier dossier, DossierRight right)
    {
        if (!who.Roles.Any(WorkRoles.Contains))
        {
            return Forbidden(who.Roles.Contains(StaffRoles.Auditor)
                ? "Thanh tra, kiểm tra chỉ được xem hồ sơ (có ghi lý do), không được xử lý."
                : "Tài khoản của bạn không có vai trò tiếp nhận hay xử lý hồ sơ của người dân.");
        }

        return right switch
        {
            DossierRight.Read => Forbidden($"Hồ sơ {dossier.Code} không do đơn vị của bạn tiếp nhận, giải quyết hay phối hợp xử lý."),
            DossierRight.Desk => Forbidden($"Thao tác này do bộ phận một cửa đã tiếp nhận hồ sơ ({Or(dossier.ReceivingUnitName, "bộ phận tiếp nhận")}) thực hiện."),
            DossierRight.Lead => Forbidden($"Chỉ lãnh đạo {Or(dossier.AgencyName, "cơ quan giải quyết")} được quyết định việc này."),
            _ => Forbidden($"Hồ sơ {dossier.Code} không do đơn vị của bạn xử lý."),
        };
    }

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;

    private static Error Forbidden(string message) => new("forbidden", message, 403);
}
