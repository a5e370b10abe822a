namespace MotCua.Platform.Http;

/// <summary>
/// The names of the rate-limit policies every module may put on its public endpoints and pages; the web app
/// configures them (limits from <c>MotCua:RateLimits</c>).
/// </summary>
public static class RateLimits
{
    /// <summary>Anonymous reads (tracking, catalog and form look-ups): per client address.</summary>
    public const string PublicLookup = "public-lookup";

    /// <summary>Anonymous writes (uploads before sign-in): per client address.</summary>
    public const string PublicWrite = "public-write";

    /// <summary>
    /// Booking, cancelling and checking in, taking or giving back a ticket: per signed-in identity AND per address
    /// (<see cref="IdentityAndAddressRateLimit"/>); reads are free.
    /// </summary>
    public const string PublicBooking = "appointment-booking";
}
