using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Catalog.Contracts;
using MotCua.Dossiers.Access;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Outbox;
using MotCua.Platform.Storage;

namespace MotCua.Dossiers.Processing;

internal sealed record AssignmentRequest(Guid TaskId, string? Assignee, string? Reason);

/// <summary>A step's action; <c>NextAssignee</c> (forward only): the user name of the person a leader names for the next step.</summary>
internal sealed record TaskRequest(Guid TaskId, string? Comment, string? NextAssignee = null);

internal sealed record ConsultationRequest(Guid TaskId, string? AgencyCode, string? Question);

internal sealed record SupplementRequest(IReadOnlyList<MissingItem>? Items);

internal sealed record FileRef(string Sha256, string? FileName, int DocumentNumber = 0);

internal sealed record SupplementDelivery(IReadOnlyList<FileRef>? Attachments, string? Note);

internal sealed record ObligationRequest(long Amount, string? Description);

internal sealed record PaymentRequest(string? Receipt);

internal sealed record ExtensionRequest(int? WorkingDays, DateTimeOffset? NewDueAt, string? Reason, string? LegalBasis);

internal sealed record ApprovalRequest(Guid TaskId, string? Decision, string? Comment);

internal sealed record ResultRequest(string? Description, string? Number, IReadOnlyList<FileRef>? Documents, bool Paper);

internal sealed record ReturnRequest(ReturnChannel Channel, RecipientKind To, string? RecipientName, string? RecipientIdNumber, string? Authorisation, string? PostAddress);

internal sealed record ReasonRequest(string? Reason, string? LegalBasis);

internal sealed record ActionResult(string Code, string Status, int NationalStatus, DateTimeOffset? DueAt, int Version);

/// <summary>
/// Every processing action of a dossier (API resources under /api/v1/dossiers/{code}/… and the buttons of
/// the dossier page call the same methods): load the dossier with its steps, let the entity decide, save
/// with the audit line and the outbox event in the same transaction. A concurrent change answers 409.
/// </summary>
internal sealed class ProcessingActions(
    MotCuaDb db, ProcessContexts contexts, CurrentActor actor, UserManager<StaffUser> users, OrgDirectory directory, IFileStore files,
    Attachments.FileOwnership ownership, Online.DecideOnline receive, AuditTrail audit, TimeProvider time, IOptions<MotCua.Platform.CenterOptions> center)
{
    public Task<Result<ActionResult>> AssignAsync(string code, AssignmentRequest r, CancellationToken ct)
        => RunAsync(code, "assignment", DossierRight.Process, async (d, by, _, now) =>
        {
            if (string.IsNullOrWhiteSpace(r.Assignee) || string.Equals(r.Assignee, actor.Name, StringComparison.OrdinalIgnoreCase))
            {
                return d.Take(r.TaskId, by, now);
            }

            return await StaffAsync(r.Assignee) is { } assignee
                ? d.Assign(r.TaskId, by, assignee, r.Reason, now)
                : Error.Invalid("assignee", $"Không có cán bộ với tên đăng nhập \"{r.Assignee}\".");
        }, ct);

    public Task<Result<ActionResult>> ForwardAsync(string code, TaskRequest r, CancellationToken ct)
        => RunAsync(code, "forwarded", DossierRight.Process, async (d, by, ctx, now) =>
        {
            if (string.IsNullOrWhiteSpace(r.NextAssignee))
            {
                return d.Forward(r.TaskId, by, r.Comment, ctx, now);
            }

            return await StaffAsync(r.NextAssignee) is { } next
                ? d.Forward(r.TaskId, by, r.Comment, ctx, now, next)
                : Error.Invalid("nextAssignee", "Không có cán bộ này; chọn người thụ lý bước tiếp theo trong danh sách.");
        }, ct);

    public Task<Result<ActionResult>> SendBackAsync(string code, TaskRequest r, CancellationToken ct)
        => RunAsync(code, "sent-back", DossierRight.Process, (d, by, ctx, now) => Task.FromResult(d.SendBack(r.TaskId, by, r.Comment, ctx, now)), ct);

    public Task<Result<ActionResult>> ConsultAsync(string code, ConsultationRequest r, CancellationToken ct)
        => RunAsync(code, "consulted", DossierRight.Process, async (d, by, _, now) =>
        {
            var agency = string.IsNullOrWhiteSpace(r.AgencyCode) ? null : await directory.UnitByCodeAsync(r.AgencyCode.Trim(), ct);
            return agency is null
                ? Error.Invalid("agencyCode", "Chọn cơ quan phối hợp (mã đơn vị) có trong danh mục.")
                : d.Consult(r.TaskId, by, agency.Id, agency.Name, r.Question, now);
        }, ct);

    public Task<Result<ActionResult>> RequestSupplementAsync(string code, SupplementRequest r, CancellationToken ct)
        => RunAsync(code, "supplement-requested", DossierRight.Process, (d, by, _, now) => Task.FromResult(d.RequestSupplement(by, r.Items ?? [], now)), ct);

    public Task<Result<ActionResult>> SupplyAsync(string code, SupplementDelivery r, CancellationToken ct)
        => RunAsync(code, "supplemented", DossierRight.Desk, async (d, by, ctx, now) =>
        {
            var (added, error) = await FilesAsync(d, by.Id, r.Attachments ?? [], Provision.DigitizedAtCounter, ct);
            if (error is not null || !d.AwaitsSupplementBeforeReception)
            {
                return error ?? d.SupplySupplement(by, $"tại {by.UnitName}", added, r.Note, ctx, now);
            }

            // Asked before reception (form 02): the completed dossier is received here and now, same code and
            // history, and its clock starts at this reception — at whichever counter the applicant came back to.
            var officer = new Dossier.Actor(by.Id, by.Name, by.UnitId, by.UnitName.Length > 0 ? by.UnitName : center.Value.Name);
            if (d.SupplyBeforeReception(officer, $"tại {officer.UnitName}", added, r.Note, Provision.DigitizedAtCounter, now) is { } notSupplied)
            {
                return notSupplied;
            }

            if (await receive.ReceiveAsync(d, officer, now, ct) is { } notReceived)
            {
                return notReceived;
            }

            audit.Record("dossier.received", $"dossier:{code}", "tại quầy, sau khi bổ sung trước tiếp nhận");
            db.Outbox.Add(OutboxMessage.Create("dossier.received", code, new { code, status = DossierStatuses.NationalCode(d.Status), d.DueAt }, now));
            return null;
        }, ct);

    public Task<Result<ActionResult>> RequestObligationAsync(string code, ObligationRequest r, CancellationToken ct)
        => RunAsync(code, "financial-obligation", DossierRight.Process, (d, by, _, now) => Task.FromResult(d.RequestFinancialObligation(by, r.Amount, r.Description, now)), ct);

    public Task<Result<ActionResult>> ConfirmPaymentAsync(string code, PaymentRequest r, CancellationToken ct)
        => RunAsync(code, "paid", DossierRight.Desk, (d, by, ctx, now) => Task.FromResult(d.ConfirmPayment(by, r.Receipt, ctx, now)), ct);

    public Task<Result<ActionResult>> ExtendAsync(string code, ExtensionRequest r, CancellationToken ct)
        => RunAsync(code, "extended", DossierRight.Lead, (d, by, ctx, now) => Task.FromResult(d.Extend(by, r.WorkingDays, r.NewDueAt, r.Reason, r.LegalBasis, ctx, now)), ct);

    public Task<Result<ActionResult>> DecideAsync(string code, ApprovalRequest r, CancellationToken ct)
        => RunAsync(code, r.Decision == "reject" ? "rejected" : "approved", DossierRight.Process, (d, by, ctx, now) => Task.FromResult(r.Decision switch
        {
            "approve" => d.Approve(r.TaskId, by, r.Comment, ctx, now),
            "reject" => d.Reject(r.TaskId, by, r.Comment, ctx, now),
            _ => Error.Invalid("decision", "Quyết định phải là \"approve\" (phê duyệt) hoặc \"reject\" (không giải quyết)."),
        }), ct);

    public Task<Result<ActionResult>> AttachResultAsync(string code, ResultRequest r, CancellationToken ct)
        => RunAsync(code, "result-attached", DossierRight.Process, async (d, by, _, now) =>
        {
            var (added, error) = await FilesAsync(d, by.Id, r.Documents ?? [], Provision.Uploaded, ct);
            if (error is not null)
            {
                return error;
            }

            d.AddResultFiles(added, now);
            return d.AttachResult(by, r.Description, added.Select(a => a.Sha256).ToList(), r.Paper, r.Number, now);
        }, ct);

    public Task<Result<ActionResult>> ReturnAsync(string code, ReturnRequest r, CancellationToken ct)
        => RunAsync(code, "returned", DossierRight.Desk, (d, by, _, now) => Task.FromResult(
            Enum.IsDefined(r.Channel) && Enum.IsDefined(r.To)
                ? d.ReturnResult(by, new ResultReturn(r.Channel, r.To, r.RecipientName?.Trim() ?? "", r.RecipientIdNumber?.Trim(), r.Authorisation?.Trim(), r.PostAddress?.Trim()), now)
                : Error.Invalid("channel", "Hình thức trả kết quả không hợp lệ.")), ct);

    public Task<Result<ActionResult>> WithdrawAsync(string code, ReasonRequest r, CancellationToken ct)
        => RunAsync(code, "withdrawn", DossierRight.Desk, (d, by, _, now) => Task.FromResult(d.Withdraw(by, r.Reason, now)), ct);

    public Task<Result<ActionResult>> StopAsync(string code, ReasonRequest r, CancellationToken ct)
        => RunAsync(code, "stopped", DossierRight.Lead, (d, by, _, now) => Task.FromResult(d.Stop(by, r.Reason, r.LegalBasis, now)), ct);

    private async Task<Result<ActionResult>> RunAsync(string code, string eventName, DossierRight right, Func<Dossier, Staff, ProcessContext, DateTimeOffset, Task<Error?>> action, CancellationToken ct)
    {
        if (Staff.From(actor) is not { } by)
        {
            return new Error("unauthorized", "Vui lòng đăng nhập bằng tài khoản cán bộ.", 401);
        }

        var dossier = await db.Set<Dossier>().Include(d => d.Tasks).FirstOrDefaultAsync(d => d.Code == code, ct);
        if (dossier is null)
        {
            return Error.NotFound($"hồ sơ {code}");
        }

        if (DossierAccess.Check(by, dossier, right) is { } refused)
        {
            return refused;
        }

        var ctx = await contexts.ForAsync(dossier, ct);
        var now = time.GetUtcNow();
        var before = dossier.Status;
        var receivedBefore = dossier.ReceivedAt is not null;
        if (await action(dossier, by, ctx, now) is { } error)
        {
            return error;
        }

        audit.Record($"dossier.{eventName}", $"dossier:{code}", $"{DossierStatuses.ApiName(before)} → {DossierStatuses.ApiName(dossier.Status)}");
        db.Outbox.Add(OutboxMessage.Create($"dossier.{eventName}", code, new { code, status = DossierStatuses.NationalCode(dossier.Status), dossier.DueAt, at = now }, now));
        if (eventName != "returned" && before != DossierStatus.ResultReturned && dossier.Status == DossierStatus.ResultReturned)
        {
            // A result asked for online is delivered the moment it is ready (Dossier.OpenReturn).
            audit.Record("dossier.returned", $"dossier:{code}", "trực tuyến, vào kho dữ liệu điện tử của công dân");
            db.Outbox.Add(OutboxMessage.Create("dossier.returned", code, new { code, status = DossierStatuses.NationalCode(dossier.Status), dossier.DueAt, at = now }, now));
        }

        // Received by this action (completed at a counter after form 02): entered in the tracking book in the same transaction.
        await using var transaction = !receivedBefore && dossier.ReceivedAt is not null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (transaction is not null)
            {
                await Book.TrackingBookNumbers.AssignAsync(db, dossier, ct);
            }

            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Hồ sơ vừa được người khác xử lý. Vui lòng tải lại và thử lại.");
        }

        return new ActionResult(code, DossierStatuses.ApiName(dossier.Status), DossierStatuses.NationalCode(dossier.Status), dossier.DueAt, dossier.Version);
    }

    internal async Task<Staff?> StaffAsync(string userName)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        return user is null ? null : new Staff(user.Id, user.FullName, user.UnitId, user.UnitName ?? "", (await users.GetRolesAsync(user)).ToList());
    }

    /// <summary>The stored files an officer attaches: each uploaded by this officer or already a file of this dossier.</summary>
    private async Task<(List<DossierAttachment> Added, Error? Error)> FilesAsync(Dossier dossier, Guid staffId, IReadOnlyList<FileRef> refs, Provision provision, CancellationToken ct)
    {
        var added = new List<DossierAttachment>();
        foreach (var r in refs)
        {
            if (!dossier.Attachments.Any(a => a.Sha256 == r.Sha256) && !await ownership.IsStaffsAsync(staffId, r.Sha256, ct))
            {
                return (added, Attachments.FileOwnership.NotYours("attachments", Attachments.FileOwnership.NotStaffsMessage(r.FileName ?? r.Sha256)));
            }

            await using var stream = r.Sha256 is { Length: 64 } sha && sha.All(char.IsAsciiHexDigitLower) ? await files.OpenAsync(sha, ct) : null;
            if (stream is null)
            {
                return (added, Error.Invalid("attachments", $"Tệp {r.FileName ?? r.Sha256} chưa được tải lên (POST /api/v1/attachments) hoặc không tồn tại."));
            }

            var head = new byte[8];
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            var type = FileKinds.Sniff(head.AsSpan(0, read)) ?? "application/octet-stream";
            added.Add(new DossierAttachment
            {
                DocumentNumber = r.DocumentNumber,
                Sha256 = r.Sha256,
                FileName = FileKinds.SafeName(r.FileName ?? "tep", type),
                ContentType = type,
                Size = stream.Length,
                Provision = provision,
            });
        }

        return (added, null);
    }
}
