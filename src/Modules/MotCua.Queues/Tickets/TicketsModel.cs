using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;

namespace MotCua.Queues.Tickets;

internal sealed class TicketsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Ticket>(b =>
        {
            b.ToTable("queue_tickets");
            b.HasKey(t => t.Id);
            b.Property(t => t.Id).ValueGeneratedNever();
            b.HasIndex(t => new { t.PointId, t.Day, t.Number }).IsUnique();
            b.HasIndex(t => new { t.PointId, t.Day, t.Status, t.QueuedAt });
            b.HasIndex(t => t.Token).IsUnique();
            b.HasIndex(t => new { t.HolderId, t.Day });
            b.Property(t => t.Display).HasMaxLength(20);
            b.Property(t => t.ServiceGroup).HasMaxLength(20);
            b.Property(t => t.Token).HasMaxLength(40);
            b.Property(t => t.HolderId).HasMaxLength(50);
            b.Property(t => t.OfficerName).HasMaxLength(200);
            b.Property(t => t.Status).HasConversion<int>().IsConcurrencyToken();
            b.Property(t => t.DossierCode).HasMaxLength(60);
            b.Property(t => t.Priority).HasConversion<int>();
            b.Property(t => t.Channel).HasConversion<int>();
            b.Property(t => t.PriorityCheck).HasConversion<int>();
            b.Property(t => t.RemoteDevice).HasMaxLength(40);
            b.Property(t => t.RemoteAddress).HasMaxLength(64);
            b.HasIndex(t => new { t.Day, t.RemoteDevice });
            b.HasIndex(t => new { t.Day, t.RemoteAddress });
            b.Ignore(t => t.ServedAs);
            b.HasMany(t => t.Events).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
            b.Ignore(t => t.IsOpen);
        });

        modelBuilder.Entity<TicketEvent>(b =>
        {
            b.ToTable("queue_ticket_events");
            b.HasKey(e => e.Id);
            b.Property(e => e.Kind).HasConversion<int>();
            b.Property(e => e.Detail).HasMaxLength(200);
            b.Property(e => e.Actor).HasMaxLength(200);
            b.HasIndex(e => new { e.Kind, e.Detail });
        });

        modelBuilder.Entity<Kiosk.KioskDevice>(b =>
        {
            b.ToTable("queue_kiosks");
            b.HasKey(k => k.Id);
            b.Property(k => k.Id).ValueGeneratedNever();
            b.HasIndex(k => k.PointId);
            b.Property(k => k.Name).HasMaxLength(Kiosk.KioskRegistry.NameMaxLength);
            b.Property(k => k.SecretHash).HasMaxLength(64);
            b.Property(k => k.RegisteredBy).HasMaxLength(100);
            b.Property(k => k.RevokedBy).HasMaxLength(100);
            b.Ignore(k => k.IsActive);
        });

        modelBuilder.Entity<TicketDayCounter>(b =>
        {
            b.ToTable("queue_ticket_counters");
            b.HasKey(c => new { c.PointId, c.Day });
        });
    }
}
