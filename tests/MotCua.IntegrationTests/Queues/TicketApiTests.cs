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

public abstract class TicketApiTests(MotCuaApp app)
{
    // A commune service point of its own, so other suites' tickets do not move its numbers.
    private const string Point = "DPV-00004";

    [Fact]
    public async Task A_ticket_is_issued_with_the_next_number_of_the_point_and_can_be_followed()
    {
        using var client = app.Client();
        var first = await TakeAsync(client, Point, "HT");
        var second = await TakeAsync(client, Point, "CA");

        first.GetProperty("number").GetString().ShouldStartWith("A-");
        second.GetProperty("number").GetString().ShouldStartWith("B-");
        var n1 = int.Parse(first.GetProperty("number").GetString()![2..]);
        var n2 = int.Parse(second.GetProperty("number").GetString()![2..]);
        n2.ShouldBe(n1 + 1, "one sequence per point and day, whatever the group");
        second.GetProperty("pointName").GetString().ShouldBe("Điểm phục vụ Phường Ba Đình");
        second.GetProperty("serviceGroupName").GetString().ShouldBe("Cư trú, căn cước, xuất nhập cảnh");

        var token = second.GetProperty("token").GetString()!;
        token.Length.ShouldBe(32);
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{token}");
        view.GetProperty("number").GetString().ShouldBe(second.GetProperty("number").GetString());
        view.GetProperty("status").GetString().ShouldBe("Đang chờ");
        view.GetProperty("timeline").EnumerateArray().First().GetProperty("detail").GetString().ShouldBe("tại ki-ốt");
    }

    [Fact]
    public async Task Every_ticket_is_announced_in_the_outbox()
    {
        using var client = app.Client();
        var ticket = await TakeAsync(client, Point, "DD");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var number = ticket.GetProperty("number").GetString();
        (await db.Outbox.CountAsync(m => m.Type == "queue.ticket-issued" && m.Subject == number)).ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("""{"point":"DPV-00004","serviceGroup":"ZZ"}""", "Không có nhóm dịch vụ \"ZZ\".")]
    [InlineData("""{"point":"DPV-00004"}""", "nhóm dịch vụ")]
    [InlineData("""{"point":"DPV-00004","serviceGroup":"HT","priority":"Appointment"}""", "Nhóm ưu tiên không hợp lệ.")]
    public async Task Bad_requests_are_refused_in_vietnamese_and_issue_nothing(string body, string message)
    {
        using var client = app.Client();
        var before = await CountAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(KioskRegistry.Header, await KioskSteps.KioskKeyAsync(app, Point));
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Replace("\\\"", "\"", StringComparison.Ordinal).ShouldContain(message);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_ticket_is_not_found()
    {
        using var client = app.Client();
        var response = await client.GetAsync($"/api/v1/tickets/{new string('0', 32)}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Taking_a_virtual_ticket_needs_a_signed_in_citizen()
    {
        using var client = app.Client();
        var response = await client.PostAsJsonAsync("/api/v1/me/tickets", new { point = Point, serviceGroup = "HT" });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_service_groups_are_listed_with_their_letters()
    {
        using var client = app.Client();
        var groups = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/service-groups");
        groups!.Select(g => g.GetProperty("letter").GetString()).ShouldBe(["A", "B", "C", "D", "E", "F", "G", "H"]);
    }

    private static async Task<JsonElement> TakeAsync(HttpClient client, string point, string group)
    {
        var response = await KioskSteps.PostAsKioskAsync(client, point, new { point, serviceGroup = group });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/tickets/{ticket.GetProperty("token").GetString()}");
        return ticket;
    }

    private async Task<int> CountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<Ticket>().CountAsync();
    }
}

[Collection("sqlite")]
public sealed class TicketApiOnSqlite(SqliteApp fixture) : TicketApiTests(fixture.App);

[Collection("postgres")]
public sealed class TicketApiOnPostgres(PostgresApp fixture) : TicketApiTests(fixture.App);
