using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.Calendar.Clock;
using MotCua.Calendar.Working;
using MotCua.Catalog.Contracts;
using MotCua.Dossiers.Processing;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Jobs;
using MotCua.Platform.Outbox;
using MotCua.Platform.Time;

namespace MotCua.Dossiers.Jobs;

internal sealed record SweepReport(int DueSoon, int Overdue, int StepsDueSoon, int StepsOverdue);

/// <summary>
/// Checks the clocks of open dossiers and their steps and raises each warning once: "due soon" (less working
/// time left than the threshold scaled to the dossier's budget, <see cref="WarningThresholds"/>) to the handler,
/// with — when the budget allows an apology in time — the prompt to the resolving agency to issue the apology
/// and new date (form 04) at least one working day before the due instant, and "overdue" to the handler's
/// leader and the center. Steps keep the one-working-day threshold. Only candidates are
/// read (an index on status, alert level and due instant), in batches claimed with row locks
/// (FOR UPDATE SKIP LOCKED on PostgreSQL); the conditional update of the alert level and a unique index on
/// the alerts keep every warning single even when several app instances sweep at the same time.
/// </summary>
internal sealed class SweepClocks(MotCuaDb db, IDeadlineClocks calendars, OrgDirectory directory, TimeProvider time) : IPeriodicJob
{
    async Task<string?> IPeriodicJob.RunOnceAsync(CancellationToken ct)
        => await RunAsync(ct) is { } r && r.DueSoon + r.Overdue + r.StepsDueSoon + r.StepsOverdue > 0 ? r.ToString() : null;

    /// <summary>Rows claimed per transaction: bigger on PostgreSQL (a catch-up sweep raises hundreds of thousands), small on SQLite (one writer).</summary>
    private int Batch => db.IsSqlite ? 500 : 5000;

    public async Task<SweepReport> RunAsync(CancellationToken ct)
    {
        // A batch writes up to three rows per dossier; a catch-up sweep after an outage must not die on the default 30 s.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var now = time.GetUtcNow();
        var clock = await calendars.ClockAsync(ct);
        var soon = clock.Calendar.AddWorkingTime(now, clock.Calendar.Hours.DayLength).ToUniversalTime();
        var center = await directory.UnitByCodeAsync(DemoStaff.CenterCode, ct);
        var dueSoon = 0;
        foreach (var (budget, value, unit) in await CandidateBudgetsAsync(clock, now, ct))
        {
            // The "due soon" threshold of each budget (WarningThresholds): a one-day procedure does not warn at reception.
            var day = clock.Calendar.Hours.DayLength;
            var threshold = clock.Calendar.AddWorkingTime(now, WarningThresholds.DueSoonWithin(budget, day)).ToUniversalTime();
            dueSoon += await DossiersAsync(1, threshold, now, center?.Id, ct, (value, unit, WarningThresholds.ApologyReminder(budget, day), clock.Calendar));
        }

        var overdue = await DossiersAsync(2, now, now, center?.Id, ct);
        var stepsSoon = await TasksAsync(1, soon, now, ct);
        var stepsOverdue = await TasksAsync(2, now, now, ct);
        return new SweepReport(dueSoon, overdue, stepsSoon, stepsOverdue);
    }

    /// <summary>The budgets (value, unit) of the open dossiers that may need a "due soon" warning now (due within the widest threshold).</summary>
    private async Task<List<(ClockBudget Budget, decimal Value, TimeUnit Unit)>> CandidateBudgetsAsync(DeadlineClock clock, DateTimeOffset now, CancellationToken ct)
    {
        var widest = clock.Calendar.AddWorkingTime(now, 2 * clock.Calendar.Hours.DayLength).ToUniversalTime();
        var budgets = await db.Set<Dossier>().AsNoTracking()
            .Where(d => (d.Status == DossierStatus.Received || d.Status == DossierStatus.InProgress) && d.AlertLevel < 1 && d.DueAt <= widest && d.ProcessingTimeValue != null)
            .Select(d => new { Value = d.ProcessingTimeValue!.Value, Unit = d.ProcessingTimeUnit })
            .Distinct().ToListAsync(ct);
        // The same budget the due date was computed with (same-day and clock hours included).
        return budgets
            .Select(b => (Budget: Reception.DueDates.Budget(new ProcessingTime(b.Value, b.Unit, "")), b.Value, b.Unit))
            .Where(b => b.Budget is not null)
            .Select(b => (b.Budget!.Value, b.Value, b.Unit)).ToList();
    }

    private async Task<int> DossiersAsync(int level, DateTimeOffset threshold, DateTimeOffset now, Guid? centerId, CancellationToken ct,
        (decimal Value, TimeUnit Unit, bool Apology, WorkingCalendar Calendar)? budget = null)
    {
        var raised = 0;
        while (true)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var ids = await ClaimDossiersAsync(level, threshold, ct, budget is { } b ? (b.Value, b.Unit) : null);
            if (ids.Count == 0)
            {
                return raised;
            }

            var batch = await db.Set<Dossier>().AsNoTracking().Where(d => ids.Contains(d.Id))
                .Select(d => new { d.Id, d.Code, d.DueAt, d.AgencyId, d.AgencyName, d.ReceivingUnitId })
                .ToListAsync(ct);
            var raisedIds = await RaiseAsync("dossiers", batch.Select(d => d.Id).ToList(), level, ct);
            foreach (var d in batch.Where(d => raisedIds.Contains(d.Id)))
            {
                var due = d.DueAt!.Value;
                if (level == 1)
                {
                    Alert(d.Id, d.Code, Guid.Empty, AlertKind.DueSoon, due, d.AgencyId, $"Hồ sơ {d.Code} sắp đến hạn trả kết quả ({Local(due)}).", now);
                    if (budget is { Apology: true, Calendar: var calendar })
                    {
                        // Decree 118/2025: the apology goes out at least one working day before the due instant.
                        var latest = calendar.SubtractWorkingTime(due, calendar.Hours.DayLength);
                        Alert(d.Id, d.Code, Guid.Empty, AlertKind.ApologyDue, due, d.AgencyId,
                            $"Hồ sơ {d.Code} có nguy cơ trễ hạn: nếu không kịp, {d.AgencyName} phát hành văn bản xin lỗi và hẹn lại ngày trả kết quả (mẫu 04) chậm nhất {Local(latest)} (ít nhất một ngày làm việc trước hạn {Local(due)}); sau đó vẫn gia hạn được nhưng ghi nhận là xin lỗi muộn.", now);
                    }
                }
                else
                {
                    Alert(d.Id, d.Code, Guid.Empty, AlertKind.Overdue, due, d.AgencyId, $"Hồ sơ {d.Code} đã quá hạn trả kết quả ({Local(due)}): đề nghị lãnh đạo đơn vị đôn đốc.", now);
                    if (centerId is { } c)
                    {
                        Alert(d.Id, d.Code, c, AlertKind.Overdue, due, c, $"Đôn đốc: hồ sơ {d.Code} của {d.AgencyName} quá hạn từ {Local(due)}.", now);
                    }
                }

                db.Outbox.Add(OutboxMessage.Create(level == 1 ? "dossier.due-soon" : "dossier.overdue", d.Code, new { code = d.Code, dueAt = due }, now));
                raised++;
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private async Task<int> TasksAsync(int level, DateTimeOffset threshold, DateTimeOffset now, CancellationToken ct)
    {
        var raised = 0;
        while (true)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var ids = await ClaimTasksAsync(level, threshold, ct);
            if (ids.Count == 0)
            {
                return raised;
            }

            var batch = await db.Set<DossierTask>().AsNoTracking().Where(t => ids.Contains(t.Id))
                .Join(db.Set<Dossier>(), t => t.DossierId, d => d.Id, (t, d) => new { t.Id, t.DossierId, d.Code, t.DueAt, t.UnitId, t.AssigneeId, t.StepName, t.AssigneeName })
                .ToListAsync(ct);
            var raisedIds = await RaiseAsync("dossier_tasks", batch.Select(t => t.Id).ToList(), level, ct);
            foreach (var t in batch.Where(t => raisedIds.Contains(t.Id)))
            {
                var due = t.DueAt!.Value;
                Alert(t.DossierId, t.Code, t.Id, level == 1 ? AlertKind.DueSoon : AlertKind.Overdue, due, t.UnitId,
                    level == 1
                        ? $"Bước \"{t.StepName}\" của hồ sơ {t.Code} sắp hết thời gian ({Local(due)})."
                        : $"Bước \"{t.StepName}\" của hồ sơ {t.Code} đã quá thời gian ({Local(due)}){(t.AssigneeName.Length > 0 ? $"; người xử lý: {t.AssigneeName}" : "")}.",
                    now, level == 1 ? t.AssigneeId : null);
                raised++;
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private Task<List<Guid>> ClaimDossiersAsync(int level, DateTimeOffset threshold, CancellationToken ct, (decimal Value, TimeUnit Unit)? budget = null)
    {
        if (budget is { } b)
        {
            return !db.IsSqlite
                ? db.Database.SqlQueryRaw<Guid>(
                    """SELECT "Id" AS "Value" FROM dossiers WHERE "Status" IN (2, 4) AND "AlertLevel" < {0} AND "DueAt" <= {1} AND "ProcessingTimeValue" = {3} AND "ProcessingTimeUnit" = {4} LIMIT {2} FOR UPDATE SKIP LOCKED""",
                    level, threshold, Batch, b.Value, (int)b.Unit).ToListAsync(ct)
                : db.Set<Dossier>().Where(d => (d.Status == DossierStatus.Received || d.Status == DossierStatus.InProgress) && d.AlertLevel < level && d.DueAt <= threshold
                        && d.ProcessingTimeValue == b.Value && d.ProcessingTimeUnit == b.Unit)
                    .OrderBy(d => d.DueAt).Select(d => d.Id).Take(Batch).ToListAsync(ct);
        }

        return !db.IsSqlite
            ? db.Database.SqlQueryRaw<Guid>(
                """SELECT "Id" AS "Value" FROM dossiers WHERE "Status" IN (2, 4) AND "AlertLevel" < {0} AND "DueAt" <= {1} LIMIT {2} FOR UPDATE SKIP LOCKED""",
                level, threshold, Batch).ToListAsync(ct)
            : db.Set<Dossier>().Where(d => (d.Status == DossierStatus.Received || d.Status == DossierStatus.InProgress) && d.AlertLevel < level && d.DueAt <= threshold)
                .OrderBy(d => d.DueAt).Select(d => d.Id).Take(Batch).ToListAsync(ct);
    }

    private Task<List<Guid>> ClaimTasksAsync(int level, DateTimeOffset threshold, CancellationToken ct)
        => !db.IsSqlite
            ? db.Database.SqlQueryRaw<Guid>(
                """SELECT t."Id" AS "Value" FROM dossier_tasks t JOIN dossiers d ON d."Id" = t."DossierId" WHERE t."State" = 1 AND t."AlertLevel" < {0} AND t."DueAt" <= {1} AND d."Status" IN (2, 4) LIMIT {2} FOR UPDATE OF t SKIP LOCKED""",
                level, threshold, Batch).ToListAsync(ct)
            : db.Set<DossierTask>().Where(t => t.State == TaskState.Open && t.AlertLevel < level && t.DueAt <= threshold)
                .Join(db.Set<Dossier>().Where(d => d.Status == DossierStatus.Received || d.Status == DossierStatus.InProgress), t => t.DossierId, d => d.Id, (t, d) => t)
                .OrderBy(t => t.DueAt).Select(t => t.Id).Take(Batch).ToListAsync(ct);

    /// <summary>
    /// Raises the level of a claimed batch in one statement; answers the rows it raised (a row another sweep
    /// raised first is left out, so its warning is not written twice). No ORDER BY in the claims: any batch will
    /// do, and sorting every candidate for each batch made a first sweep quadratic.
    /// </summary>
    private async Task<HashSet<Guid>> RaiseAsync(string table, List<Guid> ids, int level, CancellationToken ct)
    {
        if (!db.IsSqlite)
        {
            var sql = table == "dossiers"
                ? """UPDATE dossiers SET "AlertLevel" = {0} WHERE "Id" = ANY({1}) AND "AlertLevel" < {0} RETURNING "Id" AS "Value" """
                : """UPDATE dossier_tasks SET "AlertLevel" = {0} WHERE "Id" = ANY({1}) AND "AlertLevel" < {0} RETURNING "Id" AS "Value" """;
            var raised = await db.Database.SqlQueryRaw<Guid>(sql, level, ids.ToArray()).ToListAsync(ct);
            return [.. raised];
        }

        // SQLite: one writer at a time, inside this transaction; read which rows are still below the level, then raise them.
        var below = table == "dossiers"
            ? await db.Set<Dossier>().Where(x => ids.Contains(x.Id) && x.AlertLevel < level).Select(x => x.Id).ToListAsync(ct)
            : await db.Set<DossierTask>().Where(x => ids.Contains(x.Id) && x.AlertLevel < level).Select(x => x.Id).ToListAsync(ct);
        if (table == "dossiers")
        {
            await db.Set<Dossier>().Where(x => below.Contains(x.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.AlertLevel, level), ct);
        }
        else
        {
            await db.Set<DossierTask>().Where(x => below.Contains(x.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.AlertLevel, level), ct);
        }

        return [.. below];
    }

    private void Alert(Guid dossierId, string code, Guid taskId, AlertKind kind, DateTimeOffset due, Guid? unit, string text, DateTimeOffset now, Guid? user = null)
        => db.Add(new DossierAlert { DossierId = dossierId, DossierCode = code, TaskId = taskId, Kind = kind, DueAt = due, RecipientUnitId = unit, RecipientUserId = user, Text = text, CreatedAt = now });

    private static string Local(DateTimeOffset at) => VietnamTime.FormatDateTime(at);
}
