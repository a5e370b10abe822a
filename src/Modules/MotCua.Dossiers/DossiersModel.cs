using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.Codes;
using MotCua.Platform.Data;

namespace MotCua.Dossiers;

internal sealed class DossiersModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Dossier>(b =>
        {
            b.ToTable("dossiers");
            b.HasKey(d => d.Id);
            b.Property(d => d.Id).ValueGeneratedNever();
            b.Property(d => d.Code).HasMaxLength(60);
            b.HasIndex(d => d.Code).IsUnique();
            b.Property(d => d.ProcedureCode).HasMaxLength(60);
            b.Property(d => d.ProcedureName).HasMaxLength(2000);
            b.Property(d => d.CaseName).HasMaxLength(1000);
            b.Property(d => d.AgencyName).HasMaxLength(300);
            b.Property(d => d.ReceivingUnitName).HasMaxLength(300);
            b.Property(d => d.ReceivedByName).HasMaxLength(256);
            b.Property(d => d.ResultDelivery).HasMaxLength(600);
            b.Property(d => d.Reason).HasMaxLength(2000);
            b.Property(d => d.LegalBasis).HasMaxLength(1000);
            b.Property(d => d.ProcessingTimeValue).HasPrecision(9, 2);
            b.Property(d => d.Version).IsConcurrencyToken();
            b.Ignore(d => d.MissingItems);
            b.Ignore(d => d.Clock);
            b.Property(d => d.Decision).HasMaxLength(20);
            b.Property(d => d.SearchText).HasMaxLength(400);
            b.Property(d => d.IdentityAssurance).HasMaxLength(40);
            b.Property(d => d.FeeDescription).HasMaxLength(1000);
            b.HasIndex(d => new { d.Status, d.AlertLevel, d.DueAt });
            b.HasIndex(d => new { d.Status, d.CreatedAt });
            b.HasIndex(d => new { d.AgencyId, d.ReceivedAt });
            b.OwnsOne(d => d.Applicant, a =>
            {
                a.Property(x => x.Name).HasMaxLength(200).HasColumnName("ApplicantName");
                a.Property(x => x.IdNumber).HasMaxLength(20).HasColumnName("ApplicantIdNumber");
                a.Property(x => x.Kind).HasColumnName("ApplicantKind");
                a.Property(x => x.DateOfBirth).HasColumnName("ApplicantDateOfBirth");
                a.Property(x => x.Phone).HasMaxLength(20).HasColumnName("ApplicantPhone");
                a.Property(x => x.Email).HasMaxLength(200).HasColumnName("ApplicantEmail");
                a.Property(x => x.Address).HasMaxLength(500).HasColumnName("ApplicantAddress");
                a.Property(x => x.WardCode).HasMaxLength(10).HasColumnName("ApplicantWardCode");
                a.HasIndex(x => x.IdNumber);
            });
            b.Navigation(d => d.Applicant).IsRequired();
            b.OwnsOne(d => d.Submitter, s =>
            {
                s.Property(x => x.Name).HasMaxLength(200).HasColumnName("SubmitterName");
                s.Property(x => x.IdNumber).HasMaxLength(20).HasColumnName("SubmitterIdNumber");
                s.Property(x => x.Phone).HasMaxLength(20).HasColumnName("SubmitterPhone");
                s.Property(x => x.Authorisation).HasMaxLength(500).HasColumnName("SubmitterAuthorisation");
                s.Property(x => x.Position).HasMaxLength(200).HasColumnName("SubmitterPosition");

                // "My dossiers" finds a citizen's dossiers as applicant or as the one who filed.
                s.HasIndex(x => x.IdNumber);
            });
            b.OwnsMany(d => d.Documents, doc =>
            {
                doc.ToTable("dossier_documents");
                doc.WithOwner().HasForeignKey("DossierId");
                doc.HasKey("DossierId", nameof(DossierDocument.Number));
                doc.Property(x => x.Number).ValueGeneratedNever();
                doc.Property(x => x.Name).HasMaxLength(1000);
                doc.Property(x => x.NotApplicableReason).HasMaxLength(DossierDocument.ReasonLength);
            });
            b.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(d => d.Attachments).WithOne().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(d => d.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(d => d.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.Navigation(d => d.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
            b.HasMany(d => d.Tasks).WithOne().HasForeignKey(t => t.DossierId).OnDelete(DeleteBehavior.Cascade);
            b.Navigation(d => d.Tasks).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<DossierEvent>(b =>
        {
            b.ToTable("dossier_events");
            b.HasKey(e => e.Id);
            b.Property(e => e.Id).ValueGeneratedNever();
            b.Property(e => e.Kind).HasMaxLength(60);
            b.Property(e => e.Text).HasMaxLength(1000);
            b.Property(e => e.UnitName).HasMaxLength(300);
            b.Property(e => e.ActorName).HasMaxLength(256);
            b.Property(e => e.Note).HasMaxLength(4000);
            b.HasIndex(e => new { e.DossierId, e.At });
        });

        modelBuilder.Entity<Processing.DossierTask>(b =>
        {
            b.ToTable("dossier_tasks");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).ValueGeneratedNever();
            b.Property(t => t.StepId).HasMaxLength(40);
            b.Property(t => t.StepName).HasMaxLength(300);
            b.Property(t => t.UnitName).HasMaxLength(300);
            b.Property(t => t.Role).HasMaxLength(40);
            b.Property(t => t.AssigneeName).HasMaxLength(256);
            b.Property(t => t.FromUnitName).HasMaxLength(300);
            b.Property(t => t.FromPersonName).HasMaxLength(256);
            b.Property(t => t.CompletedByName).HasMaxLength(256);
            b.Property(t => t.Comment).HasMaxLength(4000);
            b.Property(t => t.BudgetPercent).HasPrecision(5, 2);
            b.Property(t => t.Version).IsConcurrencyToken();
            b.HasIndex(t => new { t.UnitId, t.State });
            b.HasIndex(t => new { t.AssigneeId, t.State });
            b.HasIndex(t => new { t.State, t.AlertLevel, t.DueAt });
        });

        modelBuilder.Entity<Processing.DossierAlert>(b =>
        {
            b.ToTable("dossier_alerts");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.DossierCode).HasMaxLength(60);
            b.Property(a => a.Text).HasMaxLength(1000);
            b.HasIndex(a => new { a.DossierId, a.TaskId, a.Kind, a.DueAt }).IsUnique();
            b.HasIndex(a => new { a.RecipientUnitId, a.CreatedAt });
        });

        modelBuilder.Entity<DossierAttachment>(b =>
        {
            b.ToTable("dossier_attachments");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Sha256).HasMaxLength(64);
            b.Property(a => a.FileName).HasMaxLength(200);
            b.Property(a => a.ContentType).HasMaxLength(100);
            b.HasIndex(a => a.Sha256);
        });

        modelBuilder.Entity<Processes.ProcessDefinition>(b =>
        {
            b.ToTable("dossier_processes");
            b.HasKey(d => d.Id);
            b.Property(d => d.Id).ValueGeneratedNever();
            b.Property(d => d.ProcedureCode).HasMaxLength(60);
            b.Property(d => d.Note).HasMaxLength(1000);
            b.Property(d => d.CreatedBy).HasMaxLength(256);
            b.Property(d => d.PublishedBy).HasMaxLength(256);
            b.Ignore(d => d.Spec);
            b.HasIndex(d => new { d.ProcedureCode, d.ProcedureVersion, d.Number }).IsUnique();
        });

        modelBuilder.Entity<DossierCodeCounter>(b =>
        {
            b.ToTable("dossier_code_counters");
            b.HasKey(c => new { c.AgencyId, c.Day });
            b.Property(c => c.AgencyId).HasMaxLength(50);
            b.Property(c => c.Day).HasMaxLength(6);
        });

        // The tracking book (form 07): an entry number per receiving unit and year, and the number of sets received.
        modelBuilder.Entity<Dossier>(b =>
        {
            b.Property(d => d.SetsReceived).HasDefaultValue(1).HasSentinel(0);
            b.HasIndex(d => new { d.ReceivingUnitId, d.BookYear, d.BookNumber }).IsUnique();
        });

        modelBuilder.Entity<Book.TrackingBookCounter>(b =>
        {
            b.ToTable(Book.TrackingBookNumbers.Table);
            b.HasKey(c => new { c.UnitId, c.Year });
        });
    }
}
