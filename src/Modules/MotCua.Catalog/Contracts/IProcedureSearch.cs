namespace MotCua.Catalog.Contracts;

/// <summary>A procedure found by a search: what a picker lists.</summary>
public sealed record ProcedureHit(string Code, string Name, string Field, IReadOnlyList<string> Levels, string Ministry);

/// <summary>The catalog's accent-insensitive search, for other modules' pickers (e.g. the reception desk).</summary>
public interface IProcedureSearch
{
    /// <summary>At most <paramref name="take"/> procedures matching <paramref name="text"/> (words without accents, or a code).</summary>
    Task<IReadOnlyList<ProcedureHit>> FindAsync(string text, int take, CancellationToken ct);
}
