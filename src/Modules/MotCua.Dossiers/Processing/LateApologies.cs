using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Access;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.Processing;

/// <summary>How many apologies (form 04) came late, and which dossiers: <paramref name="Codes"/> the latest 100.</summary>
internal sealed record LateApologyCount(int Count, IReadOnlyList<string> Codes);

/// <summary>
/// The managers' count of late apologies (Decree 118/2025: the apology and new date must reach the citizen at
/// least one working day before the due instant): the center's director counts every dossier, a unit leader or
/// branch manager those their unit received or decides. Codes only, no personal data.
/// </summary>
internal sealed class LateApologies(MotCuaDb db, CurrentActor actor)
{
    public static readonly string[] Roles = [StaffRoles.CenterDirector, StaffRoles.UnitLeader, StaffRoles.BranchManager];

    public async Task<LateApologyCount> RunAsync(CancellationToken ct)
    {
        var staff = Staff.From(actor);
        var late = db.Set<Dossier>().AsNoTracking().Where(d => d.ApologyLate);
        if (staff is null || !staff.IsDirector)
        {
            var unit = staff?.UnitId ?? Guid.Empty;
            late = late.Where(d => d.AgencyId == unit || d.ReceivingUnitId == unit);
        }

        var count = await late.CountAsync(ct);
        var codes = await late.OrderByDescending(d => d.ReceivedAt).Select(d => d.Code).Take(100).ToListAsync(ct);
        return new LateApologyCount(count, codes);
    }
}
