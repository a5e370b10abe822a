using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.IntegrationTests.Queues;

namespace MotCua.BrowserTests.Queues;

/// <summary>
/// The kiosk, its printed ticket, the follow page on a phone and the waiting-room board in a real browser: a tap
/// takes a ticket, a call made at a counter (server side) appears on the board without a reload, axe finds nothing.
/// </summary>
[Collection("browser")]
public sealed partial class KioskPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_tap_at_the_kiosk_prints_a_ticket_that_the_phone_follows_and_cancels()
    {
        var page = await browser.NewPageAsync();
        // The kiosk's Chrome prints without a dialog (--kiosk-printing); here printing does nothing.
        await page.AddInitScriptAsync("window.print = function () { window.__printed = (window.__printed || 0) + 1; };");

        await page.GotoAsync("/kiosk/CN01");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Lấy số thứ tự — Chi nhánh", Exact = false }).WaitForAsync();
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByLabel("Người cao tuổi").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = HoTich() }).ClickAsync();
        await page.WaitForURLAsync("**/kiosk/CN01/ve/*");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Số thứ tự của bạn" }).WaitForAsync();
        var number = (await page.Locator(".ticket .number").TextContentAsync())!.Trim();
        number.ShouldStartWith("A-");
        (await page.GetByRole(AriaRole.Img, new() { Name = $"Mã QR để theo dõi số {number} trên điện thoại" }).IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator(".ticket").TextContentAsync())!.ShouldContain("Người cao tuổi");
        await page.WaitForFunctionAsync("() => window.__printed >= 1");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        // The same ticket on the holder's phone.
        var token = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var phone = await browser.NewPageAsync();
        await phone.SetViewportSizeAsync(360, 740);
        await phone.GotoAsync($"/q/{token}");
        await phone.GetByRole(AriaRole.Heading, new() { Name = $"Số thứ tự {number}" }).WaitForAsync();
        await BrowserFixture.ShouldBeAccessibleAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Hủy số này" }).ClickAsync();
        await phone.GetByText($"Bạn đã hủy số {number}.").WaitForAsync();
        await BrowserFixture.ShouldBeAccessibleAsync(phone);

        // Back at the kiosk: the start screen again.
        await page.GetByRole(AriaRole.Link, new() { Name = "Xong — về màn hình lấy số" }).ClickAsync();
        await page.WaitForURLAsync("**/kiosk/CN01");
    }

    [Fact]
    public async Task A_ticket_called_at_a_counter_appears_on_the_board_without_a_reload()
    {
        var (number, token) = await KioskSteps.TakeAsync(browser.App, "CN02", "CA");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/bang/CN02");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bảng gọi số", Exact = false }).WaitForAsync();
        await BrowserFixture.ShouldBeAccessibleAsync(page);
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await KioskSteps.CallAsync(browser.App, token, 36);

        await page.Locator("#calls").GetByText(number).WaitForAsync();
        (await page.Locator("#announce").TextContentAsync()).ShouldBe($"Mời số {MotCua.Queues.Tickets.TicketText.Spoken(number)} đến Quầy 36");
        (await page.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the board updated in place, not by reloading");
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }

    [Fact]
    public async Task The_entrance_QR_takes_a_virtual_ticket_on_a_phone()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/lay-so/CN03");
        await BrowserFixture.ShouldBeAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = HoTich() }).ClickAsync();
        await page.WaitForURLAsync("**/q/*");
        await page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Số thứ tự A-") }).WaitForAsync();

        await page.GotoAsync("/kiosk/CN03/qr");
        (await page.GetByRole(AriaRole.Img, new() { NameRegex = new Regex("^Mã QR lấy số thứ tự tại") }).IsVisibleAsync()).ShouldBeTrue();
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }

    [Fact]
    public async Task The_kiosk_speaks_English_for_one_visitor_and_Vietnamese_again_for_the_next()
    {
        var page = await browser.NewPageAsync();
        await page.AddInitScriptAsync("window.print = function () { window.__printed = (window.__printed || 0) + 1; };");
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync("/kiosk/DTN19");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Lấy số thứ tự — ", Exact = false }).WaitForAsync();

        // Large enough for a finger, on a phone-sized screen too, without scrolling sideways.
        var english = page.GetByRole(AriaRole.Navigation, new() { Name = "Ngôn ngữ" }).GetByRole(AriaRole.Link, new() { Name = "English" });
        (await english.BoundingBoxAsync())!.Height.ShouldBeGreaterThanOrEqualTo(48);
        (await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await english.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Take a queue number — ", Exact = false }).WaitForAsync();
        (await page.GetByRole(AriaRole.Link, new() { Name = "English" }).GetAttributeAsync("aria-current")).ShouldBe("true");
        (await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByLabel("Elderly person").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Civil status, certification, justice") }).ClickAsync();
        await page.WaitForURLAsync("**/kiosk/DTN19/ve/*?culture=en");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your queue number" }).WaitForAsync();
        (await page.Locator(".ticket").TextContentAsync())!.ShouldContain("Elderly person");
        await page.WaitForFunctionAsync("() => window.__printed >= 1");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        // Done: the start screen greets the next person in Vietnamese.
        await page.GetByRole(AriaRole.Link, new() { Name = "Done — back to the start" }).ClickAsync();
        await page.WaitForURLAsync("**/kiosk/DTN19");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Lấy số thứ tự — ", Exact = false }).WaitForAsync();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).GetAttributeAsync("aria-current")).ShouldBe("true");
    }

    [GeneratedRegex("Hộ tịch, chứng thực, tư pháp")]
    private static partial Regex HoTich();
}
