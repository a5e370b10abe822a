using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;

namespace MotCua.Dossiers.Ratings;

/// <summary>
/// A citizen's evaluation of one finished dossier: the scores of the criteria (kept as data), the overall
/// satisfaction, the national portal's like/dislike and a comment. It names no person: reports aggregate by
/// agency and procedure, and officers never see who rated them.
/// </summary>
internal sealed class DossierRating
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string DossierCode { get; init; } = "";
    public Guid AgencyId { get; init; }
    public string ProcedureCode { get; init; } = "";
    public string ScoresJson { get; init; } = "{}";
    public int Total { get; init; }
    public string Satisfaction { get; init; } = "";
    public bool? Like { get; init; }
    public string Comment { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class RatingsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder) => modelBuilder.Entity<DossierRating>(b =>
    {
        b.ToTable("portal_ratings");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.DossierCode).HasMaxLength(60);
        b.HasIndex(r => r.DossierCode).IsUnique();
        b.Property(r => r.ProcedureCode).HasMaxLength(60);
        b.Property(r => r.Satisfaction).HasMaxLength(30);
        b.Property(r => r.Comment).HasMaxLength(2000);
        b.HasIndex(r => new { r.AgencyId, r.CreatedAt });
    });
}
