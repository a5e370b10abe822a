using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Contracts;
using MotCua.Forms.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Startup;

namespace MotCua.Forms.Seed;

/// <summary>
/// The e-forms written from the official declarations (tờ khai) of the procedures a ward and the center file most,
/// kept as data (seed/forms/*.json, embedded). On start-up each is stored and published as form number 1 of the
/// procedure's current version when that version has no stored form yet; from then on it is an ordinary stored
/// form that administrators edit on /admin/forms/{code} (a new draft, then publication). Nothing an administrator
/// saved is ever replaced.
/// </summary>
internal sealed class FormSeeder(MotCuaDb db, ProcedureLookup procedures, TimeProvider time) : ISeeder
{
    public const string SeedBy = "seed:forms";

    public int Order => 60;

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var seed in SeedForms.All())
        {
            var procedure = await procedures.CurrentAsync(seed.ProcedureCode, ct);
            if (procedure is null
                || await db.Set<FormDefinitionRecord>().AnyAsync(f => f.ProcedureCode == procedure.Code && f.ProcedureVersion == procedure.Version, ct))
            {
                continue;
            }

            var now = time.GetUtcNow();
            db.Add(new FormDefinitionRecord
            {
                ProcedureCode = procedure.Code,
                ProcedureVersion = procedure.Version,
                Number = 1,
                State = FormState.Published,
                CreatedAt = now,
                CreatedBy = SeedBy,
                PublishedAt = now,
                PublishedBy = SeedBy,
                Definition = SeedForms.WithDocuments(seed.Definition, procedure.Content),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node seeded the same form at the same moment (unique procedure, version, number).
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>One seed form: the procedure it is for and its definition (shared parts resolved).</summary>
internal sealed record SeedForm(string ProcedureCode, FormDefinition Definition);

/// <summary>
/// Reads seed/forms: each file is {"procedureCode": …, "form": {…}} in the format administrators edit, with two
/// shorthands resolved from _shared.json — a section written {"use": "declarant"} is the shared section of that
/// name, and a field's "optionList": "ethnicities" is the shared choice list of that name (the 54 ethnic groups,
/// the nationalities, sex…). The upload section comes from the catalog (the documents of the procedure's case).
/// </summary>
internal static class SeedForms
{
    private const string Prefix = "forms/";
    private const string SharedFile = Prefix + "_shared.json";

    public static IReadOnlyList<SeedForm> All()
    {
        var assembly = typeof(SeedForms).Assembly;
        var shared = Read(SharedFile)!.AsObject();
        var sections = shared["sections"]!.AsObject();
        var lists = shared["optionLists"]!.AsObject();
        var forms = new List<SeedForm>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n != SharedFile).Order(StringComparer.Ordinal))
        {
            var root = Read(name)!.AsObject();
            var form = root["form"]!.AsObject();
            var resolved = new JsonArray();
            foreach (var section in form["sections"]!.AsArray())
            {
                var use = section!["use"]?.GetValue<string>();
                var copy = use is null ? section.DeepClone() : sections[use]?.DeepClone() ?? throw new InvalidOperationException($"{name}: no shared section \"{use}\".");
                foreach (var field in Fields(copy))
                {
                    if (field["optionList"]?.GetValue<string>() is { } list)
                    {
                        field.Remove("optionList");
                        field["options"] = lists[list]?.DeepClone() ?? throw new InvalidOperationException($"{name}: no shared option list \"{list}\".");
                    }
                }

                resolved.Add(copy);
            }

            form["sections"] = resolved;
            var (definition, error) = FormFormat.Read(form.ToJsonString());
            if (error is not null)
            {
                throw new InvalidOperationException($"{name}: {error.Message}");
            }

            forms.Add(new SeedForm(root["procedureCode"]!.GetValue<string>(), definition!));
        }

        return forms;
    }

    /// <summary>The form with the upload of each document of the procedure's case appended (the generated form's), unless it has its own uploads.</summary>
    public static FormDefinition WithDocuments(FormDefinition definition, ProcedureContent content)
    {
        if (definition.Fields.Any(f => f.Type == FieldTypes.File))
        {
            return definition;
        }

        var generated = DefaultForm.For(content, definition.CaseIndex);
        var uploads = generated.Sections.Where(s => s.Fields.Any(f => f.Type == FieldTypes.File)).ToList();
        return uploads.Count == 0 ? definition : definition with { CaseIndex = generated.CaseIndex, Sections = [.. definition.Sections, .. uploads] };
    }

    private static IEnumerable<JsonObject> Fields(JsonNode section)
    {
        foreach (var field in section["fields"]?.AsArray() ?? [])
        {
            if (field is JsonObject f)
            {
                yield return f;
                foreach (var sub in f["fields"]?.AsArray().OfType<JsonObject>() ?? [])
                {
                    yield return sub;
                }
            }
        }
    }

    private static JsonNode? Read(string name)
    {
        using var stream = typeof(SeedForms).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Seed file {name} is not embedded.");
        return JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
    }
}
