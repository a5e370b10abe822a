using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>A citizen signs in with the (bundled) national e-ID provider: real redirects in a real browser.</summary>
[Collection("browser")]
public sealed class CitizenSignInTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_citizen_signs_in_with_the_e_ID_comes_back_by_name_and_signs_out()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập VNeID", Exact = true }).ClickAsync();

        // The provider's own page, like the national VNeID.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập bằng tài khoản định danh điện tử", Level = 1 }).WaitForAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/connect/login");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByLabel("Số định danh cá nhân").FillAsync("001090000001");
        await page.GetByLabel("Mật khẩu").FillAsync("MotCua@2025");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        (await page.GetByRole(AriaRole.Alert).TextContentAsync())!.ShouldContain("Số định danh cá nhân hoặc mật khẩu không đúng.");
        (await page.GetByLabel("Số định danh cá nhân").InputValueAsync()).ShouldBe("001090000001", "what was typed stays");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByLabel("Mật khẩu").FillAsync("MotCua@2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

        // Back home through the app's callback, signed in.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GetByText("Nguyễn Thị Hường").WaitForAsync();
        (await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập VNeID", Exact = true }).CountAsync()).ShouldBe(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập VNeID", Exact = true }).WaitForAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/");
        (await page.GetByText("Nguyễn Thị Hường").CountAsync()).ShouldBe(0);

        // Signed out at the provider too: signing in again asks for the ID number.
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập VNeID", Exact = true }).ClickAsync();
        await page.GetByLabel("Số định danh cá nhân").WaitForAsync();
    }

    [Theory]
    [InlineData("/portal/ho-so")]
    [InlineData("/portal/giay-to")]
    [InlineData("/portal/nhat-ky-truy-cap")]
    [InlineData("/portal/nop/1.001193")]
    [InlineData("/portal/lich-hen")]
    [InlineData("/portal/dat-lich")]
    public async Task A_citizen_signs_out_from_a_portal_page(string path)
    {
        // The page's token was made for the signed-in citizen (the page requires one), the home page's for nobody:
        // sign-out accepts both.
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await PortalSteps.SignInAsync(page, "001085000002", "Trần Văn Minh");
        await page.GotoAsync(path);
        new Uri(page.Url).AbsolutePath.ShouldBe(path);

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập VNeID", Exact = true }).WaitForAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe("/");
        (await page.GetByText("Trần Văn Minh").CountAsync()).ShouldBe(0);

        // Signed out for real: the page asks for the e-ID again.
        await page.GotoAsync(path);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập bằng tài khoản định danh điện tử", Level = 1 }).WaitForAsync();
    }
}
