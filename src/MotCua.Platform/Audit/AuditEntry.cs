using Microsoft.EntityFrameworkCore;

namespace MotCua.Platform.Audit;

public enum AuditKind
{
    Change = 1,
    Read = 2,
    SignIn = 3,
}

/// <summary>One line of the append-only audit trail: who (role, unit), when, what, from where.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset At { get; init; }
    public AuditKind Kind { get; init; }
    public string Action { get; init; } = "";
    public string Subject { get; init; } = "";
    public string? Details { get; init; }
    public Guid? ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public string Roles { get; init; } = "";
    public Guid? UnitId { get; init; }
    public string? RemoteAddress { get; init; }

    internal static void Configure(ModelBuilder builder) => builder.Entity<AuditEntry>(b =>
    {
        b.ToTable("audit_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Action).HasMaxLength(100);
        b.Property(e => e.Subject).HasMaxLength(200);
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.Roles).HasMaxLength(300);
        b.Property(e => e.RemoteAddress).HasMaxLength(64);
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.Subject);
    });
}
