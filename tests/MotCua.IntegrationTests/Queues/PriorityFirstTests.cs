using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Queues;

/// <summary>The default rule (PriorityRule.First), on the shared hosts.</summary>
public abstract class PriorityFirstTests(MotCuaApp app)
{
    [Fact]
    public async Task With_the_default_rule_a_waiting_priority_ticket_is_called_before_older_ordinary_ones()
    {
        const string point = "DTN20";
        using var admin = await app.SignedInAsync("admin");
        using var kiosk = app.Client();
        await app.CreateOfficerAsync("quay-dtn20-1", point);
        await admin.ActAsync(point, 1, "open", new { officer = "quay-dtn20-1" }).OkAsync();
        await admin.ProfileAsync(point, 1, "CA");
        var first = await kiosk.TakeAsync(point, "CA");
        var second = await kiosk.TakeAsync(point, "CA");
        var pregnant = await kiosk.TakeAsync(point, "CA", "Pregnant");

        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            order.Add((await admin.ActAsync(point, 1, "call-next").OkAsync()).Number());
            await admin.ActAsync(point, 1, "no-show").OkAsync();
        }

        order.ShouldBe([pregnant.Number(), first.Number(), second.Number()]);
        await admin.ActAsync(point, 1, "close").OkAsync();
    }
}

[Collection("sqlite")]
public sealed class PriorityFirstOnSqlite(SqliteApp fixture) : PriorityFirstTests(fixture.App);

[Collection("postgres")]
public sealed class PriorityFirstOnPostgres(PostgresApp fixture) : PriorityFirstTests(fixture.App);
