using System.Net;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Queues;

/// <summary>An app whose public queue writes are limited to 2 a minute per address.</summary>
public sealed class QueueWritesLimitedApp : IAsyncLifetime
{
    public MotCuaApp App { get; } = new(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["MotCua:RateLimits:BookingsPerMinutePerAddress"] = "2" });

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>The pages that hand out numbers without an account cannot be used to sweep a day's numbers.</summary>
public sealed class TicketPageRateLimitTests(QueueWritesLimitedApp fixture) : IClassFixture<QueueWritesLimitedApp>
{
    [Fact]
    public async Task Taking_tickets_by_phone_or_kiosk_is_limited_per_address_but_reading_is_not()
    {
        using var client = fixture.App.Client();
        var virtualTicket = await KioskSteps.PostFormAsync(client, "/lay-so/CN06", "take-virtual", new Dictionary<string, string> { ["Input.Group"] = "HT" });
        virtualTicket.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var follow = virtualTicket.Headers.Location!.PathAndQuery;
        var kiosk = await KioskSteps.PostFormAsync(client, "/kiosk/CN06", "take", new Dictionary<string, string> { ["Input.Group"] = "CA" });
        kiosk.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var third = await KioskSteps.PostFormAsync(client, "/lay-so/CN06", "take-virtual", new Dictionary<string, string> { ["Input.Group"] = "HT" });
        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await third.Content.ReadAsStringAsync()).ShouldContain("Bạn đã gửi quá nhiều yêu cầu");

        // Pages and follow-ups are reads: still answered.
        (await client.GetAsync(follow)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/kiosk/CN06")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
