using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>The network page on its base map and the managers' load summary, on a 360 px phone: no sideways scrolling, axe clean.</summary>
[Collection("browser")]
public sealed class MapsPagesTests(BrowserFixture browser)
{
    private const int PhoneWidth = BrowserFixture.PhoneWidth;

    [Theory]
    [InlineData("vi", "Mạng lưới điểm phục vụ", "Thứ Hai–Thứ Sáu 8:00–12:00, 13:00–17:00; Thứ Bảy 8:00–12:00")]
    [InlineData("en", "Service points network", "Mon–Fri 8:00–12:00, 13:00–17:00; Sat 8:00–12:00")]
    public async Task The_network_page_shows_its_map_and_hours_on_a_phone(string lang, string heading, string hours)
    {
        var page = await PhoneAsync();
        await page.GotoAsync($"/culture?lang={lang}&returnUrl=/network");
        await page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }).WaitForAsync();

        var map = page.Locator("svg.network-map");
        (await map.CountAsync()).ShouldBe(1);
        (await map.GetAttributeAsync("role")).ShouldBe("img");
        (await map.BoundingBoxAsync())!.Width.ShouldBeLessThanOrEqualTo(PhoneWidth);
        (await page.Locator("svg.network-map path.ward").CountAsync()).ShouldBe(126);
        (await page.GetByText(hours).CountAsync()).ShouldBeGreaterThan(0);
        await FitsAsync(page);
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GotoAsync("/network/CN01");
        (await page.Locator("svg.network-map path.ward.marked").CountAsync()).ShouldBe(1);
        await FitsAsync(page);
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }

    [Fact]
    public async Task A_branch_manager_reads_her_branch_load_on_a_phone()
    {
        var page = await PhoneAsync();
        await browser.SignInAsync(page, "quanly");
        await page.GotoAsync("/quan-ly/tai");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tải các điểm phục vụ", Level = 1 }).WaitForAsync();
        (await page.Locator("li.branch-load").CountAsync()).ShouldBe(1);
        await FitsAsync(page);
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.Locator("li.branch-load a").ClickAsync();
        await page.WaitForURLAsync("**/quan-ly/tai/CN01");
        (await page.Locator("li.point-load").CountAsync()).ShouldBeGreaterThan(1);
        await FitsAsync(page);
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        var response = await page.GotoAsync("/quan-ly/tai/CN02");
        response!.Status.ShouldBe(403);
    }

    [Fact]
    public async Task The_coverage_map_fits_a_phone()
    {
        var page = await PhoneAsync();
        await browser.SignInAsync(page, "giamdoc");
        await page.GotoAsync("/admin/planning/coverage");
        (await page.Locator("svg.coverage-map path.ward").CountAsync()).ShouldBe(126);
        await FitsAsync(page);
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await browser.NewPhoneContextAsync();
        return await context.NewPageAsync();
    }

    private static async Task FitsAsync(IPage page)
        => (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(PhoneWidth, page.Url);
}
