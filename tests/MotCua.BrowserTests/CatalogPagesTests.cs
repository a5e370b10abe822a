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
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Giấy tờ cần chuẩn bị" }).IsVisibleAsync()).ShouldBeTrue();
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }

    [Theory]
    [InlineData("vi", "Bạn cần làm gì?", "Sinh con", "Nộp hồ sơ trực tuyến", "Bỏ lọc sự kiện")]
    [InlineData("en", "What do you need to do?", "Having a baby", "Apply online", "Clear the life-event filter")]
    public async Task On_a_small_phone_a_citizen_follows_a_life_event_to_a_procedure_without_sideways_scrolling(
        string lang, string question, string birthEvent, string start, string clear)
    {
        await using var context = await browser.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/culture?lang={lang}&returnUrl=/");

        await page.GetByRole(AriaRole.Heading, new() { Name = question, Level = 2 }).WaitForAsync();
        (await page.GetByRole(AriaRole.Searchbox).CountAsync()).ShouldBe(1);
        await FitsAsync(page);
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = birthEvent, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = birthEvent, Level = 1 }).WaitForAsync();
        page.Url.ShouldContain("event=khai-sinh");
        (await page.GetByRole(AriaRole.Link, new() { Name = clear }).GetAttributeAsync("href"))!.ShouldNotContain("event=");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Thủ tục đăng ký kết hôn", Exact = true }).CountAsync()).ShouldBe(0);
        await FitsAsync(page);
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Thủ tục đăng ký khai sinh", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Thủ tục đăng ký khai sinh", Level = 1 }).WaitForAsync();
        var button = page.GetByRole(AriaRole.Link, new() { Name = start, Exact = true });
        (await button.IsVisibleAsync()).ShouldBeTrue();
        (await button.GetAttributeAsync("href")).ShouldBe("/portal/nop/1.001193");
        (await page.GetByText(lang == "en" ? "Online:" : "Trực tuyến:").First.IsVisibleAsync()).ShouldBeTrue();
        await FitsAsync(page);
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }

    [Theory]
    [InlineData("vi", "Kết quả bạn nhận được", "Giấy tờ cần chuẩn bị", "Chỉ khi thuộc trường hợp", "Căn cứ pháp lý (15)", "Khi trẻ em bị bỏ rơi")]
    [InlineData("en", "What you get", "What to bring", "Only if it applies to you", "Legal basis (15)", "If the child was abandoned")]
    public async Task The_procedure_page_reads_on_a_small_phone_what_you_get_and_what_to_bring_with_the_legal_detail_folded(
        string lang, string get, string bring, string onlyIf, string legal, string abandoned)
    {
        await using var context = await browser.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/culture?lang={lang}&returnUrl=/procedures/1.001193");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Thủ tục đăng ký khai sinh", Level = 1 }).WaitForAsync();

        (await page.GetByText(get, new() { Exact = true }).IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByText("Giấy khai sinh", new() { Exact = true }).IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByText("KQ.G15.000031").CountAsync()).ShouldBe(0, "the result's code is not glued to its name");
        (await page.GetByRole(AriaRole.Heading, new() { Name = bring, Level = 2 }).IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByRole(AriaRole.Heading, new() { Name = onlyIf, Level = 3 }).IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByText(abandoned).IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByText("Không có thông tin", new() { Exact = true }).CountAsync()).ShouldBe(0);

        // The legal detail is folded: the list of legal documents opens on demand.
        var law = page.GetByText("123/2015/NĐ-CP", new() { Exact = true });
        (await law.IsVisibleAsync()).ShouldBeFalse();
        await page.GetByText(legal, new() { Exact = true }).ClickAsync();
        (await law.IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByText("15/11/2015").First.IsVisibleAsync()).ShouldBeTrue();

        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        (await page.EvaluateAsync<int>("document.documentElement.scrollHeight")).ShouldBeLessThan(6000, "a short page, not the 17,500 px of scraped text");
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }

    /// <summary>Nothing wider than the screen: no sideways scrolling.</summary>
    private static async Task FitsAsync(IPage page)
        => (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360, page.Url);

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
        (await page.GetByText("Nguyễn Văn Quản", new() { Exact = true }).IsVisibleAsync()).ShouldBeTrue();

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
        (await page.Locator(".place-list > li").CountAsync()).ShouldBe(12, "one card per branch");
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
