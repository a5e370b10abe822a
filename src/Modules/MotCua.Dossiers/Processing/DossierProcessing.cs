using System.Text.Json;
using MotCua.Calendar.Clock;
using MotCua.Catalog.Contracts;
using MotCua.Dossiers.Access;
using MotCua.Dossiers.Processes;
using MotCua.Dossiers.Processing;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers;

/// <summary>
/// The rules of processing (issue "Processing"): which action is allowed in which status, for which role
/// and unit, and what it does to the steps and the clock. The use cases in Processing/ load, call and save.
/// </summary>
internal sealed partial class Dossier
{
    private readonly List<DossierTask> tasks = [];

    public IReadOnlyList<DossierTask> Tasks => tasks;

    /// <summary>The process definition the dossier started with; a newer definition never changes it.</summary>
    public Guid? ProcessDefinitionId { get; private set; }

    /// <summary>The first appointment (form 01); <see cref="DueAt"/> is the one in force.</summary>
    public DateTimeOffset? OriginalDueAt { get; private set; }

    /// <summary>Pauses and the extension, as the clock needs them (JSON of <see cref="ClockLog"/>).</summary>
    public string ClockJson { get; private set; } = "{}";
    public int SupplementRounds { get; private set; }

    /// <summary>When the result was ready (or the dossier ended otherwise): the instant the verdict uses.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }
    public DateTimeOffset? ReturnedAt { get; private set; }
    public CompletionVerdict? Verdict { get; private set; }

    /// <summary>"approved" or "rejected" once the leader has decided.</summary>
    public string? Decision { get; private set; }
    public string ResultJson { get; private set; } = "{}";
    public string ReturnJson { get; private set; } = "{}";
    public long? FeeDue { get; private set; }
    public string FeeDescription { get; private set; } = "";

    /// <summary>0 none, 1 "due soon" raised, 2 "overdue" raised, for the current <see cref="DueAt"/>.</summary>
    public int AlertLevel { get; private set; }

    public ClockLog Clock
    {
        get => JsonSerializer.Deserialize<ClockLog>(ClockJson, ProcessDefinition.Json) ?? new ClockLog();
        private set => ClockJson = JsonSerializer.Serialize(value, ProcessDefinition.Json);
    }

    public DossierResult Result => JsonSerializer.Deserialize<DossierResult>(ResultJson, ProcessDefinition.Json) ?? new DossierResult();

    public ResultReturn? Return => ReturnedAt is null ? null : JsonSerializer.Deserialize<ResultReturn>(ReturnJson, ProcessDefinition.Json);

    public bool IsOpen => Status is DossierStatus.Received or DossierStatus.InProgress or DossierStatus.SupplementRequested or DossierStatus.FinancialObligationRequested;

    public bool IsPaused => Status is DossierStatus.SupplementRequested or DossierStatus.FinancialObligationRequested && ReceivedAt is not null;

    /// <summary>The whole-dossier clock request: reception, budget, pauses, extension, the process's rules.</summary>
    public ClockRequest? ClockFor(ProcessSpec spec)
    {
        if (ReceivedAt is not { } received || Budget is not { } budget)
        {
            return null;
        }

        var log = Clock;
        return new ClockRequest(received, budget)
        {
            Pauses = log.Pauses.Select(p => new ClockPause(p.Start, p.End, p.Reason, p.Note)).ToList(),
            Extensions = log.Extension is { } x ? [x.WorkingDays is { } n ? ClockExtension.ByWorkingDays(x.GrantedAt, n, x.Reason, x.LegalBasis) : ClockExtension.ToInstant(x.GrantedAt, x.NewDue!.Value, x.Reason, x.LegalBasis)] : [],
            Rules = spec.Rules with { CutOff = ProcessingCutOff ?? spec.CutOff },
        };
    }

    public ClockBudget? Budget => Reception.DueDates.Budget(new ProcessingTime(ProcessingTimeValue, ProcessingTimeUnit, ""));

    /// <summary>At reception: the process starts; the reception step is done and the next steps open.</summary>
    public void StartProcess(ProcessContext ctx, Actor officer, DateTimeOffset now)
    {
        ProcessDefinitionId = ctx.DefinitionId;
        OriginalDueAt = DueAt;
        FlagProvisional(ctx.Clock.Calendar, original: true);
        var first = ctx.Spec.First;
        var unit = ctx.UnitOf(first);
        var task = NewTask(ctx, first, unit, now, officer.UnitName, officer.Name);
        task.AssigneeId = officer.Id;
        task.AssigneeName = officer.Name;
        Complete(task, TaskState.Done, officer.Name, now, "");
        OpenNext(ctx, first, officer, now);
    }

    public Error? Assign(Guid taskId, Staff by, Staff assignee, string? reason, DateTimeOffset now)
    {
        if (Running() is { } wrong)
        {
            return wrong;
        }

        if (OpenTask(taskId) is not { } task)
        {
            return NoTask();
        }

        if (MayAssign(task, by) is { } notLeader)
        {
            return notLeader;
        }

        if (assignee.UnitId != task.UnitId || !assignee.Roles.Contains(task.Role))
        {
            return Error.Invalid("assignee", $"Người được phân công phải thuộc {task.UnitName} và có vai trò {StaffRoles.DisplayName(task.Role)}.");
        }

        var reassign = task.AssigneeId is not null;
        if (reassign && string.IsNullOrWhiteSpace(reason))
        {
            return Error.Required("reason", "lý do phân công lại");
        }

        task.AssigneeId = assignee.Id;
        task.AssigneeName = assignee.Name;
        task.Version++;
        MoveToInProgress();
        AddEvent(now, reassign ? "reassigned" : "assigned", $"{(reassign ? "Phân công lại" : "Phân công")} xử lý bước \"{task.StepName}\"", task.UnitName, by.Name, $"Cho {assignee.Name}{(string.IsNullOrWhiteSpace(reason) ? "" : $"; lý do: {reason.Trim()}")}");
        return Changed();
    }

    public Error? Take(Guid taskId, Staff by, DateTimeOffset now)
    {
        if (Running() is { } wrong)
        {
            return wrong;
        }

        if (OpenTask(taskId) is not { } task)
        {
            return NoTask();
        }

        if (MayTake(task, by) is { } notYours)
        {
            return notYours;
        }

        task.AssigneeId = by.Id;
        task.AssigneeName = by.Name;
        task.Version++;
        MoveToInProgress();
        AddEvent(now, "taken", $"Nhận xử lý bước \"{task.StepName}\"", task.UnitName, by.Name);
        return Changed();
    }

    /// <summary>The holder finishes the step and hands the dossier on (to the next steps, or back to the center).</summary>
    /// <remarks>
    /// <paramref name="next"/>: the person the holder names for the next step (a leader assigning the specialist from
    /// where she is): they must belong to the next step's unit and have its role, and the holder must lead that unit.
    /// </remarks>
    public Error? Forward(Guid taskId, Staff by, string? comment, ProcessContext ctx, DateTimeOffset now, Staff? next = null)
    {
        if (Running() is { } wrong)
        {
            return wrong;
        }

        if (OpenTask(taskId) is not { } task)
        {
            return NoTask();
        }

        if (HolderError(task, by) is { } holderError)
        {
            return holderError;
        }

        if (task.AssigneeId is null)
        {
            task.AssigneeId = by.Id;
            task.AssigneeName = by.Name;
        }

        if (task.ConsultationOf is not null)
        {
            if (string.IsNullOrWhiteSpace(comment))
            {
                return Error.Required("comment", "ý kiến trả lời");
            }

            Complete(task, TaskState.Done, by.Name, now, comment.Trim());
            AddEvent(now, "consultation-answered", "Cơ quan phối hợp đã có ý kiến", task.UnitName, by.Name, comment.Trim());
            return Changed();
        }

        if (task.Kind == StepKind.Approval)
        {
            return new Error("use-approval", "Bước phê duyệt kết thúc bằng phê duyệt hoặc từ chối (approvals).", 409);
        }

        if (task.Kind == StepKind.Return)
        {
            return new Error("use-return", "Bước trả kết quả kết thúc bằng việc trả kết quả (returns).", 409);
        }

        if (tasks.Any(t => t.IsOpen && t.ConsultationOf == task.Id))
        {
            return Error.Conflict("Đang chờ ý kiến của cơ quan phối hợp; chưa thể chuyển bước.");
        }

        var step = ctx.Spec.Step(task.StepId)!;
        if (LeadsToReturn(ctx, step) && Decision is null && Result.Documents.Count == 0 && !Result.Paper)
        {
            return Error.Invalid("result", "Đính kèm kết quả giải quyết (bản điện tử hoặc ghi nhận bản giấy) trước khi chuyển kết quả về bộ phận trả kết quả.");
        }

        ProcessStep? nextStep = null;
        if (next is not null)
        {
            var candidates = AssignableNextSteps(ctx, step, by).ToList();
            nextStep = candidates.FirstOrDefault(s => ctx.UnitOf(s).Id == next.UnitId && next.Roles.Contains(s.Role));
            if (nextStep is null)
            {
                return candidates.Count == 0
                    ? Forbidden("Chỉ lãnh đạo của đơn vị xử lý bước tiếp theo được giao người thụ lý bước đó.")
                    : Error.Invalid("nextAssignee", $"Người được giao bước tiếp theo phải là {string.Join(" hoặc ", candidates.Select(c => $"{StaffRoles.DisplayName(c.Role)} của {ctx.UnitOf(c).Name}"))}.");
            }
        }

        Complete(task, TaskState.Done, by.Name, now, comment?.Trim() ?? "");
        AddEvent(now, "forwarded", $"Hoàn thành bước \"{task.StepName}\"", task.UnitName, by.Name, comment?.Trim() ?? "");
        MoveToInProgress();
        OpenNext(ctx, step, new Actor(by.Id, by.Name, by.UnitId, task.UnitName), now);
        if (nextStep is not null && next is not null)
        {
            if (tasks.LastOrDefault(t => t.StepId == nextStep.Id && t.IsOpen && t.ConsultationOf is null) is not { } opened)
            {
                return Error.Conflict($"Bước \"{nextStep.Name}\" chưa mở (còn chờ bước song song); phân công khi bước đó mở.");
            }

            opened.AssigneeId = next.Id;
            opened.AssigneeName = next.Name;
            AddEvent(now, "assigned", $"Phân công xử lý bước \"{opened.StepName}\"", opened.UnitName, by.Name, $"Cho {next.Name}");
        }

        return Changed();
    }

    /// <summary>The holder sends the dossier back to the previous step with a reason.</summary>
    public Error? SendBack(Guid taskId, Staff by, string? reason, ProcessContext ctx, DateTimeOffset now)
    {
        if (Running() is { } wrong)
        {
            return wrong;
        }

        if (OpenTask(taskId) is not { } task)
        {
            return NoTask();
        }

        if (HolderError(task, by) is { } holderError)
        {
            return holderError;
        }

        if (task.AssigneeId is null)
        {
            task.AssigneeId = by.Id;
            task.AssigneeName = by.Name;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Required("reason", "lý do trả lại bước trước");
        }

        var previous = ctx.Spec.Previous(task.StepId).Where(s => s.Id != ctx.Spec.First.Id).ToList();
        if (task.ConsultationOf is not null || previous.Count == 0)
        {
            return new Error("no-previous-step", "Bước này không có bước trước để trả lại (bước tiếp nhận đã hoàn thành).", 409);
        }

        Complete(task, TaskState.SentBack, by.Name, now, reason.Trim());
        foreach (var step in previous)
        {
            var earlier = tasks.Where(t => t.StepId == step.Id && t.ConsultationOf is null).OrderByDescending(t => t.OpenedAt).FirstOrDefault();
            var again = NewTask(ctx, step, ctx.UnitOf(step), now, task.UnitName, by.Name);
            again.AssigneeId = earlier?.AssigneeId;
            again.AssigneeName = earlier?.AssigneeName ?? "";
        }

        AddEvent(now, "sent-back", $"Trả lại bước trước từ bước \"{task.StepName}\"", task.UnitName, by.Name, reason.Trim());
        return Changed();
    }

    /// <summary>The holder asks another agency's opinion (liên thông); the step waits for the answer.</summary>
    public Error? Consult(Guid taskId, Staff by, Guid agencyId, string agencyName, string? question, DateTimeOffset now)
    {
        if (Running() is { } wrong)
        {
            return wrong;
        }

        if (OpenTask(taskId) is not { } task)
        {
            return NoTask();
        }

        if (HolderError(task, by) is { } holderError)
        {
            return holderError;
        }

        if (task.AssigneeId is null)
        {
            task.AssigneeId = by.Id;
            task.AssigneeName = by.Name;
        }

        if (string.IsNullOrWhiteSpace(question))
        {
            return Error.Required("question", "nội dung xin ý kiến");
        }

        if (agencyId == task.UnitId)
        {
            return Error.Invalid("agency", "Chọn một cơ quan khác để xin ý kiến.");
        }

        tasks.Add(new DossierTask
        {
            DossierId = Id,
            StepId = task.StepId,
            StepName = $"Lấy ý kiến: {task.StepName}",
            Kind = StepKind.Work,
            ConsultationOf = task.Id,
            UnitId = agencyId,
            UnitName = agencyName,
            Role = StaffRoles.Specialist,
            OpenedAt = now,
            FromUnitName = task.UnitName,
            FromPersonName = by.Name,
            Comment = question.Trim(),
        });
        AddEvent(now, "consulted", $"Xin ý kiến {agencyName}", task.UnitName, by.Name, question.Trim());
        return Changed();
    }

    /// <summary>
    /// Asks the applicant for a supplement: the clock pauses until the supplement is complete. Normally only
    /// one request is allowed; a second one is recorded and flagged (the scorecard counts such a dossier late).
    /// </summary>
    public Error? RequestSupplement(Staff by, IReadOnlyList<MissingItem> items, DateTimeOffset now)
    {
        if (MayRequestSupplement(by) is { } refused)
        {
            return refused;
        }

        if (items.Count == 0 || items.Any(i => string.IsNullOrWhiteSpace(i.Document) || string.IsNullOrWhiteSpace(i.Reason)))
        {
            return Error.Invalid("items", "Liệt kê từng giấy tờ cần bổ sung, hoàn thiện, mỗi giấy tờ kèm lý do.");
        }

        SupplementRounds++;
        Status = DossierStatus.SupplementRequested;
        MissingItemsJson = JsonSerializer.Serialize(items);
        var log = Clock;
        log.Pauses.Add(new PauseLog(now, null, PauseReason.Supplement, $"Lần {SupplementRounds}"));
        Clock = log;
        DueAt = null;
        AddEvent(now, "supplement-requested", SupplementRounds > 1
            ? $"Yêu cầu bổ sung hồ sơ lần {SupplementRounds} (vượt quá một lần: hồ sơ bị tính là trễ hạn)"
            : "Yêu cầu bổ sung, hoàn thiện hồ sơ", by.UnitName, by.Name, string.Join("; ", items.Select(i => $"{i.Document}: {i.Reason}")));
        return Changed();
    }

    /// <summary>The applicant's supplement arrives (at a counter or online): the clock resumes in the process's mode.</summary>
    public Error? SupplySupplement(Staff? by, string channelText, IReadOnlyList<DossierAttachment> added, string? note, ProcessContext ctx, DateTimeOffset now)
    {
        if (Status != DossierStatus.SupplementRequested || ReceivedAt is null)
        {
            return WrongStatus("nhận hồ sơ bổ sung");
        }

        if (NothingSupplied(added, note) is { } nothing)
        {
            return nothing;
        }

        foreach (var a in added)
        {
            Attach(a, now);
        }

        ClosePause(PauseReason.Supplement, now, ctx);
        Status = DossierStatus.InProgress;
        MissingItemsJson = null;
        AddEvent(now, "supplemented", $"Nhận hồ sơ bổ sung ({channelText}); tiếp tục giải quyết", by?.UnitName ?? "Cổng dịch vụ công", by?.Name ?? Applicant.Name, note?.Trim() ?? "");
        return Changed();
    }

    public Error? RequestFinancialObligation(Staff by, long amount, string? description, DateTimeOffset now)
    {
        if (MayRequestObligation(by) is { } refused)
        {
            return refused;
        }

        if (amount <= 0)
        {
            return Error.Invalid("amount", "Số tiền phải lớn hơn 0 đồng.");
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            return Error.Required("description", "nội dung nghĩa vụ tài chính (thuế, phí, lệ phí)");
        }

        Status = DossierStatus.FinancialObligationRequested;
        FeeDue = amount;
        FeeDescription = description.Trim();
        var log = Clock;
        log.Pauses.Add(new PauseLog(now, null, PauseReason.FinancialObligation, FeeDescription));
        Clock = log;
        DueAt = null;
        AddEvent(now, "financial-obligation", $"Chờ thực hiện nghĩa vụ tài chính: {amount:N0} đồng".Replace(',', '.'), by.UnitName, by.Name, FeeDescription);
        return Changed();
    }

    public Error? ConfirmPayment(Staff by, string? receipt, ProcessContext ctx, DateTimeOffset now)
    {
        if (Status != DossierStatus.FinancialObligationRequested)
        {
            return WrongStatus("xác nhận đã thực hiện nghĩa vụ tài chính");
        }

        if (string.IsNullOrWhiteSpace(receipt))
        {
            return Error.Required("receipt", "số biên lai hoặc chứng từ nộp tiền");
        }

        ClosePause(PauseReason.FinancialObligation, now, ctx);
        Status = DossierStatus.InProgress;
        AddEvent(now, "paid", "Đã thực hiện nghĩa vụ tài chính; tiếp tục giải quyết", by.UnitName, by.Name, receipt.Trim());
        return Changed();
    }

    /// <summary>
    /// The dossier will be late: the responsible agency apologises and sets a new date (form 04), with a
    /// reason and legal basis. The new date may be set only once.
    /// </summary>
    public Error? Extend(Staff by, int? workingDays, DateTimeOffset? newDue, string? reason, string? legalBasis, ProcessContext ctx, DateTimeOffset now)
    {
        if (Status is not (DossierStatus.Received or DossierStatus.InProgress) || DueAt is not { } due)
        {
            return WrongStatus("gia hạn");
        }

        if (MayExtend(by, ctx.Spec.Delegated) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Required("reason", "lý do chậm trễ");
        }

        if (string.IsNullOrWhiteSpace(legalBasis))
        {
            return Error.Required("legalBasis", "căn cứ pháp lý của việc gia hạn");
        }

        if ((workingDays is null) == (newDue is null))
        {
            return Error.Invalid("workingDays", "Nhập số ngày làm việc gia hạn hoặc ngày hẹn mới (một trong hai).");
        }

        if (workingDays is <= 0 or > 365)
        {
            return Error.Invalid("workingDays", "Số ngày làm việc gia hạn phải từ 1 đến 365.");
        }

        if (newDue is { } explicitDue && explicitDue <= due)
        {
            return Error.Invalid("newDueAt", "Ngày hẹn mới phải sau ngày hẹn hiện tại.");
        }

        var log = Clock;
        log.Extension = new ExtensionLog(now, workingDays, newDue?.ToUniversalTime(), reason.Trim(), legalBasis.Trim(), due, by.Name);
        Clock = log;
        Recompute(ctx);
        FlagApology(ctx, due, now);
        AddEvent(now, "extended", ApologyLate ? "Xin lỗi và hẹn lại ngày trả kết quả (xin lỗi muộn: chưa đủ một ngày làm việc trước hạn)" : "Xin lỗi và hẹn lại ngày trả kết quả", by.UnitName, by.Name, $"{reason.Trim()}; căn cứ: {legalBasis.Trim()}");
        return Changed();
    }

    public Error? Approve(Guid taskId, Staff by, string? comment, ProcessContext ctx, DateTimeOffset now)
    {
        if (Running() is { } wrong)
        {
            return wrong;
        }

        if (OpenTask(taskId) is not { Kind: StepKind.Approval } task)
        {
            return new Error("no-approval-step", "Hồ sơ không ở bước phê duyệt.", 409);
        }

        if (HolderError(task, by) is { } holderError)
        {
            return holderError;
        }

        if (task.AssigneeId is null)
        {
            task.AssigneeId = by.Id;
            task.AssigneeName = by.Name;
        }

        var step = ctx.Spec.Step(task.StepId)!;
        if (LeadsToReturn(ctx, step) && Result.Documents.Count == 0 && !Result.Paper)
        {
            return Error.Invalid("result", "Chưa có kết quả giải quyết để phê duyệt: chuyên viên đính kèm kết quả trước.");
        }

        Decision = "approved";
        Complete(task, TaskState.Done, by.Name, now, comment?.Trim() ?? "");
        AddEvent(now, "approved", "Lãnh đạo phê duyệt kết quả", task.UnitName, by.Name, comment?.Trim() ?? "");
        OpenNext(ctx, step, new Actor(by.Id, by.Name, by.UnitId, task.UnitName), now);
        return Changed();
    }

    /// <summary>The leader refuses the request with a reason: the result is the written refusal, returned like any result.</summary>
    public Error? Reject(Guid taskId, Staff by, string? reason, ProcessContext ctx, DateTimeOffset now)
    {
        if (Running() is { } wrong)
        {
            return wrong;
        }

        if (OpenTask(taskId) is not { Kind: StepKind.Approval } task)
        {
            return new Error("no-approval-step", "Hồ sơ không ở bước phê duyệt.", 409);
        }

        if (HolderError(task, by) is { } holderError)
        {
            return holderError;
        }

        if (task.AssigneeId is null)
        {
            task.AssigneeId = by.Id;
            task.AssigneeName = by.Name;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Required("reason", "lý do không giải quyết");
        }

        Decision = "rejected";
        Reason = reason.Trim();
        Complete(task, TaskState.Done, by.Name, now, reason.Trim());
        foreach (var other in tasks.Where(t => t.IsOpen))
        {
            Complete(other, TaskState.Cancelled, by.Name, now, "Hồ sơ bị từ chối giải quyết");
        }

        AddEvent(now, "rejected", "Không giải quyết, có văn bản trả lời nêu rõ lý do", task.UnitName, by.Name, reason.Trim());
        OpenReturn(ctx, new Actor(by.Id, by.Name, by.UnitId, task.UnitName), now);
        return Changed();
    }

    /// <summary>The handler attaches the result (electronic documents, and whether a paper result exists).</summary>
    public Error? AttachResult(Staff by, string? description, IReadOnlyList<string> documentHashes, bool paper, string? number, DateTimeOffset now)
    {
        if (MayAttachResult(by) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            return Error.Required("description", "tên, trích yếu kết quả giải quyết");
        }

        if (documentHashes.Count == 0 && !paper)
        {
            return Error.Invalid("documents", "Đính kèm bản điện tử của kết quả hoặc ghi nhận có bản giấy.");
        }

        var missing = documentHashes.Where(h => attachments.All(a => a.Sha256 != h)).ToList();
        if (missing.Count > 0)
        {
            return Error.Invalid("documents", "Tệp kết quả chưa được tải lên hồ sơ (thiếu mã SHA-256 " + string.Join(", ", missing) + ").");
        }

        ResultJson = JsonSerializer.Serialize(new DossierResult { Description = description.Trim(), Number = number?.Trim() ?? "", Documents = documentHashes.ToList(), Paper = paper, AttachedAt = now, AttachedBy = by.Name }, ProcessDefinition.Json);
        AddEvent(now, "result-attached", "Đã có kết quả giải quyết (chờ phê duyệt, trả kết quả)", by.UnitName, by.Name, description.Trim());
        return Changed();
    }

    /// <summary>The result goes back to the applicant: at a branch, by post or electronically, to the owner or an authorised person.</summary>
    public Error? ReturnResult(Staff by, ResultReturn handover, DateTimeOffset now)
    {
        if (MayReturn(by) is { } refused)
        {
            return refused;
        }

        var task = tasks.First(t => t.IsOpen && t.Kind == StepKind.Return);

        if (string.IsNullOrWhiteSpace(handover.RecipientName))
        {
            return Error.Required("recipientName", "tên người nhận kết quả");
        }

        if (handover.To == RecipientKind.Authorised && string.IsNullOrWhiteSpace(handover.Authorisation))
        {
            return Error.Required("authorisation", "giấy ủy quyền nhận kết quả");
        }

        if (handover.Channel == ReturnChannel.Post && string.IsNullOrWhiteSpace(handover.PostAddress))
        {
            return Error.Required("postAddress", "địa chỉ nhận qua bưu chính");
        }

        Status = DossierStatus.ResultReturned;
        ReturnedAt = now;
        ReturnJson = JsonSerializer.Serialize(handover with { UnitName = by.UnitName, OfficerName = by.Name }, ProcessDefinition.Json);
        Complete(task, TaskState.Done, by.Name, now, handover.Describe());
        AddEvent(now, "returned", handover.Channel switch
        {
            ReturnChannel.Post => "Đã gửi trả kết quả qua dịch vụ bưu chính công ích",
            ReturnChannel.Electronic => "Đã trả kết quả trực tuyến (kho dữ liệu điện tử của công dân)",
            _ => $"Đã trả kết quả tại {by.UnitName}",
        }, handover.Channel == ReturnChannel.Electronic ? OnlineChannel : by.UnitName, by.Name, handover.Describe());
        return Changed();
    }

    /// <summary>The applicant asks to withdraw the dossier (recorded by an officer): processing ends.</summary>
    public Error? Withdraw(Staff by, string? reason, DateTimeOffset now)
    {
        if (MayWithdraw(by) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Required("reason", "nội dung đề nghị rút hồ sơ của người nộp");
        }

        End(DossierStatus.WithdrawalRequested, by, now, "Công dân, tổ chức rút hồ sơ theo đề nghị", reason.Trim());
        return Changed();
    }

    /// <summary>The applicant withdraws the dossier online (signed in as its owner): processing ends.</summary>
    public Error? WithdrawByApplicant(string? reason, DateTimeOffset now)
    {
        if (!IsOpen && Status != DossierStatus.RegisteredOnline)
        {
            return WrongStatus("rút hồ sơ");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Required("reason", "lý do rút hồ sơ");
        }

        var applicant = new Staff(Guid.Empty, Applicant.Name, null, "Cổng dịch vụ công", []);
        End(DossierStatus.WithdrawalRequested, applicant, now, "Công dân, tổ chức rút hồ sơ trực tuyến", reason.Trim());
        return Changed();
    }

    /// <summary>The competent agency stops processing, with a reason and legal basis (notice, form 05).</summary>
    public Error? Stop(Staff by, string? reason, string? legalBasis, DateTimeOffset now)
    {
        if (MayStop(by) is { } refused)
        {
            return refused;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Required("reason", "lý do dừng giải quyết");
        }

        if (string.IsNullOrWhiteSpace(legalBasis))
        {
            return Error.Required("legalBasis", "căn cứ pháp lý dừng giải quyết");
        }

        Reason = reason.Trim();
        LegalBasis = legalBasis.Trim();
        End(DossierStatus.Stopped, by, now, "Dừng giải quyết hồ sơ (có thông báo)", $"{Reason}; căn cứ: {LegalBasis}");
        return Changed();
    }

    /// <summary>Result files join the dossier's attachments (document number 0: not a checklist line).</summary>
    public void AddResultFiles(IEnumerable<DossierAttachment> files, DateTimeOffset now)
    {
        foreach (var f in files.Where(f => attachments.All(a => a.Sha256 != f.Sha256)))
        {
            Attach(f, now);
        }
    }

    /// <summary>For generated load and demo data: the dossier is at this step, in this status.</summary>
    internal void Generated(DossierTask current, DossierStatus status)
    {
        OriginalDueAt = DueAt;
        tasks.Add(current);
        Status = status;
    }

    private void End(DossierStatus status, Staff by, DateTimeOffset now, string text, string note)
    {
        var log = Clock;
        foreach (var open in log.Pauses.Where(p => p.End is null).ToList())
        {
            log.Pauses[log.Pauses.IndexOf(open)] = open with { End = now };
        }

        Clock = log;
        foreach (var t in tasks.Where(t => t.IsOpen))
        {
            Complete(t, TaskState.Cancelled, by.Name, now, text);
        }

        Status = status;
        FinishedAt = now;
        AddEvent(now, ApiEvent(status), text, by.UnitName, by.Name, note);
    }

    private static string ApiEvent(DossierStatus status) => status == DossierStatus.Stopped ? "stopped" : "withdrawn";

    private void ClosePause(PauseReason reason, DateTimeOffset now, ProcessContext ctx)
    {
        var log = Clock;
        var open = log.Pauses.LastOrDefault(p => p.End is null && p.Reason == reason);
        if (open is not null)
        {
            log.Pauses[log.Pauses.IndexOf(open)] = open with { End = now };
        }

        Clock = log;
        Recompute(ctx);
    }

    /// <summary>The due instants after a pause ended or an extension: the dossier's and each open step's.</summary>
    private void Recompute(ProcessContext ctx)
    {
        if (ClockFor(ctx.Spec) is { } request)
        {
            DueAt = ctx.Clock.Compute(request).Due;
            AlertLevel = 0;
            FlagProvisional(ctx.Clock.Calendar, original: false);
        }

        foreach (var t in tasks.Where(t => t.IsOpen && t.ConsultationOf is null))
        {
            t.DueAt = StepDue(ctx, t.OpenedAt, t.BudgetPercent);
            t.AlertLevel = 0;
        }
    }

    private void OpenNext(ProcessContext ctx, ProcessStep done, Actor from, DateTimeOffset now)
    {
        foreach (var id in done.Next)
        {
            var step = ctx.Spec.Step(id)!;

            // A join opens when every step leading into it is done in this round.
            var waitingFor = ctx.Spec.Previous(id).Where(p => p.Id != done.Id).Any(p => tasks.Any(t => t.StepId == p.Id && t.ConsultationOf is null && t.IsOpen)
                || !tasks.Any(t => t.StepId == p.Id && t.State == TaskState.Done));
            if (waitingFor || tasks.Any(t => t.StepId == id && t.IsOpen))
            {
                continue;
            }

            if (step.Kind == StepKind.Return)
            {
                OpenReturn(ctx, from, now);
                continue;
            }

            NewTask(ctx, step, ctx.UnitOf(step), now, from.UnitName, from.Name);
        }
    }

    private void OpenReturn(ProcessContext ctx, Actor from, DateTimeOffset now)
    {
        var step = ctx.Spec.Steps.First(s => s.Kind == StepKind.Return);
        NewTask(ctx, step, ctx.UnitOf(step), now, from.UnitName, from.Name);
        Status = DossierStatus.Resolved;
        FinishedAt = now;
        if (ClockFor(ctx.Spec) is { } request)
        {
            Verdict = SupplementRounds > 1 ? CompletionVerdict.Late : ctx.Clock.Judge(request, now).Verdict;
        }

        if (DeliversOnline && Result is { Paper: false, Documents.Count: > 0 })
        {
            // Asked for online (kho dữ liệu điện tử): the electronic result is the delivery — it is in the citizen's
            // store now, so it is returned here, once, not handed over again "at" the receiving branch.
            var task = tasks.Last(t => t.IsOpen && t.Kind == StepKind.Return);
            var handover = new ResultReturn(ReturnChannel.Electronic, RecipientKind.Owner, Applicant.Name, Applicant.IdNumber, null, null) { UnitName = OnlineChannel, OfficerName = from.Name };
            Status = DossierStatus.ResultReturned;
            ReturnedAt = now;
            ReturnJson = JsonSerializer.Serialize(handover, ProcessDefinition.Json);
            Complete(task, TaskState.Done, from.Name, now, handover.Describe());
            AddEvent(now, "returned", Decision == "rejected"
                ? "Đã trả văn bản trả lời trực tuyến (kho dữ liệu điện tử của công dân)"
                : "Đã trả kết quả trực tuyến (kho dữ liệu điện tử của công dân)", OnlineChannel, from.Name);
            return;
        }

        AddEvent(now, "resolved", Decision == "rejected" ? "Đã có văn bản trả lời, chờ trả cho công dân, tổ chức" : "Đã có kết quả, chờ trả cho công dân, tổ chức", from.UnitName, from.Name);
    }

    /// <summary>Where a result delivered online is returned (the timeline's unit).</summary>
    public const string OnlineChannel = "Cổng dịch vụ công";

    /// <summary>The applicant asked for the result online (electronic, in their data store).</summary>
    public bool DeliversOnline => ResultDelivery == Reception.DossierDraft.DeliveryText(Reception.ResultDelivery.Online, null, "");

    private DossierTask NewTask(ProcessContext ctx, ProcessStep step, (Guid Id, string Name) unit, DateTimeOffset now, string fromUnit, string fromPerson)
    {
        var task = new DossierTask
        {
            DossierId = Id,
            StepId = step.Id,
            StepName = step.Name,
            Kind = step.Kind,
            UnitId = unit.Id,
            UnitName = unit.Name,
            Role = step.Role,
            BudgetPercent = step.BudgetPercent,
            OpenedAt = now,
            DueAt = StepDue(ctx, now, step.BudgetPercent),
            FromUnitName = fromUnit,
            FromPersonName = fromPerson,
        };
        tasks.Add(task);
        return task;
    }

    /// <summary>A step's own due instant: its share of the procedure's working time from its start (calendar-day procedures: 8 working hours per day).</summary>
    private DateTimeOffset? StepDue(ProcessContext ctx, DateTimeOffset start, decimal percent)
    {
        if (Budget is not { } budget || percent <= 0)
        {
            return null;
        }

        var hours = budget.Unit == ClockUnit.WorkingHours ? budget.Amount : budget.Amount * (decimal)ctx.Clock.Calendar.Hours.DayLength.TotalHours;
        var share = Math.Max(0.25m, Math.Round(hours * percent / 100m, 2));
        var request = new ClockRequest(start, ClockBudget.WorkingHours(share))
        {
            Pauses = Clock.Pauses.Where(p => p.End is null || p.End > start).Select(p => new ClockPause(p.Start, p.End, PauseReason.Other, p.Note)).ToList(),
        };
        return ctx.Clock.Compute(request).Due;
    }

    private static void Complete(DossierTask task, TaskState state, string by, DateTimeOffset now, string comment)
    {

        task.State = state;
        task.CompletedAt = now;
        task.CompletedByName = by;
        if (comment.Length > 0)
        {
            task.Comment = task.Comment.Length > 0 ? $"{task.Comment} — {comment}" : comment;
        }

        task.Version++;
    }

    private bool LeadsToReturn(ProcessContext ctx, ProcessStep step)
        => step.Next.Any(n => ctx.Spec.Step(n)?.Kind == StepKind.Return);

    private void MoveToInProgress()
    {
        if (Status == DossierStatus.Received)
        {
            Status = DossierStatus.InProgress;
        }
    }

    private Error? Running() => Status is DossierStatus.Received or DossierStatus.InProgress ? null : WrongStatus("xử lý");

    private DossierTask? OpenTask(Guid id) => tasks.FirstOrDefault(t => t.Id == id && t.IsOpen);

    private static Error NoTask() => new("no-open-task", "Bước xử lý này không còn mở (đã được chuyển hoặc đã kết thúc); tải lại hồ sơ.", 409);

    private static Error? HolderError(DossierTask task, Staff by)
    {
        if (task.AssigneeId == by.Id || (task.AssigneeId is null && by.MayWorkOn(task)) || by.LeadsUnit(task.UnitId))
        {
            return null;
        }

        return Forbidden(task.AssigneeId is null
            ? $"Bước \"{task.StepName}\" do {StaffRoles.DisplayName(task.Role)} của {task.UnitName} xử lý."
            : $"Bước \"{task.StepName}\" đang được giao cho {task.AssigneeName}.");
    }

    // The rules of who may act now, one per action: the mutators above start with them, and the dossier page
    // (Processing/AvailableActions) offers only the actions whose rule answers null.

    public Error? MayTake(DossierTask task, Staff by)
    {
        if (Running() is { } wrong)
        {
            return wrong;
        }

        if (!by.MayWorkOn(task))
        {
            return Forbidden($"Bước \"{task.StepName}\" do {StaffRoles.DisplayName(task.Role)} của {task.UnitName} xử lý.");
        }

        return task.AssigneeId is { } holder && holder != by.Id
            ? Error.Conflict($"Bước này đã được giao cho {task.AssigneeName}; lãnh đạo đơn vị có thể phân công lại.")
            : null;
    }

    public Error? MayAssign(DossierTask task, Staff by)
        => Running() ?? (by.LeadsUnit(task.UnitId) ? null : Forbidden("Chỉ lãnh đạo của đơn vị xử lý bước này được phân công."));

    /// <summary>Forward, send back, consult, approve or reject this step: its assignee, anyone of its unit and role while unassigned, its unit's leader.</summary>
    public Error? MayHandle(DossierTask task, Staff by) => Running() ?? HolderError(task, by);

    /// <summary>The next steps of <paramref name="step"/> whose specialist <paramref name="by"/> may name while forwarding: those of a unit she leads.</summary>
    public static IEnumerable<ProcessStep> AssignableNextSteps(ProcessContext ctx, ProcessStep step, Staff by)
        => step.Next.Select(ctx.Spec.Step).OfType<ProcessStep>().Where(s => s.Kind != StepKind.Return && by.LeadsUnit(ctx.UnitOf(s).Id));

    public Error? MayAttachResult(Staff by)
    {
        if (Status is not (DossierStatus.Received or DossierStatus.InProgress))
        {
            return WrongStatus("đính kèm kết quả");
        }

        return by.HoldsAnyOpenTask(tasks.Where(t => t.Kind != StepKind.Return)) ? null : Forbidden("Chỉ người đang xử lý hồ sơ được đính kèm kết quả.");
    }

    public Error? MayRequestSupplement(Staff by)
    {
        if (Status is not (DossierStatus.Received or DossierStatus.InProgress))
        {
            return WrongStatus("yêu cầu bổ sung");
        }

        return by.HoldsAnyOpenTask(tasks) || by.LeadsUnit(ReceivingUnitId) || by.IsDirector ? null : Forbidden("Chỉ người đang xử lý hồ sơ được yêu cầu bổ sung.");
    }

    public Error? MayRequestObligation(Staff by)
    {
        if (Status is not (DossierStatus.Received or DossierStatus.InProgress))
        {
            return WrongStatus("yêu cầu thực hiện nghĩa vụ tài chính");
        }

        return by.HoldsAnyOpenTask(tasks) || by.IsDirector ? null : Forbidden("Chỉ người đang xử lý hồ sơ được yêu cầu thực hiện nghĩa vụ tài chính.");
    }

    public Error? MayExtend(Staff by, bool delegated)
    {
        if (Status is not (DossierStatus.Received or DossierStatus.InProgress) || DueAt is null)
        {
            return WrongStatus("gia hạn");
        }

        if (!by.LeadsUnit(AgencyId) && !by.IsDirector && !(by.LeadsUnit(ReceivingUnitId) && delegated))
        {
            return Forbidden("Chỉ lãnh đạo cơ quan giải quyết được xin lỗi và hẹn lại ngày trả kết quả.");
        }

        return Clock.Extension is not null ? Error.Conflict("Hồ sơ đã được hẹn lại ngày trả kết quả một lần; không được gia hạn lần thứ hai.") : null;
    }

    public Error? MayReturn(Staff by)
    {
        if (Status != DossierStatus.Resolved || tasks.FirstOrDefault(t => t.IsOpen && t.Kind == StepKind.Return) is not { } task)
        {
            return WrongStatus("trả kết quả");
        }

        return by.Roles.Contains(task.Role) || by.IsDirector || by.Roles.Contains(StaffRoles.BranchManager) ? null : Forbidden($"Trả kết quả do {StaffRoles.DisplayName(task.Role)} thực hiện.");
    }

    public Error? MayWithdraw(Staff by)
    {
        if (!IsOpen)
        {
            return WrongStatus("rút hồ sơ");
        }

        return by.Roles.Contains(StaffRoles.ReceptionOfficer) || by.IsDirector || by.Roles.Contains(StaffRoles.BranchManager) ? null : Forbidden("Đề nghị rút hồ sơ được tiếp nhận tại bộ phận một cửa.");
    }

    public Error? MayStop(Staff by)
    {
        if (!IsOpen)
        {
            return WrongStatus("dừng giải quyết");
        }

        return by.LeadsUnit(AgencyId) || by.IsDirector ? null : Forbidden("Chỉ lãnh đạo cơ quan giải quyết được dừng giải quyết hồ sơ.");
    }

    private Error WrongStatus(string action)
        => new("wrong-status", $"Hồ sơ đang ở trạng thái \"{DossierStatuses.Vietnamese(Status)}\", không thể {action}.", 409);

    private static Error Forbidden(string message) => new("forbidden", message, 403);

    private Error? Changed()
    {
        Version++;
        return null;
    }
}

/// <summary>What an action needs besides the dossier: its process, the unit of each step, the clock in force.</summary>
internal sealed record ProcessContext(Guid DefinitionId, ProcessSpec Spec, IReadOnlyDictionary<string, (Guid Id, string Name)> Units, DeadlineClock Clock)
{
    public (Guid Id, string Name) UnitOf(ProcessStep step) => Units[step.Id];
}

/// <summary>The pauses and the one extension of a dossier's clock.</summary>
internal sealed class ClockLog
{
    public List<PauseLog> Pauses { get; set; } = [];
    public ExtensionLog? Extension { get; set; }
}

internal sealed record PauseLog(DateTimeOffset Start, DateTimeOffset? End, PauseReason Reason, string Note);

internal sealed record ExtensionLog(DateTimeOffset GrantedAt, int? WorkingDays, DateTimeOffset? NewDue, string Reason, string LegalBasis, DateTimeOffset PreviousDue, string GrantedBy);

/// <summary>The result of the dossier: what it is, its number, the electronic documents (SHA-256 of attachments) and whether a paper original exists.</summary>
internal sealed class DossierResult
{
    public string Description { get; set; } = "";
    public string Number { get; set; } = "";
    public List<string> Documents { get; set; } = [];
    public bool Paper { get; set; }
    public DateTimeOffset? AttachedAt { get; set; }
    public string AttachedBy { get; set; } = "";
}

internal enum RecipientKind
{
    Owner = 1,
    Authorised = 2,
}

internal enum ReturnChannel
{
    Counter = 1,
    Post = 2,
    Electronic = 3,
}

internal sealed record ResultReturn(ReturnChannel Channel, RecipientKind To, string RecipientName, string? RecipientIdNumber, string? Authorisation, string? PostAddress)
{
    public string UnitName { get; init; } = "";
    public string OfficerName { get; init; } = "";

    public string Describe() => Channel switch
    {
        ReturnChannel.Post => $"Qua bưu chính đến {PostAddress}; người nhận: {RecipientName}",
        ReturnChannel.Electronic => $"Trả kết quả trực tuyến vào kho dữ liệu điện tử của {RecipientName}",
        _ => To == RecipientKind.Authorised ? $"Người được ủy quyền: {RecipientName} ({Authorisation})" : $"Chủ hồ sơ: {RecipientName}",
    };
}
