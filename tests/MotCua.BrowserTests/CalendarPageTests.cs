using Microsoft.Playwright;

namespace MotCua.BrowserTests;

[Collection("browser")]
public sealed class CalendarPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_administrator_enters_a_day_off_with_its_legal_document_and_removes_it()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Lịch làm việc" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();

        await page.GetByLabel("Năm").FillAsync("2029");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Lịch làm việc năm 2029", Level = 1 }).WaitForAsync();
        (await page.GetByText("Chưa nhập").IsVisibleAsync()).ShouldBeTrue();
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        // Without the legal document the day is refused, what was typed stays, and nothing is written.
        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync("2029-05-02");
        await page.GetByLabel("Loại").SelectOptionAsync(new SelectOptionValue { Label = "Nghỉ hoán đổi" });
        await page.GetByLabel("Tên", new() { Exact = true }).FillAsync("Nghỉ hoán đổi dịp 2/5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        (await page.GetByRole(AriaRole.Alert).TextContentAsync())!.ShouldContain("văn bản pháp lý");
        (await page.GetByLabel("Tên", new() { Exact = true }).InputValueAsync()).ShouldBe("Nghỉ hoán đổi dịp 2/5");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByLabel("Ngày", new() { Exact = true }).FillAsync("2029-05-02");
        await page.GetByLabel("Văn bản căn cứ (số hiệu hoặc nguồn)").FillAsync("Thông báo 5/TB-BNV");
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm" }).ClickAsync();
        await page.GetByText("Lịch đã nhập theo văn bản").WaitForAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "02/05/2029" });
        (await row.TextContentAsync())!.ShouldContain("Thông báo 5/TB-BNV");
        (await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "02/09/2029" }).CountAsync()).ShouldBe(1, "the generated days are written with it");

        await row.GetByLabel("Văn bản căn cứ xóa ngày 2029-05-02").FillAsync("Thông báo 6/TB-BNV");
        await row.GetByRole(AriaRole.Button, new() { Name = "Xóa" }).ClickAsync();
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Thông báo 5/TB-BNV" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
