using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;

namespace MotCua.Queues.Counters;

internal sealed class CountersModel : IModelContributor
{
    public void Configure(ModelBuilder modelBuilder)
        => modelBuilder.Entity<Counter>(b =>
        {
            b.ToTable("queue_counters");
            b.HasKey(c => c.Id);
            b.Property(c => c.Id).ValueGeneratedNever();
            b.HasIndex(c => new { c.PointId, c.Number }).IsUnique();
            b.Property(c => c.ServiceGroups).HasMaxLength(200);
            b.Property(c => c.OfficerUserName).HasMaxLength(100);
            b.Property(c => c.OfficerName).HasMaxLength(200);
            b.Property(c => c.Version).IsConcurrencyToken();
            b.HasIndex(c => c.OfficerUserName).IsUnique().HasFilter("\"OfficerUserName\" IS NOT NULL");
            b.Ignore(c => c.Name);
            b.Ignore(c => c.Groups);
        });
}
