using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Contracts;
using MotCua.Platform.Data;

namespace MotCua.Dossiers.Processes;

/// <summary>A stored definition without its steps (lists).</summary>
internal sealed record ProcessSummary(
    Guid Id, string ProcedureCode, int ProcedureVersion, int Number, DefinitionState State, bool Generated, string Note,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy)
{
    public static ProcessSummary From(ProcessDefinition d)
        => new(d.Id, d.ProcedureCode, d.ProcedureVersion, d.Number, d.State, d.Generated, d.Note, d.CreatedAt, d.CreatedBy, d.PublishedAt, d.PublishedBy);
}

/// <summary>A stored definition with its spec as written by <see cref="ProcessFormat"/> (what an import takes back).</summary>
internal sealed record ProcessView(
    Guid Id, string ProcedureCode, int ProcedureVersion, int Number, DefinitionState State, bool Generated, string Note,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy, JsonElement Spec)
{
    public static ProcessView From(ProcessDefinition d)
        => new(d.Id, d.ProcedureCode, d.ProcedureVersion, d.Number, d.State, d.Generated, d.Note, d.CreatedAt, d.CreatedBy, d.PublishedAt, d.PublishedBy,
            ProcessFormat.ToJsonElement(d.Spec));
}

/// <summary>A procedure's processes: the one new dossiers of its latest version start with, and every stored definition.</summary>
internal sealed record ProcedureProcesses(string ProcedureCode, string ProcedureName, int CurrentVersion, ProcessView Current, IReadOnlyList<ProcessSummary> Definitions);

/// <summary>The process definitions of procedures, for the API and the administration page.</summary>
internal sealed class ProcessQueries(MotCuaDb db, ProcedureLookup procedures, ProcessCatalog catalog)
{
    /// <summary>The procedure version (latest when <paramref name="version"/> is null) and its current process (generated and stored if it has none).</summary>
    public async Task<(ProcedureRef? Procedure, ProcessDefinition? Current)> CurrentAsync(string procedureCode, int? version, CancellationToken ct)
    {
        var procedure = version is { } v ? await procedures.VersionAsync(procedureCode, v, ct) : await procedures.CurrentAsync(procedureCode, ct);
        return procedure is null ? (null, null) : (procedure, await catalog.CurrentAsync(procedure.Code, procedure.Version, ct));
    }

    /// <summary>Every stored definition of the procedure's versions, latest version and number first.</summary>
    public Task<List<ProcessDefinition>> ListAsync(string procedureCode, CancellationToken ct)
        => db.Set<ProcessDefinition>().AsNoTracking()
            .Where(d => d.ProcedureCode == procedureCode)
            .OrderByDescending(d => d.ProcedureVersion).ThenByDescending(d => d.Number)
            .ToListAsync(ct);

    public Task<ProcessDefinition?> GetAsync(Guid id, CancellationToken ct) => catalog.ByIdAsync(id, ct);

    /// <summary>The current process of the latest version and the list of definitions; null for an unknown procedure.</summary>
    public async Task<ProcedureProcesses?> OverviewAsync(string procedureCode, CancellationToken ct)
    {
        var (procedure, current) = await CurrentAsync(procedureCode, null, ct);
        if (procedure is null || current is null)
        {
            return null;
        }

        var list = await ListAsync(procedure.Code, ct);
        return new ProcedureProcesses(procedure.Code, procedure.Content.Name, procedure.Version, ProcessView.From(current), [.. list.Select(ProcessSummary.From)]);
    }

    /// <summary>The procedure's processing time the shares are taken of: at the counter, else the first channel that states one.</summary>
    public static ProcessingTime? TimeOf(ProcedureRef procedure)
    {
        var channels = procedure.Content.Channels;
        return (channels.FirstOrDefault(c => c.Channel == Channel.Counter && c.Time.Value is not null)
            ?? channels.FirstOrDefault(c => c.Time.Value is not null))?.Time;
    }
}
