using MotCua.Forms.Contracts;

namespace MotCua.Forms;

internal enum FormState
{
    Draft = 1,
    Published = 2,

    /// <summary>Replaced by a newer published form; kept, so a submission can show the form it was filled in.</summary>
    Retired = 3,
}

/// <summary>
/// A stored e-form of one procedure version (table portal_forms), numbered 1, 2, … per version. Saving makes a
/// draft; publishing it retires the form published before. A version without any published form uses the
/// generated default (<see cref="DefaultForm"/>), which is not stored until an administrator edits it.
/// </summary>
internal sealed class FormDefinitionRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string ProcedureCode { get; init; } = "";
    public int ProcedureVersion { get; init; }
    public int Number { get; init; }
    public FormState State { get; set; } = FormState.Draft;

    /// <summary>The definition as compact JSON (<see cref="FormFormat.ToStoredJson"/>).</summary>
    public string Json { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    public FormDefinition Definition
    {
        get => FormFormat.FromStoredJson(Json);
        set => Json = FormFormat.ToStoredJson(value);
    }
}
