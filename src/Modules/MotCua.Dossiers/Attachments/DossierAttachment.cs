namespace MotCua.Dossiers;

/// <summary>A stored file attached to one document of a dossier's checklist. The file is in the store before this row exists.</summary>
internal sealed class DossierAttachment
{
    /// <summary>The document number of the authorisation (văn bản ủy quyền) of someone filing for another person or an organisation.</summary>
    public const int AuthorisationDocument = -1;

    /// <summary>The document number of the result's files (not a checklist line).</summary>
    public const int ResultDocument = 0;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid DossierId { get; set; }
    public int DocumentNumber { get; init; }
    public string Sha256 { get; init; } = "";
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long Size { get; init; }
    public Provision Provision { get; init; }
    public DateTimeOffset AddedAt { get; set; }
}
