using MotCua.Dossiers.Processing;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.Access;

/// <summary>A member of staff acting on a dossier: who, in which unit, with which roles.</summary>
internal sealed record Staff(Guid Id, string Name, Guid? UnitId, string UnitName, IReadOnlyList<string> Roles)
{
    private static readonly string[] LeaderRoles = [StaffRoles.UnitLeader, StaffRoles.BranchManager];

    public bool IsDirector => Roles.Contains(StaffRoles.CenterDirector);

    public bool LeadsUnit(Guid? unitId) => IsDirector || (unitId is not null && unitId == UnitId && Roles.Any(LeaderRoles.Contains));

    public bool MayWorkOn(DossierTask task) => task.UnitId == UnitId && (Roles.Contains(task.Role) || LeadsUnit(task.UnitId));

    public bool HoldsAnyOpenTask(IEnumerable<DossierTask> tasks) => tasks.Any(t => t.IsOpen && (t.AssigneeId == Id || (t.AssigneeId is null && MayWorkOn(t)) || LeadsUnit(t.UnitId)));

    /// <summary>The signed-in member of staff; null for anyone else (a citizen, anonymous).</summary>
    public static Staff? From(CurrentActor actor)
        => actor.UserId is { } id && actor.Roles.Count > 0 ? new Staff(id, actor.DisplayName, actor.UnitId, actor.UnitName ?? "", actor.Roles) : null;
}
