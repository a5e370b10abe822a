using Microsoft.EntityFrameworkCore;

namespace MotCua.Platform.Audit;

/// <summary>
/// The day's signed checkpoint (điểm kiểm tra): the first sealing run of a local day signs how the chain stood when the
/// day began — its last sequence and that line's hash — with the installation's key (<see cref="AuditChain.Sign"/>). One
/// per day (a unique index), written once; triggers refuse UPDATE and DELETE.
/// </summary>
public sealed class AuditCheckpoint
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The local (Vietnam) day the checkpoint opens.</summary>
    public DateOnly Day { get; init; }

    /// <summary>The last sealed line when the day began (0 for an empty chain).</summary>
    public long LastSequence { get; init; }

    /// <summary>That line's hash (<see cref="AuditChain.Genesis"/> for an empty chain).</summary>
    public string LastHash { get; init; } = AuditChain.Genesis;

    public DateTimeOffset SignedAt { get; init; }

    /// <summary>Which key signed (<see cref="AuditKey.Id"/>), so a checkpoint signed with another key says so.</summary>
    public string KeyId { get; init; } = "";

    /// <summary>HMAC-SHA256, lower-case hex.</summary>
    public string Signature { get; init; } = "";

    internal static void Configure(ModelBuilder builder) => builder.Entity<AuditCheckpoint>(b =>
    {
        b.ToTable("audit_checkpoints");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.LastHash).HasMaxLength(64);
        b.Property(c => c.KeyId).HasMaxLength(16);
        b.Property(c => c.Signature).HasMaxLength(64);
        b.HasIndex(c => c.Day).IsUnique();
    });
}
