using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace MotCua.Platform.Outbox;

/// <summary>
/// An event to deliver to the outside (notifications, the national portal …), saved in the same transaction
/// as the change that caused it, so it is never lost nor sent for a change that did not happen.
/// Delivery workers come with the notifications issue.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset At { get; init; }
    public string Type { get; init; } = "";
    public string Subject { get; init; } = "";
    public string PayloadJson { get; init; } = "{}";
    public DateTimeOffset? DeliveredAt { get; set; }

    public static OutboxMessage Create<T>(string type, string subject, T payload, DateTimeOffset at) => new()
    {
        At = at,
        Type = type,
        Subject = subject,
        PayloadJson = JsonSerializer.Serialize(payload),
    };

    internal static void Configure(ModelBuilder builder) => builder.Entity<OutboxMessage>(b =>
    {
        b.ToTable("platform_outbox");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Type).HasMaxLength(100);
        b.Property(m => m.Subject).HasMaxLength(200);
        b.HasIndex(m => new { m.DeliveredAt, m.At });
    });
}
