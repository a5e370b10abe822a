using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Network;
using MotCua.Organisation.Units;
using MotCua.Platform.Data;

namespace MotCua.Organisation;

internal sealed class OrganisationModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AdministrativeUnit>(b =>
        {
            b.ToTable("org_administrative_units");
            b.HasKey(u => u.Code);
            b.Property(u => u.Code).HasMaxLength(10);
            b.Property(u => u.Name).HasMaxLength(200);
            b.Property(u => u.ShortName).HasMaxLength(200);
            b.Property(u => u.NameEn).HasMaxLength(200);
            b.Property(u => u.Type).HasMaxLength(50);
            b.Property(u => u.ProvinceCode).HasMaxLength(10);
            b.Property(u => u.FoldedName).HasMaxLength(200);
            b.HasIndex(u => new { u.ProvinceCode, u.Level });
        });

        modelBuilder.Entity<OrgUnit>(b =>
        {
            b.ToTable("org_units");
            b.HasKey(u => u.Id);
            b.Property(u => u.Id).ValueGeneratedNever();
            b.Property(u => u.Code).HasMaxLength(50);
            b.HasIndex(u => u.Code).IsUnique();
            b.Property(u => u.Name).HasMaxLength(300);
            b.Property(u => u.ElectronicId).HasMaxLength(50);
            b.HasIndex(u => u.ElectronicId);
            b.Property(u => u.Address).HasMaxLength(500);
            b.Property(u => u.WardCode).HasMaxLength(10);
            b.Property(u => u.OpeningHours).HasMaxLength(300);
            b.Property(u => u.Phone).HasMaxLength(30);
            b.Property(u => u.FoldedName).HasMaxLength(300);
            b.HasIndex(u => new { u.Kind, u.ParentId });
            b.HasMany(u => u.Wards).WithOne().HasForeignKey(w => w.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<WorkingCalendar.CalendarDay>(b =>
        {
            b.ToTable("org_calendar_days");
            b.HasKey(d => d.Date);
            b.Property(d => d.NameVi).HasMaxLength(200);
            b.Property(d => d.NameEn).HasMaxLength(200);
            b.Property(d => d.Source).HasMaxLength(500);
            b.Property(d => d.LegalBasisVi).HasMaxLength(500);
            b.Property(d => d.CreatedBy).HasMaxLength(256);
        });

        modelBuilder.Entity<OrgUnitWard>(b =>
        {
            b.ToTable("org_unit_wards");
            b.HasKey(w => new { w.OrgUnitId, w.WardCode });
            b.Property(w => w.WardCode).HasMaxLength(10);
        });
    }
}
