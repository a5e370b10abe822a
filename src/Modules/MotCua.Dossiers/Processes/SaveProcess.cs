using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Contracts;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.Processes;

internal sealed record SavedDraft(Guid Id, string ProcedureCode, int ProcedureVersion, int Number, DefinitionState State);

internal sealed record PublishedProcess(Guid Id, string ProcedureCode, int ProcedureVersion, int Number, DefinitionState State, IReadOnlyList<int> Retired);

/// <summary>
/// An administrator writes a procedure version's process: a checked DRAFT, numbered after the last one, then
/// publishes it, which retires the definition published before (dossiers that started with it keep it).
/// The API and the administration page both call this class; only administrators reach it.
/// </summary>
internal sealed class SaveProcess(MotCuaDb db, ProcedureLookup procedures, OrgDirectory directory, ProcessCatalog catalog, AuditTrail audit, CurrentActor actor, TimeProvider time)
{
    public const int MaxNoteLength = 1000;

    public async Task<Result<SavedDraft>> RunAsync(string procedureCode, int procedureVersion, ProcessSpec spec, string? note, CancellationToken ct)
    {
        var procedure = await procedures.VersionAsync(procedureCode, procedureVersion, ct);
        if (procedure is null)
        {
            return Error.NotFound($"phiên bản {procedureVersion} của thủ tục có mã {procedureCode}");
        }

        spec = ProcessFormat.Normalize(spec);
        var errors = new List<Error>(ValidateProcess.Run(spec));
        note = note?.Trim() ?? "";
        if (note.Length > MaxNoteLength)
        {
            errors.Add(Error.Invalid("note", $"Ghi chú dài quá {MaxNoteLength} ký tự."));
        }

        for (var i = 0; i < spec.Steps.Count; i++)
        {
            var step = spec.Steps[i];
            if (step.Performer == Performer.Unit && step.UnitCode is { Length: > 0 } code && await directory.UnitByCodeAsync(code, ct) is null)
            {
                errors.Add(Error.Invalid($"steps[{i}].unitCode", $"Bước \"{step.Id}\": không có đơn vị nào mã \"{code}\" trong danh mục tổ chức."));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        // The version's current process first (the generated default is stored as number 1 on first use), so the
        // draft numbers after it and publishing the draft retires it.
        await catalog.CurrentAsync(procedure.Code, procedure.Version, ct);
        var last = await db.Set<ProcessDefinition>()
            .Where(d => d.ProcedureCode == procedure.Code && d.ProcedureVersion == procedure.Version)
            .MaxAsync(d => (int?)d.Number, ct) ?? 0;
        var draft = new ProcessDefinition
        {
            ProcedureCode = procedure.Code,
            ProcedureVersion = procedure.Version,
            Number = last + 1,
            State = DefinitionState.Draft,
            Note = note,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = actor.Name,
            Spec = spec,
        };
        db.Add(draft);
        audit.Record("process.saved", Subject(draft), $"draft {draft.Number}; {spec.Steps.Count} steps");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another draft took the same number (unique procedure, version, number).
            db.ChangeTracker.Clear();
            return Error.Conflict("Một bản quy trình khác của thủ tục vừa được lưu cùng lúc. Vui lòng lưu lại.");
        }

        return new SavedDraft(draft.Id, draft.ProcedureCode, draft.ProcedureVersion, draft.Number, draft.State);
    }

    /// <summary>Publishes a draft and retires the version's published definition, in one transaction; 409 when it is not a draft.</summary>
    public async Task<Result<PublishedProcess>> PublishAsync(Guid id, CancellationToken ct)
    {
        var draft = await db.Set<ProcessDefinition>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (draft is null)
        {
            return Error.NotFound("bản quy trình này");
        }

        if (draft.State != DefinitionState.Draft)
        {
            return NotADraft(draft);
        }

        try
        {
            // Serializable: two administrators publishing two drafts of one version at once cannot both win.
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            var rows = await db.Set<ProcessDefinition>()
                .Where(d => d.ProcedureCode == draft.ProcedureCode && d.ProcedureVersion == draft.ProcedureVersion
                    && (d.Id == id || d.State == DefinitionState.Published))
                .ToListAsync(ct);
            var target = rows.Single(d => d.Id == id);
            if (target.State != DefinitionState.Draft)
            {
                return NotADraft(target);
            }

            var now = time.GetUtcNow();
            var retired = rows.Where(d => d.Id != id).OrderBy(d => d.Number).ToList();
            foreach (var old in retired)
            {
                old.State = DefinitionState.Retired;
            }

            target.State = DefinitionState.Published;
            target.PublishedAt = now;
            target.PublishedBy = actor.Name;
            audit.Record("process.published", Subject(target),
                $"number {target.Number}" + (retired.Count > 0 ? $"; retired {string.Join(", ", retired.Select(r => r.Number))}" : ""));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return new PublishedProcess(target.Id, target.ProcedureCode, target.ProcedureVersion, target.Number, target.State, [.. retired.Select(r => r.Number)]);
        }
        catch (Exception ex) when (ex is DbUpdateException or DbException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Quy trình của thủ tục vừa được người khác thay đổi. Vui lòng tải lại trang và thử lại.");
        }
    }

    public static string Subject(ProcessDefinition d) => $"process:{d.ProcedureCode}/v{d.ProcedureVersion}";

    private static Error NotADraft(ProcessDefinition d)
        => Error.Conflict($"Chỉ công bố được bản nháp; bản quy trình số {d.Number} đang ở trạng thái \"{ProcessLabels.State(d.State)}\".");
}
