using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers;

namespace MotCua.Dossiers.MyDossiers;

/// <summary>One file of the citizen's document store: what it is, where it came from, and the id to reuse or download it by.</summary>
internal sealed record StoredDocument(
    Guid Id, string Kind, string Name, string FileName, string ContentType, long Size, string Sha256,
    string DossierCode, string ProcedureName, DateTimeOffset AddedAt)
{
    public const string Upload = "upload";
    public const string Result = "result";

    /// <summary>An electronic result issued to the citizen (not a file they gave).</summary>
    public bool IsResult => Kind == Result;
}

/// <summary>
/// The citizen's personal document store (kho dữ liệu điện tử của công dân): the files of their earlier
/// dossiers (uploaded online, scanned at a counter, reused, authorisations) and the electronic results issued to
/// them — from exactly the dossiers "my dossiers" shows (<see cref="CitizenDossiers.Mine"/>), nothing else.
/// The same content (same SHA-256) is listed once, from its latest dossier. A file is addressed by the id of
/// that attachment row; an id outside the citizen's store answers null, so ids cannot be probed.
/// </summary>
internal sealed class CitizenDocuments(CitizenDossiers dossiers)
{
    private const int MaxDossiers = 200;

    public async Task<IReadOnlyList<StoredDocument>> ListAsync(string idNumber, CancellationToken ct)
        => (await AllAsync(idNumber, ct)).DistinctBy(f => f.Sha256).ToList();

    /// <summary>One file of the citizen's store, or null when the id is not in it (someone else's, or made up).</summary>
    public async Task<StoredDocument?> FindAsync(string idNumber, Guid id, CancellationToken ct)
        => (await AllAsync(idNumber, ct)).FirstOrDefault(f => f.Id == id);

    /// <summary>
    /// Every file of the citizen's store by id, loaded once: for checking several chosen ids in one request (each
    /// <see cref="FindAsync"/> reads up to 200 dossiers with their files).
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, StoredDocument>> ByIdAsync(string idNumber, CancellationToken ct)
        => (await AllAsync(idNumber, ct)).GroupBy(f => f.Id).ToDictionary(g => g.Key, g => g.First());

    /// <summary>Every file row of the store, newest first (the same content may appear more than once).</summary>
    private async Task<List<StoredDocument>> AllAsync(string idNumber, CancellationToken ct)
    {
        var mine = await dossiers.Mine(idNumber).AsNoTracking()
            .Include(d => d.Attachments).Include(d => d.Documents).AsSplitQuery()
            .OrderByDescending(d => d.CreatedAt).Take(MaxDossiers)
            .ToListAsync(ct);
        var found = new List<StoredDocument>();
        foreach (var d in mine)
        {
            var result = d.Result;
            var resultIssued = d.Status is DossierStatus.Resolved or DossierStatus.ResultReturned && d.Decision != "rejected";
            foreach (var a in d.Attachments)
            {
                if (result.Documents.Contains(a.Sha256))
                {
                    if (resultIssued)
                    {
                        found.Add(Row(a, StoredDocument.Result, result.Description.Length > 0 ? result.Description : "Kết quả giải quyết", d));
                    }
                }
                else if (a.Provision is Provision.Uploaded or Provision.Reused or Provision.DigitizedAtCounter)
                {
                    var name = a.DocumentNumber == DossierAttachment.AuthorisationDocument
                        ? "Văn bản ủy quyền"
                        : d.Documents.FirstOrDefault(x => x.Number == a.DocumentNumber)?.Name ?? "Giấy tờ bổ sung";
                    found.Add(Row(a, StoredDocument.Upload, name, d));
                }
            }
        }

        return found.OrderByDescending(f => f.AddedAt).ThenByDescending(f => f.Id).ToList();
    }

    private static StoredDocument Row(DossierAttachment a, string kind, string name, Dossier d)
        => new(a.Id, kind, name, a.FileName, a.ContentType, a.Size, a.Sha256, d.Code, d.ProcedureName, a.AddedAt);
}
