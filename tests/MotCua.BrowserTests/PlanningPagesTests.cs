using Microsoft.Playwright;

namespace MotCua.BrowserTests;

[Collection("browser")]
public sealed class PlanningPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_director_changes_the_radius_sees_the_map_and_the_pages_pass_axe()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "giamdoc");
        await page.GotoAsync("/admin/planning/coverage");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Độ phủ của mạng lưới điểm phục vụ", Level = 1 }).WaitForAsync();

        await page.GetByLabel("Bán kính (km)").FillAsync("3");
        await page.GetByLabel("Số địa điểm đề xuất").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tính" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Địa bàn ngoài 3,0 km", Exact = false }).WaitForAsync();
        (await page.GetByRole(AriaRole.Img, new() { Name = "Bản đồ phủ dân số trong 3,0 km" }).CountAsync()).ShouldBe(1);
        (await page.Locator("circle.suggested-reach").CountAsync()).ShouldBe(2);
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GotoAsync("/admin/planning/staffing");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Số quầy cần cho mỗi điểm", Level = 1 }).WaitForAsync();
        (await page.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain("184");
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }
}
