using Microsoft.EntityFrameworkCore;

namespace MotCua.Platform.Audit;

public enum AuditKind
{
    Change = 1,
    Read = 2,
    SignIn = 3,
}

/// <summary>
/// One line of the append-only audit trail: who (role, unit), when, what, from where. A request inserts it unsealed
/// (<see cref="Sequence"/> null); the sealing job (<see cref="SealAuditTrail"/>) then gives it its place in the one total
/// order and its link in the chain — <see cref="PreviousHash"/> (the hash of the line before) and <see cref="Hash"/> (SHA-256
/// of this line's canonical form, <see cref="AuditChain"/>). Database triggers refuse every UPDATE and DELETE except that
/// one-time fill of the seal.
/// </summary>
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

    /// <summary>The place in the chain (1, 2, 3 … without gaps); null until sealed.</summary>
    public long? Sequence { get; private set; }

    /// <summary>The <see cref="Hash"/> of line <see cref="Sequence"/> − 1 (<see cref="AuditChain.Genesis"/> for the first).</summary>
    public string? PreviousHash { get; private set; }

    /// <summary>SHA-256 (lower-case hex) of this line's canonical form, its sequence and <see cref="PreviousHash"/>.</summary>
    public string? Hash { get; private set; }

    /// <summary>Links this line to the chain after <paramref name="previousHash"/>; once only.</summary>
    internal void Seal(long sequence, string previousHash)
    {
        if (Sequence is not null)
        {
            throw new InvalidOperationException($"Audit entry {Id} is already sealed as number {Sequence}.");
        }

        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AuditChain.HashOf(this, sequence, previousHash);
    }

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
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.Subject);
        b.HasIndex(e => e.Sequence).IsUnique();
        // What the sealing job reads, in the order it seals: only the few lines not sealed yet.
        b.HasIndex(e => new { e.At, e.Id }, "IX_audit_entries_pending").HasFilter("\"Sequence\" IS NULL");
    });
}
