using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Processes;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;
using MotCua.Platform.Text;

namespace MotCua.Dossiers.Processing;

internal enum WorkList
{
    /// <summary>Steps to do: assigned to me, or waiting in my unit for my role (all of my unit's for a leader).</summary>
    ToProcess = 1,

    /// <summary>Dossiers waiting for the applicant: supplement or financial obligation.</summary>
    Waiting = 2,
    DueSoon = 3,
    Overdue = 4,

    /// <summary>Results ready to hand back at my unit.</summary>
    ToReturn = 5,
}

internal sealed record WorkItem(
    string Code, string ProcedureName, string ApplicantName, string Status, string StepName, string Unit, string Assignee,
    DateTimeOffset? StepDueAt, DateTimeOffset? DueAt, bool Overdue, bool DueSoon);

internal sealed record AlertItem(string DossierCode, string Kind, string Text, DateTimeOffset At);

/// <summary>
/// The work lists of the signed-in officer (hồ sơ cần xử lý, chờ bổ sung, sắp đến hạn, quá hạn, chờ trả kết
/// quả), filtered by an accent-insensitive search on code, applicant name or ID number, most urgent first.
/// </summary>
internal sealed class WorkInbox(MotCuaDb db, CurrentActor actor, IDeadlineClocks calendars, AuditTrail audit, TimeProvider time)
{
    private const int Take = 200;

    /// <summary>Who has work lists: the people who hold steps, and the director who watches them all.</summary>
    public static readonly string[] Roles = [StaffRoles.ReceptionOfficer, StaffRoles.Specialist, StaffRoles.UnitLeader, StaffRoles.BranchManager, StaffRoles.CenterDirector];

    public async Task<IReadOnlyList<WorkItem>> RunAsync(WorkList list, string? search, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var soon = await SoonAsync(now, ct);
        var rows = Rows(list, search, now, soon);

        var found = await rows.OrderBy(x => x.T.DueAt).Take(Take)
            .Select(x => new { x.D.Code, x.D.ProcedureName, x.D.Applicant.Name, x.D.Status, x.T.StepName, x.T.UnitName, x.T.AssigneeName, StepDue = x.T.DueAt, x.D.DueAt })
            .ToListAsync(ct);
        // The lists name applicants: reading one is a read of personal data.
        await audit.RecordReadAsync("work.read", $"work:{ApiName(list)}", string.IsNullOrWhiteSpace(search) ? null : $"Tìm: {search.Trim()}", ct);
        return found.Select(x => new WorkItem(x.Code, x.ProcedureName, x.Name, DossierStatuses.Vietnamese(x.Status), x.StepName, x.UnitName, x.AssigneeName, x.StepDue, x.DueAt,
                x.StepDue < now || x.DueAt < now, !(x.StepDue < now || x.DueAt < now) && (x.StepDue <= soon || x.DueAt <= soon)))
            .DistinctBy(x => (x.Code, x.StepName))
            .ToList();
    }

    /// <summary>
    /// How many dossiers wait in each list (the staff home's counters): the same rows as <see cref="RunAsync"/>, counted
    /// per dossier; no names are read.
    /// </summary>
    public async Task<IReadOnlyDictionary<WorkList, int>> CountAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var soon = await SoonAsync(now, ct);
        var counts = new Dictionary<WorkList, int>();
        foreach (var list in Enum.GetValues<WorkList>())
        {
            counts[list] = await Rows(list, null, now, soon).Select(x => x.D.Id).Distinct().CountAsync(ct);
        }

        return counts;
    }

    /// <summary>"Due soon": within one working day from now.</summary>
    private async Task<DateTimeOffset> SoonAsync(DateTimeOffset now, CancellationToken ct)
    {
        var clock = await calendars.ClockAsync(ct);
        return clock.Calendar.AddWorkingTime(now, clock.Calendar.Hours.DayLength).ToUniversalTime();
    }

    /// <summary>The open steps of one list that are mine to see, with their dossiers: one rule for the list and its count.</summary>
    private IQueryable<TaskRow> Rows(WorkList list, string? search, DateTimeOffset now, DateTimeOffset soon)
    {
        var me = actor.UserId;
        var unit = actor.UnitId;
        // The director sees every open step; an auditor reads dossiers one by one with a reason, not work lists.
        var director = actor.IsInRole(StaffRoles.CenterDirector);
        var leader = actor.IsInRole(StaffRoles.UnitLeader) || actor.IsInRole(StaffRoles.BranchManager);
        var roles = actor.Roles.ToList();

        var tasks = db.Set<DossierTask>().AsNoTracking().Where(t => t.State == TaskState.Open);
        if (!director)
        {
            tasks = leader
                ? tasks.Where(t => t.UnitId == unit)
                : tasks.Where(t => t.AssigneeId == me || (t.AssigneeId == null && t.UnitId == unit && roles.Contains(t.Role)));
        }

        var dossiers = db.Set<Dossier>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var folded = VietnameseText.Fold(search.Trim());
            dossiers = dossiers.Where(d => d.SearchText.Contains(folded));
        }

        var rows = tasks.Join(dossiers, t => t.DossierId, d => d.Id, (t, d) => new TaskRow { T = t, D = d });
        return list switch
        {
            WorkList.ToProcess => rows.Where(x => x.T.Kind != StepKind.Return && (x.D.Status == DossierStatus.Received || x.D.Status == DossierStatus.InProgress)),
            WorkList.Waiting => rows.Where(x => x.D.Status == DossierStatus.SupplementRequested || x.D.Status == DossierStatus.FinancialObligationRequested),
            WorkList.DueSoon => rows.Where(x => (x.D.Status == DossierStatus.Received || x.D.Status == DossierStatus.InProgress)
                && ((x.T.DueAt >= now && x.T.DueAt <= soon) || (x.D.DueAt >= now && x.D.DueAt <= soon))),
            WorkList.Overdue => rows.Where(x => (x.D.Status == DossierStatus.Received || x.D.Status == DossierStatus.InProgress) && (x.T.DueAt < now || x.D.DueAt < now)),
            _ => rows.Where(x => x.T.Kind == StepKind.Return && x.D.Status == DossierStatus.Resolved),
        };
    }

    /// <summary>An open step (T) with its dossier (D).</summary>
    private sealed class TaskRow
    {
        public DossierTask T { get; init; } = null!;

        public Dossier D { get; init; } = null!;
    }

    /// <summary>The latest warnings for me or my unit.</summary>
    public async Task<IReadOnlyList<AlertItem>> AlertsAsync(CancellationToken ct)
    {
        var me = actor.UserId;
        var unit = actor.UnitId;
        var alerts = await db.Set<DossierAlert>().AsNoTracking()
            .Where(a => a.RecipientUserId == me || (a.RecipientUserId == null && a.RecipientUnitId == unit))
            .OrderByDescending(a => a.CreatedAt).Take(50)
            .Select(a => new { a.DossierCode, a.Kind, a.Text, a.CreatedAt })
            .ToListAsync(ct);
        return alerts.Select(a => new AlertItem(a.DossierCode, a.Kind switch
        {
            AlertKind.DueSoon => "Sắp đến hạn",
            AlertKind.Overdue => "Quá hạn",
            _ => "Cần xin lỗi, hẹn lại",
        }, a.Text, a.CreatedAt)).ToList();
    }

    public static string ApiName(WorkList list) => list switch
    {
        WorkList.ToProcess => "to-process",
        WorkList.Waiting => "waiting",
        WorkList.DueSoon => "due-soon",
        WorkList.Overdue => "overdue",
        _ => "to-return",
    };

    public static WorkList? Parse(string? name) => name switch
    {
        null or "" or "to-process" => WorkList.ToProcess,
        "waiting" => WorkList.Waiting,
        "due-soon" => WorkList.DueSoon,
        "overdue" => WorkList.Overdue,
        "to-return" => WorkList.ToReturn,
        _ => null,
    };

    public static string Title(WorkList list) => list switch
    {
        WorkList.ToProcess => "Cần xử lý",
        WorkList.Waiting => "Chờ bổ sung, nghĩa vụ tài chính",
        WorkList.DueSoon => "Sắp đến hạn",
        WorkList.Overdue => "Quá hạn",
        _ => "Chờ trả kết quả",
    };
}
