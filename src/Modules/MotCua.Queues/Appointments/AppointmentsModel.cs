using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;

namespace MotCua.Queues.Appointments;

internal sealed class AppointmentsModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Appointment>(b =>
        {
            b.ToTable("queue_appointments");
            b.HasKey(a => a.Id);
            b.Property(a => a.Id).ValueGeneratedNever();
            b.HasIndex(a => a.Code).IsUnique();
            b.HasIndex(a => new { a.HolderIdNumber, a.Day });
            b.HasIndex(a => new { a.Status, a.StartsAt });
            b.HasIndex(a => new { a.PointId, a.Day, a.SlotStart });
            b.Property(a => a.Code).HasMaxLength(20);
            b.Property(a => a.ServiceGroup).HasMaxLength(20);
            b.Property(a => a.ProcedureCode).HasMaxLength(50);
            b.Property(a => a.HolderIdNumber).HasMaxLength(20);
            b.Property(a => a.HolderName).HasMaxLength(200);
            b.Property(a => a.Status).HasConversion<int>();
        });

        modelBuilder.Entity<AppointmentSlot>(b =>
        {
            b.ToTable("queue_appointment_slots");
            b.HasKey(s => new { s.PointId, s.Day, s.StartMinute, s.ServiceGroup });
            b.Property(s => s.ServiceGroup).HasMaxLength(20);
        });
    }
}
