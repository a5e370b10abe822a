using Microsoft.AspNetCore.Identity;
using MotCua.Dossiers.Access;
using MotCua.Dossiers.Processes;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.Processing;

/// <summary>A member of staff offered in a picker: the user name is sent, the full name is shown.</summary>
internal sealed record StaffOption(Guid Id, string UserName, string Name);

/// <summary>The next step a leader may give to someone while forwarding, and who may take it.</summary>
internal sealed record NextStepPick(string StepName, string UnitName, string RoleName, IReadOnlyList<StaffOption> Staff);

/// <summary>What one person may do on one open step now.</summary>
internal sealed record StepActions(DossierTask Task, bool Take, IReadOnlyList<StaffOption> Assignees, bool Forward, bool SendBack, bool Consult, bool Decide, NextStepPick? Next)
{
    public bool Any => Take || Assignees.Count > 0 || Forward || SendBack || Consult || Decide;
}

/// <summary>
/// The actions of a dossier one member of staff may take now — per open step and for the whole dossier. Each is
/// offered only when the rule the endpoint enforces accepts it (<see cref="DossierAccess.Check"/> for the right,
/// then the entity's <c>May…</c> rule), narrowed to the person's own work: a step's forms go to its assignee (or, while
/// unassigned, to the people of its unit and role); a leader sees "assign" on her unit's other steps, not their forms.
/// </summary>
internal sealed record AvailableActions(
    IReadOnlyList<StepActions> Steps, bool AttachResult, bool RequestSupplement, bool RequestObligation,
    bool Supply, bool ConfirmPayment, bool Extend, bool Return, bool Withdraw, bool Stop)
{
    public static readonly AvailableActions None = new([], false, false, false, false, false, false, false, false, false);

    public bool Any => Steps.Count > 0 || AttachResult || RequestSupplement || RequestObligation || Supply || ConfirmPayment || Extend || Return || Withdraw || Stop;
}

/// <summary>Computes <see cref="AvailableActions"/> for the dossier page (one class: the page renders only what it answers).</summary>
internal sealed class DossierActionMenu(ProcessContexts contexts, UserManager<StaffUser> users)
{
    public async Task<AvailableActions> ForAsync(Staff? me, Dossier d, CancellationToken ct)
    {
        if (me is null)
        {
            return AvailableActions.None;
        }

        var process = DossierAccess.Check(me, d, DossierRight.Process) is null;
        var desk = DossierAccess.Check(me, d, DossierRight.Desk) is null;
        var lead = DossierAccess.Check(me, d, DossierRight.Lead) is null;
        if (!process && !desk && !lead)
        {
            return AvailableActions.None;
        }

        var ctx = d.ReceivedAt is null ? null : await contexts.ForAsync(d, ct);
        var steps = new List<StepActions>();
        var handled = new List<DossierTask>();
        if (process && ctx is not null)
        {
            foreach (var t in d.Tasks.Where(t => t.IsOpen && t.Kind != StepKind.Return).OrderBy(t => t.OpenedAt))
            {
                var own = t.AssigneeId == me.Id || (t.AssigneeId is null && t.UnitId == me.UnitId && me.Roles.Contains(t.Role));
                var handle = own && d.MayHandle(t, me) is null;
                if (handle)
                {
                    handled.Add(t);
                }

                var take = t.AssigneeId != me.Id && me.Roles.Contains(t.Role) && d.MayTake(t, me) is null;
                // A leader assigns someone else than the holder; offering only herself is no choice (she takes or forwards).
                IReadOnlyList<StaffOption> assignees = d.MayAssign(t, me) is null
                    ? (await StaffOfAsync(t.UnitId, t.Role, ct)).Where(s => s.Id != t.AssigneeId).ToList()
                    : [];
                if (assignees.All(a => a.Id == me.Id))
                {
                    assignees = [];
                }

                var step = ctx.Spec.Step(t.StepId);
                var work = handle && t.Kind == StepKind.Work;
                NextStepPick? next = null;
                if (work && t.ConsultationOf is null && step is not null
                    && Dossier.AssignableNextSteps(ctx, step, me).FirstOrDefault() is { } n)
                {
                    var unit = ctx.UnitOf(n);
                    next = new NextStepPick(n.Name, unit.Name, StaffRoles.DisplayName(n.Role), await StaffOfAsync(unit.Id, n.Role, ct));
                }

                steps.Add(new StepActions(
                    t, take, assignees,
                    Forward: work,
                    SendBack: work && t.ConsultationOf is null && step is not null && ctx.Spec.Previous(step.Id).Any(p => p.Id != ctx.Spec.First.Id),
                    Consult: work && t.ConsultationOf is null,
                    Decide: handle && t.Kind == StepKind.Approval,
                    next));
            }
        }

        // The result is attached on the step that hands it on to the approval or the return.
        var resultStep = ctx is not null && handled.Any(t => t.Kind == StepKind.Work && t.ConsultationOf is null
            && ctx.Spec.Step(t.StepId)?.Next.Any(n => ctx.Spec.Step(n)?.Kind is StepKind.Approval or StepKind.Return) == true);
        var working = handled.Any(t => t.ConsultationOf is null);
        return new AvailableActions(
            // A leader also sees her unit's open steps she has nothing to do on, with who holds them.
            steps.Where(s => s.Any || me.LeadsUnit(s.Task.UnitId)).ToList(),
            AttachResult: process && resultStep && d.MayAttachResult(me) is null,
            RequestSupplement: process && working && d.MayRequestSupplement(me) is null,
            RequestObligation: process && working && d.MayRequestObligation(me) is null,
            Supply: desk && d.Status == DossierStatus.SupplementRequested,
            ConfirmPayment: desk && d.Status == DossierStatus.FinancialObligationRequested,
            Extend: lead && ctx is not null && d.MayExtend(me, ctx.Spec.Delegated) is null,
            Return: desk && d.MayReturn(me) is null,
            Withdraw: desk && d.MayWithdraw(me) is null,
            Stop: lead && d.MayStop(me) is null);
    }

    /// <summary>The staff of a unit with a role, by name (what a staff picker offers).</summary>
    public async Task<IReadOnlyList<StaffOption>> StaffOfAsync(Guid unitId, string role, CancellationToken ct)
        => (await users.GetUsersInRoleAsync(role)).Where(u => u.UnitId == unitId && u.UserName is not null)
            .OrderBy(u => u.FullName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .Select(u => new StaffOption(u.Id, u.UserName!, u.FullName)).ToList();
}
