using System.Text.Json;
using System.Text.Json.Serialization;

namespace MotCua.Dossiers.Processes;

internal enum DefinitionState
{
    Draft = 1,
    Published = 2,

    /// <summary>Replaced by a newer published definition; dossiers that started with it keep it.</summary>
    Retired = 3,
}

/// <summary>
/// A stored process of one procedure version, numbered 1, 2, … per version. Editing makes a draft;
/// publishing it retires the previous published one. A dossier keeps the definition it started with.
/// </summary>
internal sealed class ProcessDefinition
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
    };

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string ProcedureCode { get; init; } = "";
    public int ProcedureVersion { get; init; }
    public int Number { get; init; }
    public DefinitionState State { get; set; } = DefinitionState.Draft;
    public string SpecJson { get; set; } = "{}";

    /// <summary>Generated for a procedure that had no process yet (not written by a person).</summary>
    public bool Generated { get; init; }
    public string Note { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    public ProcessSpec Spec
    {
        get => JsonSerializer.Deserialize<ProcessSpec>(SpecJson, Json) ?? new ProcessSpec();
        set => SpecJson = JsonSerializer.Serialize(value, Json);
    }
}
