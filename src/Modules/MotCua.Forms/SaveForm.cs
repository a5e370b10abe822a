using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Contracts;
using MotCua.Forms.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Forms;

internal sealed record SavedForm(Guid Id, string ProcedureCode, int ProcedureVersion, int Number, FormState State);

internal sealed record PublishedForm(Guid Id, string ProcedureCode, int ProcedureVersion, int Number, FormState State, IReadOnlyList<int> Retired);

/// <summary>
/// An administrator writes a procedure version's e-form: a checked DRAFT numbered after the last one, then
/// publishes it, which retires the form published before. The API and the administration page both call this
/// class; only administrators reach it. Every save and publication is audited.
/// </summary>
internal sealed class SaveForm(MotCuaDb db, ProcedureLookup procedures, AuditTrail audit, CurrentActor actor, TimeProvider time)
{
    public async Task<Result<SavedForm>> RunAsync(string procedureCode, int procedureVersion, FormDefinition definition, CancellationToken ct)
    {
        var procedure = await procedures.VersionAsync(procedureCode, procedureVersion, ct);
        if (procedure is null)
        {
            return Error.NotFound($"phiên bản {procedureVersion} của thủ tục có mã {procedureCode}");
        }

        definition = FormFormat.Normalize(definition);
        var errors = ValidateFormDefinition.Run(definition);
        if (errors.Count > 0)
        {
            return Result.Fail<SavedForm>(errors);
        }

        if (definition.CaseIndex is { } caseIndex && caseIndex >= Math.Max(1, procedure.Content.DocumentGroups.Count))
        {
            return Error.Invalid("caseIndex", $"Thủ tục có {procedure.Content.DocumentGroups.Count} trường hợp; số thứ tự trường hợp (caseIndex, tính từ 0) {caseIndex} không có.");
        }

        var last = await db.Set<FormDefinitionRecord>()
            .Where(f => f.ProcedureCode == procedure.Code && f.ProcedureVersion == procedure.Version)
            .MaxAsync(f => (int?)f.Number, ct) ?? 0;
        var draft = new FormDefinitionRecord
        {
            ProcedureCode = procedure.Code,
            ProcedureVersion = procedure.Version,
            Number = last + 1,
            State = FormState.Draft,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = actor.Name,
            Definition = definition,
        };
        db.Add(draft);
        audit.Record("form.saved", Subject(draft), $"draft {draft.Number}; {definition.Fields.Count()} fields");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another draft took the same number (unique procedure, version, number).
            db.ChangeTracker.Clear();
            return Error.Conflict("Một bản mẫu đơn khác của thủ tục vừa được lưu cùng lúc. Vui lòng lưu lại.");
        }

        return new SavedForm(draft.Id, draft.ProcedureCode, draft.ProcedureVersion, draft.Number, draft.State);
    }

    /// <summary>Publishes a draft and retires the version's published form, in one transaction; 409 when it is not a draft.</summary>
    public async Task<Result<PublishedForm>> PublishAsync(Guid id, CancellationToken ct)
    {
        var draft = await db.Set<FormDefinitionRecord>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (draft is null)
        {
            return Error.NotFound("bản mẫu đơn này");
        }

        if (draft.State != FormState.Draft)
        {
            return NotADraft(draft);
        }

        try
        {
            // Serializable: two administrators publishing two drafts of one version at once cannot both win.
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            var rows = await db.Set<FormDefinitionRecord>()
                .Where(f => f.ProcedureCode == draft.ProcedureCode && f.ProcedureVersion == draft.ProcedureVersion
                    && (f.Id == id || f.State == FormState.Published))
                .ToListAsync(ct);
            var target = rows.Single(f => f.Id == id);
            if (target.State != FormState.Draft)
            {
                return NotADraft(target);
            }

            var retired = rows.Where(f => f.Id != id).OrderBy(f => f.Number).ToList();
            foreach (var old in retired)
            {
                old.State = FormState.Retired;
            }

            target.State = FormState.Published;
            target.PublishedAt = time.GetUtcNow();
            target.PublishedBy = actor.Name;
            audit.Record("form.published", Subject(target),
                $"number {target.Number}" + (retired.Count > 0 ? $"; retired {string.Join(", ", retired.Select(r => r.Number))}" : ""));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new PublishedForm(target.Id, target.ProcedureCode, target.ProcedureVersion, target.Number, target.State, [.. retired.Select(r => r.Number)]);
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Mẫu đơn của thủ tục vừa được người khác thay đổi. Vui lòng tải lại trang và thử lại.");
        }
    }

    public static string Subject(FormDefinitionRecord f) => $"form:{f.ProcedureCode}/v{f.ProcedureVersion}";

    public static string StateName(FormState state) => state switch
    {
        FormState.Draft => "Bản nháp",
        FormState.Published => "Đang áp dụng",
        _ => "Đã thay thế",
    };

    private static Error NotADraft(FormDefinitionRecord f)
        => Error.Conflict($"Chỉ công bố được bản nháp; bản mẫu đơn số {f.Number} đang ở trạng thái \"{StateName(f.State)}\".");
}
