namespace MotCua.Catalog.Import;

/// <summary>One thing the importer found wrong with a record: where, which field, why. The record may still load.</summary>
internal sealed record ImportProblem(string File, string? ProcedureCode, string Field, string Reason);
