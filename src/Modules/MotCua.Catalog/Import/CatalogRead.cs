using MotCua.Catalog.Contracts;
using MotCua.Catalog.Procedures;

namespace MotCua.Catalog.Import;

/// <summary>What a reader got out of a file: the procedures it could read and the problems it found.</summary>
internal sealed record CatalogRead(IReadOnlyList<ProcedureContent> Procedures, IReadOnlyList<ImportProblem> Problems);
