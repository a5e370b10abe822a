using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;
using MotCua.Queues.Kiosk;
using MotCua.Queues.Tickets;

namespace MotCua.IntegrationTests.Queues;

/// <summary>A kiosk or API retry after a lost answer gets the same ticket back, never a second number (Idempotency-Key, as at reception).</summary>
public abstract class TicketIdempotencyTests(MotCuaApp app)
{
    private const string Point = "DPV-00004";

    [Fact]
    public async Task The_same_key_and_body_give_the_same_ticket_once()
    {
        using var client = app.Client();
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync();

        var first = await TakeAsync(client, key, "HT");
        var again = await TakeAsync(client, key, "HT");

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.Created, await again.Content.ReadAsStringAsync());
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await again.Content.ReadFromJsonAsync<JsonElement>();
        b.GetProperty("number").GetString().ShouldBe(a.GetProperty("number").GetString());
        b.GetProperty("token").GetString().ShouldBe(a.GetProperty("token").GetString());
        (await CountAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_422_and_issues_nothing()
    {
        using var client = app.Client();
        var key = Guid.NewGuid().ToString();
        (await TakeAsync(client, key, "HT")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await CountAsync();

        var other = await TakeAsync(client, key, "CA");

        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await other.Content.ReadAsStringAsync()).ShouldContain("Idempotency-Key này đã được dùng cho một yêu cầu khác");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Without_a_key_two_requests_are_two_tickets()
    {
        using var client = app.Client();
        var before = await CountAsync();
        (await TakeAsync(client, null, "HT")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await TakeAsync(client, null, "HT")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CountAsync()).ShouldBe(before + 2);
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_issue_one_ticket_and_log_no_error()
    {
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync();
        var mark = app.Logs.Mark;

        var numbers = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 6), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (_, ct) =>
        {
            using var client = app.Client();
            using var response = await TakeAsync(client, key, "HT");
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
            numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("number").GetString()!);
        });

        numbers.Distinct().ShouldHaveSingleItem();
        (await CountAsync()).ShouldBe(before + 1);
        app.Logs.ErrorsSince(mark).ShouldBeEmpty("a lost race for the key is an answer, not an error");
    }

    [Fact]
    public async Task A_citizen_retrying_a_virtual_ticket_gets_the_same_one()
    {
        using var citizen = await MotCua.IntegrationTests.Portal.CitizenFlow.SignedInAsync(app, "001095000004");
        var key = Guid.NewGuid().ToString();
        var before = await CountAsync();
        var numbers = new List<string?>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/me/tickets") { Content = JsonContent.Create(new { point = Point, serviceGroup = "HT" }) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await citizen.Http.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());
        }

        numbers.Distinct().ShouldHaveSingleItem();
        (await CountAsync()).ShouldBe(before + 1);
    }

    private async Task<HttpResponseMessage> TakeAsync(HttpClient client, string? key, string group)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(new { point = Point, serviceGroup = group }) };
        request.Headers.Add(KioskRegistry.Header, await KioskSteps.KioskKeyAsync(app, Point));
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    private async Task<int> CountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<Ticket>().CountAsync();
    }
}

[Collection("sqlite")]
public sealed class TicketIdempotencyOnSqlite(SqliteApp fixture) : TicketIdempotencyTests(fixture.App);

[Collection("postgres")]
public sealed class TicketIdempotencyOnPostgres(PostgresApp fixture) : TicketIdempotencyTests(fixture.App);
