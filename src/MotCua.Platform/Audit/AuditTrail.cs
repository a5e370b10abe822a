using MotCua.Platform.Data;
using MotCua.Platform.Identity;

namespace MotCua.Platform.Audit;

/// <summary>
/// Writes the audit trail. <see cref="Record"/> adds the line to the caller's unit of work so it is saved
/// with the change it describes (or not at all); <see cref="RecordReadAsync(string, string, string?, CancellationToken)"/>
/// saves a read at once, and <see cref="RecordSavedAsync"/> a change whose unit of work is not the database (a stored file).
/// Lines are inserted unsealed; <see cref="SealAuditTrail"/> chains them.
/// </summary>
public sealed class AuditTrail(MotCuaDb db, CurrentActor actor, TimeProvider time)
{
    public void Record(string action, string subject, string? details = null, AuditKind kind = AuditKind.Change)
        => db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Kind = kind,
            Action = action,
            Subject = subject,
            Details = details,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Roles = string.Join(',', actor.Roles),
            UnitId = actor.UnitId,
            RemoteAddress = actor.RemoteAddress,
        });

    public Task RecordReadAsync(string action, string subject, CancellationToken ct) => RecordReadAsync(action, subject, null, ct);

    /// <summary>A read of personal data, with what was read or why (the purpose of a registry lookup), saved at once.</summary>
    public async Task RecordReadAsync(string action, string subject, string? details, CancellationToken ct)
    {
        Record(action, subject, details, AuditKind.Read);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A change made outside the database (a file stored), saved at once.</summary>
    public async Task RecordSavedAsync(string action, string subject, string? details, CancellationToken ct)
    {
        Record(action, subject, details);
        await db.SaveChangesAsync(ct);
    }
}
