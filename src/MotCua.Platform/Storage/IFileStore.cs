namespace MotCua.Platform.Storage;

/// <summary>A stored file's identity: its SHA-256 (hex) and size. The same content is stored once.</summary>
public sealed record StoredFile(string Sha256, long Size);

/// <summary>
/// Where attachments live, outside the web root, addressed by content (SHA-256). The file system is the
/// default; an S3-compatible store implements the same four calls.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content (or finds it already stored). The file is complete on disk when this returns.</summary>
    Task<StoredFile> PutAsync(Stream content, CancellationToken ct);

    Task<Stream?> OpenAsync(string sha256, CancellationToken ct);

    Task<bool> ExistsAsync(string sha256, CancellationToken ct);

    /// <summary>Removes the content (the collector of unreferenced uploads); true when it was there. Deleting twice is harmless.</summary>
    Task<bool> DeleteAsync(string sha256, CancellationToken ct);
}
