using MotCua.Catalog.Contracts;
using MotCua.Dossiers.Codes;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Idempotency;
using MotCua.Platform.Identity;
using MotCua.Platform.Outbox;
using MotCua.Platform.Text;

namespace MotCua.Dossiers.Reception;

/// <summary>
/// A reception officer at a branch or point takes a dossier, for any procedure and any applicant wherever
/// they live (phi địa giới), and receives it, asks for a supplement, or refuses it. The code is issued and the
/// dossier saved in one transaction: what the slip says exists exactly once.
/// </summary>
internal sealed class ReceiveAtCounter(MotCuaDb db, DossierDraft drafts, Attachments.FileOwnership ownership, DueDates dueDates, Processes.ProcessCatalog processes, Processing.ProcessContexts contexts, OrgDirectory directory, CurrentActor actor, AuditTrail audit, TimeProvider time)
{
    public async Task<Result<ReceptionResult>> RunAsync(ReceptionRequest request, CancellationToken ct, string? idempotencyKey = null)
    {
        if (IdempotencyStore.Validate(idempotencyKey) is { } keyError)
        {
            return keyError;
        }

        var scopedKey = idempotencyKey is null ? null : IdempotencyStore.Scoped($"staff:{actor.UserId}", idempotencyKey);
        var requestHash = IdempotencyStore.Hash(request);
        if (await DossierKeys.FindAsync(db, scopedKey, requestHash, ct) is { } earlier)
        {
            return earlier;
        }

        var unit = actor.UnitId is { } unitId ? await directory.UnitAsync(unitId, ct) : null;
        if (unit is null || unit.Kind is not (OrgUnitKind.Branch or OrgUnitKind.ReceptionPoint or OrgUnitKind.ServicePoint or OrgUnitKind.Center))
        {
            return new Error("forbidden", "Chỉ cán bộ tiếp nhận của Trung tâm, chi nhánh hoặc điểm tiếp nhận được tiếp nhận hồ sơ tại quầy.", 403);
        }

        var errors = ActionErrors(request);
        var (draft, draftErrors) = await drafts.BuildAsync(request, Channel.Counter, unit.WardCode, unit.Name, ct);
        errors.AddRange(draftErrors);
        if (errors.Count > 0 || draft is null)
        {
            return errors;
        }

        // The scans are the officer's own: a citizen's private upload or another officer's file is not attached by its hash.
        foreach (var file in draft.Attachments.DistinctBy(a => a.Sha256))
        {
            if (!await ownership.IsStaffsAsync(actor.UserId ?? Guid.Empty, file.Sha256, ct))
            {
                return Attachments.FileOwnership.NotYours("documents", Attachments.FileOwnership.NotStaffsMessage(file.FileName));
            }
        }

        var now = time.GetUtcNow();
        var process = request.Action == ReceptionAction.Receive
            ? await contexts.BuildAsync(await processes.CurrentAsync(draft.Procedure.Code, draft.Procedure.Version, ct), (unit.Id, unit.Name), (draft.Agency.Id, draft.Agency.Name), draft.Applicant.WardCode, ct)
            : null;
        var cutOff = process is not null ? dueDates.CutOff(draft.Procedure.Content.ReceptionCutOff, process.Spec) : null;
        var due = process is not null ? await dueDates.DueAtAsync(now, draft.Time, ct, DueDates.Rules(process.Spec, cutOff)) : null;
        var officer = new Dossier.Actor(actor.UserId, actor.DisplayName, unit.Id, unit.Name);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (code, sequence) = await DossierCodes.NextAsync(db, draft.Agency.ElectronicId!, now, ct);
        var data = New(draft, code, sequence, Channel.Counter, request, unit.Name);
        data = data with { Procedure = data.Procedure with { CutOff = cutOff ?? data.Procedure.CutOff } };
        var dossier = request.Action switch
        {
            ReceptionAction.Receive => Dossier.ReceiveAtCounter(data, officer, now, due),
            ReceptionAction.RequestSupplement => Dossier.GuideAtCounter(data, officer, request.Missing!, now),
            _ => Dossier.RefuseAtCounter(data, officer, request.Reason!, request.LegalBasis, now),
        };
        if (process is not null)
        {
            dossier.StartProcess(process, officer, now);
        }

        await Book.TrackingBookNumbers.AssignAsync(db, dossier, ct);
        db.Add(dossier);
        audit.Record($"dossier.{dossier.Events[^1].Kind}", $"dossier:{code}", $"{draft.Procedure.Code} v{draft.Procedure.Version}; {dossier.Applicant.Name}");
        db.Outbox.Add(OutboxMessage.Create($"dossier.{dossier.Events[^1].Kind}", code, new { code, status = DossierStatuses.NationalCode(dossier.Status), dossier.DueAt }, now));
        return await SaveOnceAsync(db, transaction, (scopedKey, requestHash), code, now, new ReceptionResult(code, dossier.Status, dossier.ReceivedAt, dossier.DueAt), ct);
    }

    /// <summary>
    /// Commits the dossier with its idempotency key; a concurrent twin that won the key gets its dossier back instead.
    /// The key is claimed with INSERT … ON CONFLICT DO NOTHING: losing the race is an answer, not a logged error.
    /// </summary>
    internal static async Task<Result<ReceptionResult>> SaveOnceAsync(
        MotCuaDb db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, (string? Scoped, string RequestHash) key, string code, DateTimeOffset now, ReceptionResult result, CancellationToken ct)
    {
        if (key.Scoped is { } scopedKey && !await IdempotencyStore.ClaimAsync(db, scopedKey, key.RequestHash, code, now, ct))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return await DossierKeys.FindAsync(db, scopedKey, key.RequestHash, ct) is { } earlier
                ? earlier
                : Error.Conflict("Yêu cầu đang được xử lý, vui lòng thử lại sau ít giây.");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>The number of sets (bộ) a counter reception may record (form 01 "Số lượng hồ sơ"; 1 when not given).</summary>
    internal const int MinSets = 1;

    internal const int MaxSets = 20;

    /// <summary>Documents one supplement request may list (the slip's table and the timeline note stay readable).</summary>
    internal const int MaxMissingItems = 30;

    internal static List<Error> ActionErrors(ReceptionRequest request)
    {
        var errors = new List<Error>();
        switch (request.Action)
        {
            case ReceptionAction.RequestSupplement when request.Missing is not { Count: > 0 }:
                errors.Add(Error.Invalid("missing", "Liệt kê ít nhất một giấy tờ cần bổ sung, hoàn thiện và lý do."));
                break;
            case ReceptionAction.RequestSupplement when request.Missing!.Any(m => string.IsNullOrWhiteSpace(m.Document) || string.IsNullOrWhiteSpace(m.Reason)):
                errors.Add(Error.Invalid("missing", "Mỗi nội dung cần bổ sung phải có tên giấy tờ và lý do."));
                break;
            case ReceptionAction.Refuse when string.IsNullOrWhiteSpace(request.Reason):
                errors.Add(Error.Required("reason", "lý do từ chối tiếp nhận"));
                break;
            case not (ReceptionAction.Receive or ReceptionAction.RequestSupplement or ReceptionAction.Refuse):
                errors.Add(Error.Invalid("action", "Thao tác phải là tiếp nhận, yêu cầu bổ sung hoặc từ chối."));
                break;
        }

        if (request.Missing is { Count: > MaxMissingItems })
        {
            errors.Add(Error.Invalid("missing", $"Một lần yêu cầu bổ sung tối đa {MaxMissingItems} nội dung."));
        }

        for (var i = 0; i < (request.Missing?.Count ?? 0) && i < MaxMissingItems; i++)
        {
            TextLimits.Check(request.Missing![i].Document, TextLimits.Label, $"missing[{i}].document", "tên giấy tờ cần bổ sung", errors);
            TextLimits.Check(request.Missing[i].Reason, TextLimits.Reason, $"missing[{i}].reason", "lý do cần bổ sung", errors);
        }

        if (request.Sets is < MinSets or > MaxSets)
        {
            errors.Add(Error.Invalid("sets", $"Số bộ hồ sơ phải là số nguyên từ {MinSets} đến {MaxSets}."));
        }

        TextLimits.Check(request.Reason, TextLimits.Reason, "reason", "lý do", errors);
        TextLimits.Check(request.LegalBasis, TextLimits.LegalBasis, "legalBasis", "căn cứ pháp lý", errors);
        return errors;
    }

    internal static Dossier.NewDossier New(DossierDraft.Built draft, string code, int sequence, Channel channel, ReceptionRequest request, string receivingUnitName)
        => new(
            code,
            sequence,
            new Dossier.ProcedureSnapshot(draft.Procedure.Id, draft.Procedure.Code, draft.Procedure.Version, draft.Procedure.Content.Name, draft.Agency.Id, draft.Agency.Name, draft.Time?.Value, draft.Time?.Unit ?? TimeUnit.WorkingDays) { CutOff = draft.Procedure.Content.ReceptionCutOff },
            draft.Case?.Case is { Length: > 0 } c && c != "--" ? c : "",
            channel,
            draft.Applicant,
            draft.Submitter,
            draft.Documents,
            draft.Attachments,
            draft.FormDataJson,
            DossierDraft.DeliveryText(request.Delivery, request.PostAddress, receivingUnitName),
            channel == Channel.Online ? 1 : request.Sets ?? 1);
}
