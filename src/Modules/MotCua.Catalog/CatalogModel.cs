using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.DecidingAgencies;
using MotCua.Catalog.Procedures;
using MotCua.Platform.Data;

namespace MotCua.Catalog;

internal sealed class CatalogModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Procedure>(b =>
        {
            b.ToTable("catalog_procedures");
            b.HasKey(p => p.Id);
            b.Property(p => p.Id).ValueGeneratedNever();
            b.Property(p => p.Code).HasMaxLength(60);
            b.HasIndex(p => p.Code).IsUnique();
            b.Property(p => p.Name).HasMaxLength(2000);
            b.Property(p => p.Field).HasMaxLength(300);
            b.Property(p => p.Ministry).HasMaxLength(300);
            b.Property(p => p.Levels).HasMaxLength(200);
            b.Property(p => p.CurrentHash).HasMaxLength(64);
            b.Property(p => p.CurrentVersion).IsConcurrencyToken();
            b.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProcedureId).OnDelete(DeleteBehavior.Restrict);
            b.Navigation(p => p.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<ProcedureVersion>(b =>
        {
            b.ToTable("catalog_procedure_versions");
            b.HasKey(v => v.Id);
            b.Property(v => v.Id).ValueGeneratedNever();
            b.HasIndex(v => new { v.ProcedureId, v.Number }).IsUnique();
            b.Property(v => v.ContentHash).HasMaxLength(64);
            b.Property(v => v.Source).HasMaxLength(200);
            b.Property(v => v.Author).HasMaxLength(256);
            b.Ignore(v => v.Content);
        });

        modelBuilder.Entity<DecidingAgency>(b =>
        {
            b.ToTable("catalog_deciding_agencies");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.HasOne<ProcedureVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(a => new { a.VersionId, a.Level }).IsUnique();
            b.Property(a => a.Level).HasMaxLength(50);
            b.Property(a => a.UnitCode).HasMaxLength(60);
            b.Property(a => a.ConfirmedBy).HasMaxLength(256);
        });
    }
}
