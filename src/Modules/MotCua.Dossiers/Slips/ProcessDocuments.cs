using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Access;
using MotCua.Dossiers.Processes;
using MotCua.Dossiers.Processing;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Time;

namespace MotCua.Dossiers.Slips;

/// <summary>
/// Forms 04, 05, 06 and 07 filled from a dossier's history (its steps, clock log and events), rendered by
/// <see cref="ProcessSlips"/>. Reads of personal data are audited.
/// </summary>
internal sealed class ProcessDocuments(MotCuaDb db, ProcessSlips slips, Tracking.DossierDetails details, CurrentActor actor, AuditTrail audit, SlipContacts contacts)
{
    public async Task<Result<byte[]>> ApologyAsync(string code, string? reason, string trackingUrl, CancellationToken ct)
    {
        var (d, refused) = await details.RunAsync(code, reason, ct, "dossier.apology.read");
        if (d is null)
        {
            return Result.Fail<byte[]>(refused);
        }

        if (d.Clock.Extension is not { } x || d.ReceivedAt is not { } received)
        {
            return new Error("no-extension", "Hồ sơ chưa được xin lỗi và hẹn lại ngày trả kết quả.", 409);
        }

        var newDue = d.DueAt ?? x.NewDue ?? x.PreviousDue;
        return slips.Apology(new ApologyLetter(d.Code, d.AgencyName, d.Applicant.Name, d.Applicant.Address, d.ProcedureName, received, x.PreviousDue,
            newDue > x.PreviousDue ? newDue : x.PreviousDue.AddMinutes(1), x.Reason, x.LegalBasis, x.GrantedBy, $"Lãnh đạo {d.AgencyName}", x.GrantedAt, trackingUrl,
            await contacts.PlaceAsync(ct)), ct);
    }

    public async Task<Result<byte[]>> StopNoticeAsync(string code, string? reason, string trackingUrl, CancellationToken ct)
    {
        var (d, refused) = await details.RunAsync(code, reason, ct, "dossier.stop-notice.read");
        if (d is null)
        {
            return Result.Fail<byte[]>(refused);
        }

        if (d.Status != DossierStatus.Stopped || d.ReceivedAt is not { } received)
        {
            return new Error("not-stopped", "Hồ sơ không bị dừng giải quyết.", 409);
        }

        var stop = d.Events.Where(e => e.Kind == "stopped").MaxBy(e => e.At);
        return slips.Stop(new StopNotice(d.Code, d.AgencyName, d.Applicant.Name, d.ProcedureName, received, d.Reason ?? "", d.LegalBasis ?? "",
            stop?.ActorName ?? "", $"Lãnh đạo {d.AgencyName}", stop?.At ?? d.FinishedAt ?? received, trackingUrl, await contacts.PlaceAsync(ct)), ct);
    }

    /// <summary>Form 06: one row per hand-over, with the step's own due instant and how it did.</summary>
    public async Task<Result<byte[]>> ControlSheetAsync(string code, string? reason, string trackingUrl, CancellationToken ct)
    {
        var (d, refused) = await details.RunAsync(code, reason, ct, "dossier.control-sheet.read");
        if (d is null)
        {
            return Result.Fail<byte[]>(refused);
        }

        if (d.ReceivedAt is not { } received)
        {
            return new Error("not-received", "Hồ sơ chưa được tiếp nhận nên chưa có phiếu kiểm soát.", 409);
        }

        var rows = d.Tasks.Where(t => t.StepId != d.Tasks.OrderBy(x => x.OpenedAt).First().StepId || t.ConsultationOf is not null)
            .Where(t => t.State != TaskState.Cancelled || t.CompletedAt is null)
            .OrderBy(t => t.OpenedAt).ThenBy(t => t.CompletedAt ?? DateTimeOffset.MaxValue)
            .Select(t => new ControlSheetRow(t.FromUnitName, t.FromPersonName, t.UnitName, t.AssigneeName, t.OpenedAt, t.DueAt, StepVerdict(t), Note(t)))
            .ToList();
        var coordinating = d.Tasks.Where(t => t.UnitId != d.AgencyId && t.UnitId != d.ReceivingUnitId).Select(t => t.UnitName).Distinct().ToList();
        return slips.Control(new ControlSheet(d.Code, d.ProcedureName, d.Applicant.Name, received, d.DueAt, d.AgencyName, coordinating, rows,
            d.ReturnedAt, d.Return is { } r ? $"{r.RecipientName} ({r.Describe()})" : null, trackingUrl), ct);
    }

    /// <summary>
    /// Form 07 for a receiving unit (the caller's own; any or all for the center's director and an auditor) and a period of
    /// local days, optionally only the entries of one book year; rows in the order of their entry numbers.
    /// </summary>
    public async Task<Result<byte[]>> BookAsync(string? reason, string centerName, DateOnly from, DateOnly to, CancellationToken ct, int? year = null, Guid? unit = null)
    {
        if (Staff.From(actor) is not { } who)
        {
            return new Error("unauthorized", "Vui lòng đăng nhập bằng tài khoản cán bộ.", 401);
        }

        var (scope, refused) = DossierAccess.Book(who, reason);
        if (scope is null)
        {
            return Result.Fail<byte[]>(refused);
        }

        if (Book.TrackingBook.UnitError(scope, unit) is { } notYours)
        {
            return notYours;
        }

        if (year is < 2000 or > 2100)
        {
            return Error.Invalid("year", "Quyển sổ (năm) không hợp lệ.");
        }

        var unitId = scope.UnitId ?? unit;
        var unitName = unitId is null ? centerName : unitId == who.UnitId ? who.UnitName : (await db.Set<Dossier>().AsNoTracking().Where(d => d.ReceivingUnitId == unitId).Select(d => d.ReceivingUnitName).FirstOrDefaultAsync(ct) ?? centerName);
        if (to < from || to.DayNumber - from.DayNumber > 366)
        {
            return Error.Invalid("to", "Khoảng thời gian không hợp lệ (từ ngày phải trước đến ngày, tối đa một năm).");
        }

        var start = VietnamTime.StartOf(from);
        var end = VietnamTime.StartOf(to.AddDays(1));
        var query = db.Set<Dossier>().AsNoTracking().Where(d => d.ReceivedAt >= start && d.ReceivedAt < end);
        if (unitId is { } only)
        {
            query = query.Where(d => d.ReceivingUnitId == only);
        }

        if (year is { } bookYear)
        {
            query = query.Where(d => d.BookYear == bookYear);
        }

        var dossiers = await query.Include(d => d.Tasks).AsSplitQuery().ToListAsync(ct);

        // The book's own order: its entry numbers (several units: one book after the other, the unit named in the note).
        var rows = dossiers.OrderBy(d => d.ReceivingUnitName, StringComparer.Ordinal).ThenBy(d => d.BookYear).ThenBy(d => d.BookNumber ?? int.MaxValue).ThenBy(d => d.ReceivedAt).ThenBy(d => d.Code, StringComparer.Ordinal).Select(d => new BookRow(
            d.BookNumber, d.Code, d.ProcedureName, d.SetsReceived, d.Applicant.Name, $"{d.Applicant.Address} — {d.Applicant.Phone}", d.AgencyName,
            d.ReceivedAt!.Value, d.DueAt ?? d.OriginalDueAt,
            d.Tasks.Where(t => t.UnitId == d.AgencyId && t.UnitId != d.ReceivingUnitId).Select(t => (DateTimeOffset?)t.OpenedAt).Min(),
            d.Tasks.Where(t => t.Kind == StepKind.Return).Select(t => (DateTimeOffset?)t.OpenedAt).Min(),
            d.ReturnedAt,
            unitId is null ? $"{d.ReceivingUnitName}; {DossierStatuses.Vietnamese(d.Status)}" : DossierStatuses.Vietnamese(d.Status))).ToList();
        await audit.RecordReadAsync("dossier.book.read", $"book:{unitId?.ToString() ?? "all"}:{from:yyyy-MM-dd}:{to:yyyy-MM-dd}", scope.Reason is null ? null : $"Lý do: {scope.Reason}", ct);
        return slips.Book(new BookExtract(unitName, from, to, rows, year), ct);
    }

    private static string StepVerdict(DossierTask t) => (t.CompletedAt, t.DueAt) switch
    {
        ({ } done, { } due) when done > due => "Quá hạn",
        ({ } done, { } due) when VietnamTime.DayOf(done) < VietnamTime.DayOf(due) => "Trước hạn",
        ({ }, { }) => "Đúng hạn",
        (null, { } due) => "Đang xử lý",
        _ => "",
    };

    private static string Note(DossierTask t)
    {
        var what = t.ConsultationOf is not null ? "Lấy ý kiến phối hợp" : t.StepName;
        var how = t.State switch
        {
            TaskState.SentBack => "trả lại bước trước",
            TaskState.Cancelled => "không thực hiện",
            _ => "",
        };
        return string.Join("; ", new[] { what, how, t.Comment }.Where(s => s.Length > 0));
    }
}
