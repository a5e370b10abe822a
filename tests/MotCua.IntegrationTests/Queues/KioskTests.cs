using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;

namespace MotCua.IntegrationTests.Queues;

public abstract class KioskTests(MotCuaApp app)
{
    [Fact]
    public async Task A_tap_at_the_kiosk_takes_a_ticket_and_shows_it_ready_to_print_with_a_QR_code_to_follow_it()
    {
        using var client = app.Client();
        var kiosk = await client.GetStringAsync("/kiosk/CN04");
        kiosk.ShouldContain("Lấy số thứ tự — ");
        kiosk.ShouldContain("Hộ tịch, chứng thực, tư pháp");
        kiosk.ShouldContain("Người cao tuổi");

        var response = await KioskSteps.PostFormAsync(client, "/kiosk/CN04", "take", new Dictionary<string, string>
        {
            ["Input.Group"] = "CA",
            ["Input.Priority"] = "Pregnant",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.PathAndQuery;
        location.ShouldStartWith("/kiosk/CN04/ve/");
        var token = location[(location.LastIndexOf('/') + 1)..];

        var ticket = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{token}");
        var number = ticket.GetProperty("number").GetString()!;
        number.ShouldStartWith("B-");
        ticket.GetProperty("priority").GetString().ShouldBe("Phụ nữ mang thai");
        ticket.GetProperty("timeline")[0].GetProperty("detail").GetString().ShouldBe("tại ki-ốt");

        var page = await client.GetAsync(location);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain($"<p class=\"number\">{number}</p>");
        html.ShouldContain("Cư trú, căn cước, xuất nhập cảnh");
        html.ShouldContain("Số người chờ trước");
        html.ShouldContain("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\"");
        html.ShouldContain($"{app.BaseAddress.ToString().TrimEnd('/')}/q/{token}");
        page.Headers.GetValues("Refresh").ShouldBe(["45;url=/kiosk/CN04"], "without JavaScript the kiosk goes back to its start screen");
    }

    [Fact]
    public async Task A_kiosk_ticket_says_when_another_point_is_clearly_better()
    {
        // CN07 has nobody at a counter for land matters; CN08 has an open counter and nobody waiting.
        var (_, elsewhere) = await KioskSteps.TakeAsync(app, "CN08", "DD");
        await KioskSteps.CallAsync(app, elsewhere, 31);

        using var client = app.Client();
        var response = await KioskSteps.PostFormAsync(client, "/kiosk/CN07", "take", new Dictionary<string, string> { ["Input.Group"] = "DD" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await client.GetStringAsync(response.Headers.Location);
        html.ShouldContain("Gợi ý:");
        html.ShouldContain("chưa mở quầy cho việc này");
    }

    [Fact]
    public async Task A_kiosk_refuses_an_unknown_group_and_an_unknown_point_in_Vietnamese()
    {
        using var client = app.Client();
        var response = await KioskSteps.PostFormAsync(client, "/kiosk/CN04", "take", new Dictionary<string, string> { ["Input.Group"] = "ZZ" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Không có nhóm dịch vụ &quot;ZZ&quot;.");

        var unknown = await client.GetAsync("/kiosk/XX99");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("Không có điểm phục vụ đang hoạt động với mã &quot;XX99&quot;.");
    }

    [Fact]
    public async Task The_kiosk_start_lists_the_points_and_the_entrance_poster_carries_a_QR_to_take_a_ticket_by_phone()
    {
        using var client = app.Client();
        var start = await client.GetStringAsync("/kiosk");
        start.ShouldContain("href=\"/kiosk/CN01\"");

        var poster = await client.GetStringAsync("/kiosk/CN01/qr");
        poster.ShouldContain("class=\"qr\"");
        poster.ShouldContain($"{app.BaseAddress.ToString().TrimEnd('/')}/lay-so/CN01");

        // The hours written for people, not in the stored short form.
        poster.ShouldContain("Giờ làm việc: Thứ Hai–Thứ Sáu 8:00–12:00, 13:00–17:00; Thứ Bảy 8:00–12:00");
        poster.ShouldNotContain("T2-T6");
    }

    [Fact]
    public async Task A_phone_takes_a_virtual_ticket_at_the_entrance_and_lands_on_its_follow_page()
    {
        using var client = app.Client();
        var page = await client.GetStringAsync("/lay-so/CN05");
        page.ShouldContain("Đăng nhập VNeID");

        var response = await KioskSteps.PostFormAsync(client, "/lay-so/CN05", "take-virtual", new Dictionary<string, string> { ["Input.Group"] = "KD" });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.PathAndQuery;
        location.ShouldStartWith("/q/");

        var ticket = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{location[3..]}");
        ticket.GetProperty("number").GetString()!.ShouldStartWith("D-");
        ticket.GetProperty("timeline")[0].GetProperty("detail").GetString().ShouldBe("số ảo (điện thoại, cổng dịch vụ công)");
    }

    [Fact]
    public async Task A_signed_in_citizen_holds_at_most_two_virtual_tickets_from_the_entrance_QR()
    {
        var citizen = await CitizenFlow.SignedInAsync(app, "001001000006", "/lay-so/CN06");
        var client = citizen.Http;
        (await client.GetStringAsync("/lay-so/CN06")).ShouldContain("Số thứ tự được gắn với tài khoản");
        for (var i = 0; i < 2; i++)
        {
            var taken = await KioskSteps.PostFormAsync(client, "/lay-so/CN06", "take-virtual", new Dictionary<string, string> { ["Input.Group"] = "XH" });
            taken.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var third = await KioskSteps.PostFormAsync(client, "/lay-so/CN06", "take-virtual", new Dictionary<string, string> { ["Input.Group"] = "XH" });
        third.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await third.Content.ReadAsStringAsync()).ShouldContain("mỗi người giữ tối đa 2 số cùng lúc");
    }
}

[Collection("sqlite")]
public sealed class KioskOnSqlite(SqliteApp fixture) : KioskTests(fixture.App);

[Collection("postgres")]
public sealed class KioskOnPostgres(PostgresApp fixture) : KioskTests(fixture.App);
