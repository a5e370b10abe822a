using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;

namespace MotCua.Forms;

/// <summary>The e-forms' share of the database: portal_forms.</summary>
internal sealed class FormsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
        => modelBuilder.Entity<FormDefinitionRecord>(b =>
        {
            b.ToTable("portal_forms");
            b.HasKey(f => f.Id);
            b.Property(f => f.Id).ValueGeneratedNever();
            b.Property(f => f.ProcedureCode).HasMaxLength(60);
            b.Property(f => f.CreatedBy).HasMaxLength(256);
            b.Property(f => f.PublishedBy).HasMaxLength(256);
            b.Ignore(f => f.Definition);
            b.HasIndex(f => new { f.ProcedureCode, f.ProcedureVersion, f.Number }).IsUnique();
        });
}
