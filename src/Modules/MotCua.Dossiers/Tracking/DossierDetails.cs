using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Access;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.Tracking;

/// <summary>
/// The whole dossier for staff, personal data included, for whoever <see cref="DossierAccess"/> lets read it:
/// the page, the API, the clock and every printed form load it here. Every read is written to the audit
/// trail with what was read and, for an auditor, why.
/// </summary>
internal sealed class DossierDetails(MotCuaDb db, CurrentActor actor, AuditTrail audit)
{
    public async Task<Result<Dossier>> RunAsync(string code, string? reason, CancellationToken ct, string what = "dossier.read")
    {
        if (Staff.From(actor) is not { } who)
        {
            return new Error("unauthorized", "Vui lòng đăng nhập bằng tài khoản cán bộ.", 401);
        }

        var dossier = await db.Set<Dossier>().AsNoTracking()
            .Include(d => d.Events).Include(d => d.Attachments).Include(d => d.Tasks)
            .AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Code == code, ct);
        if (dossier is null)
        {
            return Error.NotFound($"hồ sơ {code}");
        }

        if (DossierAccess.Check(who, dossier, DossierRight.Read, reason) is { } refused)
        {
            return refused;
        }

        await audit.RecordReadAsync(what, $"dossier:{code}", string.IsNullOrWhiteSpace(reason) ? null : $"Lý do: {reason.Trim()}", ct);
        return dossier;
    }
}
