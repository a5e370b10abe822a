using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.MyDossiers;

/// <summary>One access as the citizen sees it: when, which dossier, what, and by which unit and role — never the officer's user name.</summary>
internal sealed record AccessEntry(DateTimeOffset At, string DossierCode, string What, string Unit, string Role);

/// <summary>Who read or changed my dossiers (my personal data) and when — from the audit trail (Nghị định 13/2023 on personal data).</summary>
internal sealed class AccessLog(MotCuaDb db, OrgDirectory directory)
{
    public async Task<IReadOnlyList<AccessEntry>> RunAsync(string idNumber, CancellationToken ct)
    {
        var codes = await db.Set<MotCua.Dossiers.Dossier>().AsNoTracking()
            .Where(d => d.Applicant.IdNumber == idNumber || (d.Submitter != null && d.Submitter.IdNumber == idNumber))
            .Select(d => d.Code).Take(500).ToListAsync(ct);
        var subjects = codes.Select(c => $"dossier:{c}").ToList();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => subjects.Contains(a.Subject)).OrderByDescending(a => a.At).Take(300).ToListAsync(ct);
        var units = await directory.UnitNamesAsync([.. rows.Select(a => a.UnitId).OfType<Guid>().Distinct()], ct);

        return rows.Select(a => new AccessEntry(a.At, a.Subject["dossier:".Length..], What(a), Unit(a, units), Role(a.Roles))).ToList();
    }

    private static string What(AuditEntry a) => a.Kind == AuditKind.Read ? "Xem hồ sơ" : a.Action switch
    {
        var x when x.EndsWith(".received", StringComparison.Ordinal) => "Tiếp nhận hồ sơ",
        var x when x.StartsWith("portal.", StringComparison.Ordinal) => "Bạn xem hồ sơ",
        var x => $"Cập nhật hồ sơ ({x.Replace("dossier.", "", StringComparison.Ordinal)})",
    };

    private static string Unit(AuditEntry a, IReadOnlyDictionary<Guid, string> units)
        => a.UnitId is { } id && units.GetValueOrDefault(id) is { Length: > 0 } name ? name
            : a.Roles.Length == 0 && a.ActorId is null && a.Action.StartsWith("portal.", StringComparison.Ordinal) ? "Bạn (Cổng dịch vụ công)"
            : "Trung tâm Phục vụ hành chính công";

    private static string Role(string roles) => string.Join(", ", roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(StaffRoles.DisplayName));
}
