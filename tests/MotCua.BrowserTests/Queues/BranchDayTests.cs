using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MotCua.Queues.Tickets;

namespace MotCua.BrowserTests.Queues;

/// <summary>
/// One visit through the whole waiting room in real browsers, nothing done server-side: a visitor taps a service at
/// the kiosk, the manager on duty opens a counter and calls the next number on the counter page, and the board in the
/// waiting room shows and announces that number at that counter without being reloaded.
/// </summary>
[Collection("browser")]
public sealed partial class BranchDayTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_ticket_taken_at_the_kiosk_is_called_from_the_counter_page_and_appears_on_the_board()
    {
        // A commune service point of CN01 used by no other browser test (its queue starts empty today).
        var officer = await browser.NewPageAsync();
        await officer.AddInitScriptAsync("window.print = function () { };");
        await browser.SignInAsync(officer, "quanly");
        var branch = await officer.Context.APIRequest.GetAsync("/api/v1/branches/CN01");
        var points = JsonDocument.Parse(await branch.TextAsync()).RootElement.GetProperty("children").EnumerateArray()
            .Select(c => c.GetProperty("code").GetString()!).Where(c => c.StartsWith("DPV-", StringComparison.Ordinal)).ToList();
        points.Count.ShouldBeGreaterThan(1);
        var point = points[^2];

        var board = await browser.NewPageAsync();
        await board.GotoAsync($"/bang/{point}");
        await board.GetByRole(AriaRole.Heading, new() { Name = "Bảng gọi số", Exact = false }).WaitForAsync();

        var kiosk = await browser.NewPageAsync();
        await kiosk.AddInitScriptAsync("window.print = function () { };");
        await kiosk.GotoAsync($"/kiosk/{point}");
        await kiosk.GetByRole(AriaRole.Button, new() { NameRegex = HoTich() }).ClickAsync();
        await kiosk.WaitForURLAsync($"**/kiosk/{point}/ve/*");
        var number = (await kiosk.Locator(".ticket .number").TextContentAsync())!.Trim();
        number.ShouldStartWith("A-");

        await officer.GotoAsync($"/quay?point={point}");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Mở Quầy 1" }).ClickAsync();
        await officer.WaitForURLAsync($"**/quay/{point}/1?ok=mo");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Gọi số tiếp theo" }).ClickAsync();
        await officer.WaitForURLAsync("**ok=goi");
        (await officer.Locator(".desk-number").TextContentAsync()).ShouldBe(number);

        // The board learns it from the server-sent events: same page, no reload.
        await board.Locator("#calls").GetByText(number).WaitForAsync();
        (await board.Locator("#announce").TextContentAsync()).ShouldBe($"Mời số {TicketText.Spoken(number)} đến Quầy 1");
        await BrowserFixture.ShouldBeAccessibleAsync(board);

        await officer.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu phục vụ" }).ClickAsync();
        await officer.WaitForURLAsync("**ok=bat-dau");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Kết thúc" }).ClickAsync();
        await officer.WaitForURLAsync("**ok=ket-thuc");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Đóng quầy" }).ClickAsync();
        await officer.WaitForURLAsync("**ok=dong");

        // A visitor who does not use the kiosk gets the same printed ticket at the reception desk.
        await officer.GotoAsync($"/quay?point={point}");
        await officer.GetByLabel("Nhóm dịch vụ").SelectOptionAsync("CA");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Cấp số" }).ClickAsync();
        await officer.WaitForURLAsync($"**/kiosk/{point}/ve/*");
        (await officer.Locator(".ticket .number").TextContentAsync())!.Trim().ShouldStartWith("B-");
    }

    [GeneratedRegex("Hộ tịch, chứng thực, tư pháp")]
    private static partial Regex HoTich();
}
