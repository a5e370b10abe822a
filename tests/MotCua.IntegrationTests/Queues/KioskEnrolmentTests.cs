using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;
using MotCua.Queues.Tickets;

namespace MotCua.IntegrationTests.Queues;

/// <summary>An app as a center runs it: no demo kiosks, and small daily limits on remote tickets without an account.</summary>
public sealed class NoDemoKiosksApp : IAsyncLifetime
{
    public MotCuaApp App { get; } = new(DatabaseProvider.Sqlite, new Dictionary<string, string>
    {
        ["MotCua:Queues:DemoKiosks"] = "false",
        ["MotCua:Queues:RemoteTicketsPerAddressPerDay"] = "3",
        ["MotCua:Queues:AnonymousRemoteTicketsPerPointPerDay"] = "2",
    });

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>Without the demo, the kiosk pages work only on a browser enrolled with a registered kiosk's code.</summary>
public sealed class KioskEnrolmentTests(NoDemoKiosksApp fixture) : IClassFixture<NoDemoKiosksApp>
{
    private MotCuaApp App => fixture.App;

    [Fact]
    public async Task A_browser_becomes_the_kiosk_of_its_point_with_the_code_and_stops_when_the_kiosk_is_revoked()
    {
        using var browser = App.Client();
        var refused = await browser.GetAsync("/kiosk/CN03");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("Thiết bị này chưa được đăng ký làm ki-ốt");
        html.ShouldNotContain("name=\"Input.Group\"");
        (await browser.GetAsync("/kiosk/CN03/hen")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.GetStringAsync("/kiosk")).ShouldNotContain("href=\"/kiosk/CN03\"", customMessage: "no list of points to enrol oneself at");

        var before = await TicketsAsync();
        var wrong = await KioskSteps.PostFormAsync(browser, "/kiosk", "enrol", new Dictionary<string, string> { ["Input.Credential"] = $"{Guid.NewGuid():N}.doan-bua" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("Mã đăng ký ki-ốt không đúng");

        using var admin = await App.SignedInAsync("admin");
        var registered = await (await admin.PostAsJsonAsync("/api/v1/points/CN03/kiosks/", new { name = "Ki-ốt cửa chính" })).Content.ReadFromJsonAsync<JsonElement>();
        var enrolled = await KioskSteps.PostFormAsync(browser, "/kiosk", "enrol", new Dictionary<string, string> { ["Input.Credential"] = registered.GetProperty("credential").GetString()! });
        enrolled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(App.BaseAddress, enrolled.Headers.Location!).PathAndQuery.ShouldBe("/kiosk/CN03");

        var taken = await KioskSteps.PostFormAsync(browser, "/kiosk/CN03", "take", new Dictionary<string, string> { ["Input.Group"] = "HT", ["Input.Priority"] = "Elderly" });
        taken.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = new Uri(App.BaseAddress, taken.Headers.Location!).PathAndQuery;
        location.ShouldStartWith("/kiosk/CN03/ve/");
        var ticket = await browser.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{location.Split('/')[^1]}");
        ticket.GetProperty("priority").GetString().ShouldBe("Người cao tuổi", "a priority chosen at the kiosk, in the hall, is served as such");
        (await browser.GetAsync("/kiosk/CN04")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the kiosk of CN03 is not a kiosk of CN04");

        var id = registered.GetProperty("id").GetString();
        (await admin.PostAsJsonAsync($"/api/v1/points/CN03/kiosks/{id}/revoke", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await browser.GetAsync("/kiosk/CN03")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await TicketsAsync()).ShouldBe(before + 1);

        (await App.AuditAsync($"kiosk:CN03/{Guid.Parse(id!):N}")).Select(a => a.Action)
            .ShouldBe(["queue.kiosk-registered", "queue.kiosk-enrolled", "queue.kiosk-revoked"]);
    }

    [Fact]
    public async Task Remote_tickets_without_an_account_stop_at_the_points_and_the_addresses_daily_limits_with_429()
    {
        // Two per point and day without an account (each from a phone of its own) …
        foreach (var expected in new[] { HttpStatusCode.Redirect, HttpStatusCode.Redirect })
        {
            using var phone = App.Client();
            (await TakeRemoteAsync(phone, "CN05")).StatusCode.ShouldBe(expected);
        }

        var before = await TicketsAsync();
        using (var phone = App.Client())
        {
            var full = await TakeRemoteAsync(phone, "CN05");
            full.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            (await full.Content.ReadAsStringAsync()).ShouldContain("đã cấp hết số thứ tự lấy từ xa không đăng nhập của hôm nay");
        }

        // … and three per address and day, wherever.
        using (var phone = App.Client())
        {
            (await TakeRemoteAsync(phone, "CN06")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using (var phone = App.Client())
        {
            var address = await TakeRemoteAsync(phone, "CN06");
            address.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            (await address.Content.ReadAsStringAsync()).ShouldContain("Mạng bạn đang dùng đã lấy quá nhiều số thứ tự hôm nay");
        }

        (await TicketsAsync()).ShouldBe(before + 1);
    }

    private static Task<HttpResponseMessage> TakeRemoteAsync(HttpClient phone, string point)
        => KioskSteps.PostFormAsync(phone, $"/lay-so/{point}", "take-virtual", new Dictionary<string, string> { ["Input.Group"] = "HT" });

    private async Task<int> TicketsAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<Ticket>().CountAsync();
    }
}
