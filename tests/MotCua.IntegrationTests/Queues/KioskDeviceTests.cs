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

/// <summary>
/// The anonymous surface of the queue (issue #15): the ticket API hands out numbers only to a registered, unrevoked
/// kiosk of the point; remote tickets without signing in are limited per device; a priority declared off-site waits
/// for the counter's confirmation.
/// </summary>
public abstract class KioskDeviceTests(MotCuaApp app)
{
    [Fact]
    public async Task The_ticket_API_without_a_kiosk_credential_is_refused_in_Vietnamese_and_issues_nothing()
    {
        using var client = app.Client();
        var before = await TicketsAsync();

        var bare = await client.PostAsJsonAsync("/api/v1/tickets", new { point = "DTN21", serviceGroup = "HT", priority = "Elderly" });
        bare.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await bare.Content.ReadAsStringAsync()).ShouldContain("Chỉ ki-ốt đã đăng ký của điểm phục vụ mới được cấp số tại chỗ.");

        var key = await KioskSteps.KioskKeyAsync(app, "DTN21");
        foreach (var forged in new[] { "khong-phai-ma", $"{key.Split('.')[0]}.{new string('A', 43)}", $"{Guid.NewGuid():N}.{key.Split('.')[1]}", key + "x" })
        {
            using var request = Post(new { point = "DTN21", serviceGroup = "HT" }, forged);
            (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, forged);
        }

        (await TicketsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task An_administrator_registers_a_kiosk_whose_credential_is_shown_once_and_a_revoked_kiosk_is_refused()
    {
        using var admin = await app.SignedInAsync("admin");
        var registered = await admin.PostAsJsonAsync("/api/v1/points/DTN22/kiosks/", new { name = "Ki-ốt sảnh chính" });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var kiosk = await registered.Content.ReadFromJsonAsync<JsonElement>();
        var credential = kiosk.GetProperty("credential").GetString()!;
        var id = kiosk.GetProperty("id").GetString()!;

        // Only a hash is kept, and the list never shows the credential again.
        var list = await admin.GetStringAsync("/api/v1/points/DTN22/kiosks/");
        list.ShouldContain("Ki-ốt sảnh chính");
        list.ShouldNotContain(credential.Split('.')[1]);
        using (var scope = app.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<KioskDevice>().SingleAsync(k => k.Id == Guid.Parse(id));
            stored.SecretHash.ShouldNotContain(credential.Split('.')[1]);
        }

        using var client = app.Client();
        using (var first = Post(new { serviceGroup = "HT" }, credential))
        {
            var issued = await client.SendAsync(first);
            issued.StatusCode.ShouldBe(HttpStatusCode.Created, "the point may be left out: the kiosk's own");
            (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("point").GetString().ShouldBe("DTN22");
        }

        // A kiosk prints numbers for its own point only.
        var before = await TicketsAsync();
        using (var elsewhere = Post(new { point = "DTN23", serviceGroup = "HT" }, credential))
        {
            var refused = await client.SendAsync(elsewhere);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("chỉ cấp số cho");
        }

        (await admin.PostAsJsonAsync($"/api/v1/points/DTN22/kiosks/{id}/revoke", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var revoked = Post(new { point = "DTN22", serviceGroup = "HT" }, credential))
        {
            (await client.SendAsync(revoked)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        (await TicketsAsync()).ShouldBe(before);
        var audit = await app.AuditAsync($"kiosk:DTN22/{Guid.Parse(id):N}");
        audit.Select(a => a.Action).ShouldBe(["queue.kiosk-registered", "queue.kiosk-revoked"]);
        audit.ShouldAllBe(a => a.ActorName == "admin");
    }

    [Fact]
    public async Task A_branch_manager_manages_the_kiosks_of_their_own_branch_only()
    {
        using var manager = await app.SignedInAsync("quanly");
        (await manager.PostAsJsonAsync("/api/v1/points/CN01/kiosks/", new { name = "Ki-ốt tầng 1" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var empty = await manager.PostAsJsonAsync("/api/v1/points/CN01/kiosks/", new { name = " " });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("tên ki-ốt");

        using var other = await app.SignedInAsync("quanly2");
        var refused = await other.PostAsJsonAsync("/api/v1/points/CN01/kiosks/", new { name = "Ki-ốt lạ" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Chỉ quản trị viên hoặc quản lý của");

        using var officer = await app.SignedInAsync("tiepnhan");
        (await officer.PostAsJsonAsync("/api/v1/points/CN01/kiosks/", new { name = "Ki-ốt lạ" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_kiosks_page_registers_a_kiosk_shows_its_code_once_and_revokes_it()
    {
        using var manager = await app.SignedInAsync("quanly");
        var registered = await KioskSteps.PostFormAsync(manager, "/admin/kiosks/CN01", "register", new Dictionary<string, string> { ["Input.Name"] = "Ki-ốt tầng 2" });
        registered.StatusCode.ShouldBe(HttpStatusCode.OK);
        registered.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var html = await registered.Content.ReadAsStringAsync();
        var code = System.Text.RegularExpressions.Regex.Match(html, "<code class=\"credential\">([^<]+)</code>").Groups[1].Value;
        code.ShouldNotBeEmpty();

        using var client = app.Client();
        using (var request = Post(new { serviceGroup = "HT" }, code))
        {
            (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var page = await manager.GetStringAsync("/admin/kiosks/CN01");
        page.ShouldNotContain(code.Split('.')[1]);
        var revoked = await KioskSteps.PostFormAsync(manager, "/admin/kiosks/CN01", $"revoke-{code.Split('.')[0]}", new Dictionary<string, string> { ["Revocation.Id"] = code.Split('.')[0] });
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using (var request = Post(new { serviceGroup = "HT" }, code))
        {
            (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var other = await app.SignedInAsync("quanly2");
        (await other.GetAsync("/admin/kiosks/CN01")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_phone_without_an_account_takes_a_few_remote_tickets_a_day_then_gets_429_and_nothing_more()
    {
        using var phone = app.Client();
        for (var i = 0; i < 3; i++)
        {
            var taken = await KioskSteps.PostFormAsync(phone, "/lay-so/DTN24", "take-virtual", new Dictionary<string, string> { ["Input.Group"] = "HT" });
            taken.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var before = await TicketsAsync();
        var fourth = await KioskSteps.PostFormAsync(phone, "/lay-so/DTN24", "take-virtual", new Dictionary<string, string> { ["Input.Group"] = "HT" });
        fourth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await fourth.Content.ReadAsStringAsync()).ShouldContain("Thiết bị này đã lấy 3 số thứ tự hôm nay mà không đăng nhập.");
        (await TicketsAsync()).ShouldBe(before);

        // Another phone is another device.
        using var another = app.Client();
        (await KioskSteps.PostFormAsync(another, "/lay-so/DTN24", "take-virtual", new Dictionary<string, string> { ["Input.Group"] = "HT" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_priority_declared_off_site_waits_in_normal_order_until_the_counter_confirms_it()
    {
        const string point = "DTN25";
        using var admin = await app.SignedInAsync("admin");
        await app.CreateOfficerAsync("quay-dtn25-1", point);
        await admin.ActAsync(point, 1, "open", new { officer = "quay-dtn25-1" }).OkAsync();
        await admin.ProfileAsync(point, 1, "CA");
        using var kiosk = app.Client();

        var ordinary = await kiosk.TakeAsync(point, "CA");
        var (remote, remoteToken) = await RemoteAsync(point, "Pregnant");
        var atKiosk = await kiosk.TakeAsync(point, "CA", "Elderly");
        var later = await kiosk.TakeAsync(point, "CA");

        var followed = await kiosk.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{remoteToken}");
        followed.GetProperty("priority").GetString().ShouldBe("Phụ nữ mang thai (chờ xác nhận ưu tiên)");
        followed.GetProperty("priorityPending").GetBoolean().ShouldBeTrue();
        (await kiosk.GetStringAsync($"/q/{remoteToken}")).ShouldContain("chờ xác nhận ưu tiên");

        // The kiosk's priority (the person is in the hall) jumps; the remote one does not: it keeps its place.
        var first = await admin.ActAsync(point, 1, "call-next").OkAsync();
        first.Number().ShouldBe(atKiosk.Number());
        await admin.ActAsync(point, 1, "no-show").OkAsync();
        (await admin.ActAsync(point, 1, "call-next").OkAsync()).Number().ShouldBe(ordinary.Number());
        await admin.ActAsync(point, 1, "no-show").OkAsync();

        // Called in normal order, the officer sees the person and refuses the priority: recorded, nothing else changes.
        var called = await admin.ActAsync(point, 1, "call-next").OkAsync();
        called.Number().ShouldBe(remote);
        called.GetProperty("priorityPending").GetBoolean().ShouldBeTrue();
        var answered = await admin.ActAsync(point, 1, "priority", new { confirmed = false }).OkAsync();
        answered.GetProperty("priorityPending").GetBoolean().ShouldBeFalse();
        (await admin.ActAsync(point, 1, "priority", new { confirmed = true })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await admin.ActAsync(point, 1, "no-show").OkAsync();

        // Confirmed while waiting (shown at the counter), the next remote priority ticket is served ahead.
        var (confirmedLater, _) = await RemoteAsync(point, "Disabled");
        var afterThat = await kiosk.TakeAsync(point, "CA");
        // (on the counter page, as the officer does it)
        var page = await KioskSteps.PostFormAsync(admin, $"/quay/{point}/1", "priority-waiting", new Dictionary<string, string> { ["Input.Ticket"] = confirmedLater.ToLowerInvariant() });
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect, await page.Content.ReadAsStringAsync());
        new Uri(app.BaseAddress, page.Headers.Location!).Query.ShouldBe("?ok=uu-tien");
        (await admin.ActAsync(point, 1, "call-next").OkAsync()).Number().ShouldBe(confirmedLater);
        await admin.ActAsync(point, 1, "no-show").OkAsync();
        (await admin.ActAsync(point, 1, "call-next").OkAsync()).Number().ShouldBe(later.Number());
        await admin.ActAsync(point, 1, "no-show").OkAsync();
        (await admin.ActAsync(point, 1, "call-next").OkAsync()).Number().ShouldBe(afterThat.Number());
        await admin.ActAsync(point, 1, "no-show").OkAsync();
        await admin.ActAsync(point, 1, "close").OkAsync();

        var day = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TimeProvider>(app.Services).GetUtcNow();
        var date = MotCua.Platform.Time.VietnamTime.DayOf(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await app.AuditAsync($"ticket:{point}/{date}/{remote}")).Select(a => a.Action).ShouldContain("queue.ticket-priority-refused");
        var confirmation = (await app.AuditAsync($"ticket:{point}/{date}/{confirmedLater}")).Single(a => a.Action == "queue.ticket-priority-confirmed");
        confirmation.ActorName.ShouldBe("admin");
        confirmation.Details!.ShouldContain("Người khuyết tật");
    }

    /// <summary>A remote ticket from a phone without an account (its own device), declaring a priority: number and token.</summary>
    private async Task<(string Number, string Token)> RemoteAsync(string point, string priority)
    {
        using var phone = app.Client();
        var taken = await KioskSteps.PostFormAsync(phone, $"/lay-so/{point}", "take-virtual", new Dictionary<string, string> { ["Input.Group"] = "CA", ["Input.Priority"] = priority });
        taken.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var token = taken.Headers.Location!.PathAndQuery[3..];
        var ticket = await phone.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{token}");
        return (ticket.GetProperty("number").GetString()!, token);
    }

    private static HttpRequestMessage Post(object body, string credential)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(body) };
        request.Headers.Add(KioskRegistry.Header, credential);
        return request;
    }

    private async Task<int> TicketsAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<Ticket>().CountAsync();
    }
}

[Collection("sqlite")]
public sealed class KioskDeviceOnSqlite(SqliteApp fixture) : KioskDeviceTests(fixture.App);

[Collection("postgres")]
public sealed class KioskDeviceOnPostgres(PostgresApp fixture) : KioskDeviceTests(fixture.App);
