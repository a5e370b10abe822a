using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Queues;

/// <summary>Two app instances (two hosts, as two nodes) on one PostgreSQL database.</summary>
public sealed class TwoNodes : IAsyncLifetime
{
    public MotCuaApp First { get; private set; } = null!;
    public MotCuaApp Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var database = await PostgresServer.CreateDatabaseAsync("motcua_nodes");
        First = new MotCuaApp(database, CountersApp.Settings);
        Second = new MotCuaApp(database, CountersApp.Settings);
        await Task.WhenAll(First.InitializeAsync(), Second.InitializeAsync());
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)First).DisposeAsync();
        await ((IAsyncLifetime)Second).DisposeAsync();
    }
}

public sealed class TicketNumberingTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Parallel_kiosks_on_two_app_instances_get_unique_gapless_numbers_per_point_and_day()
    {
        const int perNode = 40;
        using var a = nodes.First.Client();
        using var b = nodes.Second.Client();
        var requests = Enumerable.Range(0, perNode * 2).Select(i => Task.Run(async () =>
        {
            var client = i % 2 == 0 ? a : b;
            var point = i % 4 < 2 ? "CN07" : "DTN07";
            var response = await KioskSteps.PostAsKioskAsync(client, point, new { point, serviceGroup = i % 3 == 0 ? "HT" : "CA" });
            ((int)response.StatusCode).ShouldBe(201, await response.Content.ReadAsStringAsync());
            var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (Point: point, Number: int.Parse(ticket.GetProperty("number").GetString()!.Split('-')[1], CultureInfo.InvariantCulture));
        }));

        var issued = await Task.WhenAll(requests);

        foreach (var point in issued.GroupBy(t => t.Point))
        {
            point.Select(t => t.Number).OrderBy(n => n).ShouldBe(Enumerable.Range(1, point.Count()), $"numbers of {point.Key}");
        }
    }
}
