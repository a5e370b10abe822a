using Microsoft.Playwright;

namespace MotCua.BrowserTests;

[Collection("browser")]
public sealed class CatalogPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_citizen_finds_birth_registration_typing_without_accents_and_opens_it()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByLabel("Tìm thủ tục hành chính").FillAsync("dang ky khai sinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await page.WaitForURLAsync("**/procedures?q=*");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Thủ tục đăng ký khai sinh", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Thủ tục đăng ký khai sinh", Level = 1 }).WaitForAsync();
        (await page.GetByText("1.001193").First.IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Thành phần hồ sơ" }).IsVisibleAsync()).ShouldBeTrue();
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }

    [Fact]
    public async Task Filters_narrow_the_list_by_level()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/procedures");
        await page.GetByLabel("Cấp thực hiện").SelectOptionAsync(new SelectOptionValue { Value = "Cấp xã" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await page.WaitForURLAsync("**level=*");

        var summary = await page.GetByText("kết quả").First.TextContentAsync();
        summary.ShouldNotBeNull();
        int.Parse(summary.Split(' ')[0].Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThan(2642);
    }

    [Fact]
    public async Task An_administrator_signs_in_and_edits_a_procedure_into_a_new_version()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin");
        (await page.GetByText("Nguyễn Văn Quản").IsVisibleAsync()).ShouldBeTrue();

        await page.GotoAsync("/procedures/1.001766");
        await page.GetByRole(AriaRole.Link, new() { Name = "Chỉnh sửa" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sửa thủ tục 1.001766" }).WaitForAsync();
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        // A mistake first: the form says what is wrong and keeps what was typed.
        await page.GetByLabel("Tên thủ tục").FillAsync("");
        await page.GetByLabel("Lĩnh vực").FillAsync("Lĩnh vực đã gõ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        (await page.GetByRole(AriaRole.Alert).TextContentAsync())!.ShouldContain("Vui lòng nhập tên thủ tục.");
        (await page.GetByLabel("Lĩnh vực").InputValueAsync()).ShouldBe("Lĩnh vực đã gõ");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByLabel("Tên thủ tục").FillAsync("Thủ tục đã sửa qua trình duyệt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Thủ tục đã sửa qua trình duyệt", Level = 1 }).WaitForAsync();
        (await page.GetByText("Phiên bản 2").First.IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByText("Lĩnh vực đã gõ").First.IsVisibleAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task The_network_page_lists_every_service_point_accessibly()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/network?kind=Branch");
        (await page.GetByRole(AriaRole.Row).CountAsync()).ShouldBe(13);
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Chi nhánh số 1 (", Exact = false }).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        (await page.GetByText("Đơn vị trực thuộc").IsVisibleAsync()).ShouldBeTrue();
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }

    [Fact]
    public async Task The_sign_in_page_refuses_a_wrong_password_accessibly()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await BrowserFixture.ShouldBeAccessibleAsync(page);
        await page.GetByLabel("Tên đăng nhập").FillAsync("admin");
        await page.GetByLabel("Mật khẩu").FillAsync("khong-dung");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        (await page.GetByRole(AriaRole.Alert).TextContentAsync())!.ShouldContain("không đúng");
        (await page.GetByLabel("Tên đăng nhập").InputValueAsync()).ShouldBe("admin");
    }
}
