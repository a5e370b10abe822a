using System.Net;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>An app whose public lookups are limited to 3 a minute per address.</summary>
public sealed class RateLimitedApp : IAsyncLifetime
{
    public MotCuaApp App { get; } = new(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["MotCua:RateLimits:LookupsPerMinute"] = "3" });

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>Public lookups are limited per address and refused politely in Vietnamese.</summary>
public sealed class RateLimitTests(RateLimitedApp fixture) : IClassFixture<RateLimitedApp>
{
    private readonly MotCuaApp app = fixture.App;

    [Fact]
    public async Task Too_many_tracking_lookups_from_one_address_are_refused_with_429()
    {
        using var client = app.Client();
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync("/api/v1/tracking/000.00.01.H26-010101-0001")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var refused = await client.GetAsync("/api/v1/tracking/000.00.01.H26-010101-0001");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("quá nhiều yêu cầu");
    }
}
