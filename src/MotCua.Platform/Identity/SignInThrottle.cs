using System.Net;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace MotCua.Platform.Identity;

/// <summary>
/// Sign-in attempts per client address (the staff password and code forms, the bundled e-ID provider's form): a
/// fixed window per minute, <c>MotCua:RateLimits:SignInsPerMinute</c> (20 by default), counted on each node.
/// </summary>
public sealed class SignInThrottle(IConfiguration configuration) : IDisposable
{
    public const string Message = "Bạn đã thử đăng nhập quá nhiều lần từ địa chỉ này. Vui lòng đợi một phút rồi thử lại.";

    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address
        => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, configuration.GetValue("MotCua:RateLimits:SignInsPerMinute", 20)),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>True when this attempt from <paramref name="address"/> may go on.</summary>
    public bool TryAcquire(IPAddress? address)
    {
        using var lease = limiter.AttemptAcquire(address?.ToString() ?? "?");
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}

/// <summary>
/// Failed sign-ins of one user name (as typed, existing or not) from one client address. Five in a quarter of an hour
/// block that name from that address for a quarter of an hour: a stranger elsewhere cannot lock an officer out at the
/// counter, and the answer is the same whether the name exists or not.
/// </summary>
public sealed class SignInFailure
{
    /// <summary>The normalized user name and the address: "TIEPNHAN|203.0.113.7".</summary>
    public string Key { get; set; } = "";

    public int Count { get; set; }

    public DateTimeOffset FirstAt { get; set; }

    public DateTimeOffset LastAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    internal static void Configure(ModelBuilder builder) => builder.Entity<SignInFailure>(b =>
    {
        b.ToTable("identity_sign_in_failures");
        b.HasKey(f => f.Key);
        b.Property(f => f.Key).HasMaxLength(400);
        b.HasIndex(f => f.LastAt);
    });
}
