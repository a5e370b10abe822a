using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Queues;

public abstract class FollowTests(MotCuaApp app)
{
    [Fact]
    public async Task The_follow_page_shows_the_place_in_the_queue_and_refreshes_itself()
    {
        var (number, token) = await KioskSteps.TakeAsync(app, "CN09", "GT");
        using var client = app.Client();
        var response = await client.GetAsync($"/q/{token}");
        response.Headers.GetValues("Refresh").ShouldBe(["20"]);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain($"Số thứ tự {number}");
        html.ShouldContain("Đang chờ");
        html.ShouldContain("Số người chờ trước bạn");
        html.ShouldContain("Dừng tự cập nhật");
        (await client.GetAsync($"/q/{token}?tu-cap-nhat=0")).Headers.Contains("Refresh").ShouldBeFalse("the holder can turn the refresh off");
        html.ShouldContain("Lấy số — tại ki-ốt");
        html.ShouldContain("Hủy số này");
    }

    [Fact]
    public async Task A_called_ticket_tells_its_holder_which_counter_to_go_to()
    {
        var (number, token) = await KioskSteps.TakeAsync(app, "CN09", "TR");
        await KioskSteps.CallAsync(app, token, 33);

        using var client = app.Client();
        var html = await client.GetStringAsync($"/q/{token}");
        html.ShouldContain($"Mời số {MotCua.Queues.Tickets.TicketText.Spoken(number)} đến Quầy 33");
        html.ShouldContain("Được mời — Quầy 33");
        html.ShouldNotContain("Hủy số này");
    }

    [Fact]
    public async Task The_holder_cancels_from_the_follow_page_and_a_second_cancel_is_refused()
    {
        var (number, token) = await KioskSteps.TakeAsync(app, "CN10", "HT");
        using var client = app.Client();

        var response = await KioskSteps.PostFormAsync(client, $"/q/{token}", "cancel-ticket", new Dictionary<string, string> { ["Input.Confirm"] = "true" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.PathAndQuery.ShouldBe($"/q/{token}?da-huy=1");
        var cancelled = await client.GetAsync(response.Headers.Location);
        cancelled.Headers.Contains("Refresh").ShouldBeFalse("a cancelled ticket has nothing to wait for");
        var html = await cancelled.Content.ReadAsStringAsync();
        html.ShouldContain($"Bạn đã hủy số {number}.");
        html.ShouldContain("Hủy số — người giữ số tự hủy");

        var again = await client.DeleteAsync($"/api/v1/tickets/{token}");
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldBe($"Không thể hủy số {number} đang ở trạng thái \"Đã hủy\".");
    }

    [Fact]
    public async Task The_API_cancels_a_waiting_ticket_once()
    {
        var (_, token) = await KioskSteps.TakeAsync(app, "CN10", "CA");
        using var client = app.Client();
        (await client.DeleteAsync($"/api/v1/tickets/{token}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var ticket = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{token}");
        ticket.GetProperty("status").GetString().ShouldBe("Đã hủy");
        (await client.DeleteAsync($"/api/v1/tickets/{token}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unknown_token_is_a_404_in_Vietnamese()
    {
        using var client = app.Client();
        var page = await client.GetAsync($"/q/{new string('0', 32)}");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Không có số thứ tự ứng với đường dẫn này");

        (await client.GetAsync("/q/abc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var api = await client.DeleteAsync($"/api/v1/tickets/{new string('0', 32)}");
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("Không tìm thấy số thứ tự này.");
    }
}

[Collection("sqlite")]
public sealed class FollowOnSqlite(SqliteApp fixture) : FollowTests(fixture.App);

[Collection("postgres")]
public sealed class FollowOnPostgres(PostgresApp fixture) : FollowTests(fixture.App);
