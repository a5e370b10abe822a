using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Contracts;
using MotCua.Platform.Data;

namespace MotCua.Forms.Contracts;

/// <summary>The form a procedure version is filed with: its published form, or the generated default (<see cref="Record"/> null).</summary>
public sealed record CurrentForm(ProcedureRef Procedure, FormDefinition Definition)
{
    /// <summary>The published definition it comes from; null = the generated default form.</summary>
    internal FormDefinitionRecord? Record { get; init; }

    public bool Generated => Record is null;
}

/// <summary>A form as the API shows it; <c>definition</c> is the JSON an administrator edits and posts back as a draft.</summary>
internal sealed record FormView(
    string ProcedureCode, int ProcedureVersion, string ProcedureName, Guid? Id, int? Number, FormState State, bool Generated,
    DateTimeOffset? CreatedAt, string? CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy, JsonElement Definition)
{
    public static FormView From(CurrentForm form)
        => form.Record is { } r
            ? From(r, form.Procedure.Content.Name)
            : new(form.Procedure.Code, form.Procedure.Version, form.Procedure.Content.Name, null, null, FormState.Published, true,
                null, null, null, null, FormFormat.ToJsonElement(form.Definition));

    public static FormView From(FormDefinitionRecord r, string procedureName)
        => new(r.ProcedureCode, r.ProcedureVersion, procedureName, r.Id, r.Number, r.State, false,
            r.CreatedAt, r.CreatedBy, r.PublishedAt, r.PublishedBy, FormFormat.ToJsonElement(r.Definition));
}

/// <summary>Reads the stored forms of procedure versions (the page, the API and the portal's filing pages).</summary>
public sealed class FormCatalog(MotCuaDb db, ProcedureLookup procedures)
{
    /// <summary>The current form of a version (the latest version when <paramref name="version"/> is null); null for an unknown procedure or version.</summary>
    public async Task<CurrentForm?> CurrentAsync(string procedureCode, int? version, CancellationToken ct)
    {
        var procedure = version is { } v ? await procedures.VersionAsync(procedureCode, v, ct) : await procedures.CurrentAsync(procedureCode, ct);
        if (procedure is null)
        {
            return null;
        }

        var published = await db.Set<FormDefinitionRecord>().AsNoTracking()
            .Where(f => f.ProcedureCode == procedure.Code && f.ProcedureVersion == procedure.Version && f.State == FormState.Published)
            .OrderByDescending(f => f.Number)
            .FirstOrDefaultAsync(ct);
        return published is null
            ? new CurrentForm(procedure, DefaultForm.For(procedure.Content))
            : new CurrentForm(procedure, published.Definition) { Record = published };
    }

    /// <summary>Every stored form of the procedure's versions, latest version and number first.</summary>
    internal Task<List<FormDefinitionRecord>> ListAsync(string procedureCode, CancellationToken ct)
        => db.Set<FormDefinitionRecord>().AsNoTracking()
            .Where(f => f.ProcedureCode == procedureCode)
            .OrderByDescending(f => f.ProcedureVersion).ThenByDescending(f => f.Number)
            .ToListAsync(ct);

    internal Task<FormDefinitionRecord?> ByIdAsync(Guid id, CancellationToken ct)
        => db.Set<FormDefinitionRecord>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
}
