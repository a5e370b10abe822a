using MotCua.Platform.Data;
using MotCua.Platform.Identity;

namespace MotCua.Platform.Audit;

/// <summary>
/// Writes the audit trail. <see cref="Record"/> adds the line to the caller's unit of work so it is saved
/// with the change it describes (or not at all); <see cref="RecordReadAsync"/> saves a read at once.
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

    public async Task RecordReadAsync(string action, string subject, CancellationToken ct, string? details = null)
    {
        Record(action, subject, details, AuditKind.Read);
        await db.SaveChangesAsync(ct);
    }
}
