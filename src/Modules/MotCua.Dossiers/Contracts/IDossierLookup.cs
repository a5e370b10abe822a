namespace MotCua.Dossiers.Contracts;

/// <summary>A dossier as another module may see it: what the public tracking page shows, no personal data.</summary>
public sealed record DossierFound(string Code, string ProcedureCode, string ProcedureName, string Status);

/// <summary>Other modules' way to a dossier (the counter links a visit to the dossier it received or returned).</summary>
public interface IDossierLookup
{
    Task<DossierFound?> FindAsync(string code, CancellationToken ct);
}
