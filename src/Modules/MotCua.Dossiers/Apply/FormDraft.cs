using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;

namespace MotCua.Dossiers.Apply;

/// <summary>
/// A file of a draft: the stored content (SHA-256) and the name the citizen gave it; for a document reused from
/// the citizen's store, the store's id of it and the dossier it came from (checked again at submission).
/// </summary>
internal sealed record DraftFile(string Sha256, string FileName, Guid? ReusedId = null, string? ReusedFrom = null);

/// <summary>
/// A form being filled (hồ sơ nháp): its values as the form posts them and its uploaded files, owned by one
/// citizen (the e-ID subject), resumable from any device after sign-in until it expires.
/// </summary>
internal sealed class FormDraft
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string OwnerSubject { get; init; } = "";
    public string ProcedureCode { get; init; } = "";
    public int ProcedureVersion { get; init; }
    public string ProcedureName { get; set; } = "";
    public string ValuesJson { get; set; } = "{}";
    public string FilesJson { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    public Dictionary<string, string> Values
    {
        get => JsonSerializer.Deserialize<Dictionary<string, string>>(ValuesJson) ?? [];
        set => ValuesJson = JsonSerializer.Serialize(value);
    }

    public Dictionary<string, DraftFile> Files
    {
        get => JsonSerializer.Deserialize<Dictionary<string, DraftFile>>(FilesJson) ?? [];
        set => FilesJson = JsonSerializer.Serialize(value);
    }
}

internal sealed class DraftsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<FormDraft>(b =>
    {
        b.ToTable("portal_drafts");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.OwnerSubject).HasMaxLength(200);
        b.Property(d => d.ProcedureCode).HasMaxLength(60);
        b.Property(d => d.ProcedureName).HasMaxLength(2000);
        b.Ignore(d => d.Values);
        b.Ignore(d => d.Files);
        b.HasIndex(d => new { d.OwnerSubject, d.UpdatedAt });
        b.HasIndex(d => d.ExpiresAt);
    });
}
