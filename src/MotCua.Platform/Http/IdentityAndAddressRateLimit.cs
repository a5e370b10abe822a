using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using MotCua.Platform.Http;
using MotCua.Platform.Identity;

namespace MotCua.Platform.Http;

/// <summary>
/// The policy behind <see cref="RateLimits.PublicBooking"/>: the public writes of the queue — booking, cancelling and checking in (pages and API), and
/// taking or giving back a ticket on the kiosk, entrance-QR and follow pages: every write counts against BOTH
/// the signed-in citizen (per identity, whatever address they come from) and the client address (per address,
/// whatever identities it uses), so neither many accounts behind one address nor one account behind many addresses
/// can sweep slots. Reads (GET) are not limited by it. Limits: MotCua:RateLimits:BookingsPerMinutePerPerson (10) and
/// BookingsPerMinutePerAddress (30).
/// </summary>
public sealed class IdentityAndAddressRateLimit : IRateLimiterPolicy<string>, IDisposable
{
    private readonly PartitionedRateLimiter<string> perIdentity;
    private readonly PartitionedRateLimiter<string> perAddress;

    public IdentityAndAddressRateLimit(int perPersonPerMinute, int perAddressPerMinute)
    {
        perIdentity = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(perPersonPerMinute)));
        perAddress = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => Window(perAddressPerMinute)));
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var identity = httpContext.User.FindFirst(CitizenClaims.IdNumber)?.Value ?? httpContext.User.Identity?.Name;
        var address = httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var key = $"{identity}|{address}";
        return RateLimitPartition.Get(key, _ => new BothLimiter(identity is { Length: > 0 } ? perIdentity : null, identity ?? "", perAddress, address));
    }

    public void Dispose()
    {
        perIdentity.Dispose();
        perAddress.Dispose();
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new() { PermitLimit = Math.Max(1, permits), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    /// <summary>A permit only when both the identity's and the address's limiters grant one.</summary>
    private sealed class BothLimiter(PartitionedRateLimiter<string>? identities, string identity, PartitionedRateLimiter<string> addresses, string address) : RateLimiter
    {
        private long lastUsed = Environment.TickCount64;

        public override TimeSpan? IdleDuration => TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref lastUsed));

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Exchange(ref lastUsed, Environment.TickCount64);
            var first = identities?.AttemptAcquire(identity, permitCount);
            if (first is { IsAcquired: false })
            {
                return first;
            }

            var second = addresses.AttemptAcquire(address, permitCount);
            if (!second.IsAcquired)
            {
                first?.Dispose();
            }

            return second;
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
            => ValueTask.FromResult(AttemptAcquireCore(permitCount));
    }
}
