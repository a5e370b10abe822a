using System.Text.Json;
using Microsoft.Playwright;

namespace MotCua.BrowserTests;

[Collection("browser")]
public sealed class CounterPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_officer_opens_a_counter_and_calls_serves_and_finishes_a_ticket_taken_at_the_kiosk()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "tiepnhan");

        // A commune service point of the officer's branch (its own queue, untouched by other tests).
        var branch = await page.Context.APIRequest.GetAsync("/api/v1/branches/CN01");
        var children = JsonDocument.Parse(await branch.TextAsync()).RootElement.GetProperty("children").EnumerateArray()
            .Select(c => c.GetProperty("code").GetString()!).Where(c => c.StartsWith("DPV-", StringComparison.Ordinal)).ToList();
        var point = children.Count > 0 ? children[^1] : "CN01";
        var counter = point == "CN01" ? 6 : 2;

        await page.GotoAsync($"/quay?point={point}");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Quầy phục vụ", Level = 1 }).WaitForAsync();
        await BrowserFixture.ShouldBeAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Mở Quầy {counter}" }).ClickAsync();
        await page.WaitForURLAsync($"**/quay/{point}/{counter}?ok=mo");
        (await page.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain("Đã mở quầy");

        // The point's kiosk (in Development the demo enrols the kiosk's browser by itself) prints a number.
        var kiosk = await browser.NewPageAsync();
        await kiosk.AddInitScriptAsync("window.print = function () { };");
        await kiosk.GotoAsync($"/kiosk/{point}");
        await kiosk.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("Hộ tịch, chứng thực, tư pháp") }).ClickAsync();
        await kiosk.WaitForURLAsync($"**/kiosk/{point}/ve/*");
        var number = (await kiosk.Locator(".ticket .number").TextContentAsync())!.Trim();

        await page.GetByRole(AriaRole.Button, new() { Name = "Gọi số tiếp theo" }).ClickAsync();
        await page.WaitForURLAsync("**ok=goi");
        (await page.Locator(".desk-number").TextContentAsync()).ShouldBe(number);
        (await page.GetByText("Đã gọi", new() { Exact = true }).IsVisibleAsync()).ShouldBeTrue();

        await page.GetByRole(AriaRole.Button, new() { Name = "Bắt đầu phục vụ" }).ClickAsync();
        await page.WaitForURLAsync("**ok=bat-dau");
        (await page.GetByText("Đang phục vụ", new() { Exact = true }).IsVisibleAsync()).ShouldBeTrue();
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Kết thúc" }).ClickAsync();
        await page.WaitForURLAsync("**ok=ket-thuc");
        (await page.GetByRole(AriaRole.Cell, new() { Name = number, Exact = true }).IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator(".desk-number").CountAsync()).ShouldBe(0);

        // Finishing again: nothing is being served, refused with a message and no change.
        await page.GetByRole(AriaRole.Button, new() { Name = "Kết thúc" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        (await page.GetByRole(AriaRole.Alert).TextContentAsync())!.ShouldContain("không có số nào đang được gọi hay phục vụ");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Đóng quầy" }).ClickAsync();
        await page.WaitForURLAsync("**ok=dong");
    }

    [Fact]
    public async Task A_manager_sees_the_load_per_branch_and_drills_down_to_its_points()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "giamdoc");
        await page.GotoAsync("/quan-ly/tai");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tải các điểm phục vụ", Level = 1 }).WaitForAsync();
        (await page.Locator("li.branch-load").CountAsync()).ShouldBe(12);
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Chi nhánh số 1 ", Exact = false }).First.ClickAsync();
        await page.WaitForURLAsync("**/quan-ly/tai/CN01");
        (await page.Locator("li.point-load").CountAsync()).ShouldBeGreaterThan(1);
        (await page.GetByRole(AriaRole.Group, new() { Name = "Mở thêm quầy" }).CountAsync()).ShouldBe(1);

        // Staff and counters are picked by name from lists, not typed.
        foreach (var label in new[] { "Quầy (đang đóng)", "Cán bộ trực", "Cán bộ (đang trực quầy)", "Đến quầy (đang đóng)" })
        {
            (await page.GetByLabel(label, new() { Exact = true }).EvaluateAsync<string>("e => e.tagName")).ShouldBe("SELECT", label);
        }

        (await page.GetByLabel("Cán bộ trực", new() { Exact = true }).Locator("option", new() { HasText = "Phạm Thị Lan" }).CountAsync()
            + await page.GetByLabel("Cán bộ (đang trực quầy)", new() { Exact = true }).Locator("option", new() { HasText = "Phạm Thị Lan" }).CountAsync()).ShouldBe(1);
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }
}
