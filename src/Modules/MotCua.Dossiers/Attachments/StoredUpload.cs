using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;

namespace MotCua.Dossiers.Attachments;

/// <summary>
/// Who stored a file, and when: one row per upload (the same content uploaded by two people is two rows, the file is
/// stored once). A citizen may attach to a dossier only a file they uploaded themself (or one of their own document
/// store); the collector deletes a file nobody has uploaded for a day and nothing refers to.
/// </summary>
internal sealed class StoredUpload
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string Sha256 { get; init; } = "";

    /// <summary><c>citizen:{e-ID subject}</c> or <c>staff:{user id}</c> (see <see cref="Uploader"/>).</summary>
    public string Uploader { get; init; } = "";
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long Size { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
}

internal sealed class StoredUploadsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<StoredUpload>(b =>
    {
        b.ToTable("stored_uploads");
        b.HasKey(u => u.Id);
        b.Property(u => u.Id).ValueGeneratedNever();
        b.Property(u => u.Sha256).HasMaxLength(64);
        b.Property(u => u.Uploader).HasMaxLength(240);
        b.Property(u => u.FileName).HasMaxLength(300);
        b.Property(u => u.ContentType).HasMaxLength(100);
        b.HasIndex(u => new { u.Sha256, u.Uploader });
        b.HasIndex(u => u.UploadedAt);
    });
}
