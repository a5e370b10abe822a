using Microsoft.Playwright;

namespace MotCua.BrowserTests;

[Collection("browser")]
public sealed class ReceptionPagesTests(BrowserFixture browser)
{
    private static readonly string ScanPath = WriteScan();

    [Fact]
    public async Task An_officer_receives_a_counter_dossier_and_a_citizen_tracks_it_by_code()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "tiepnhan");

        await page.GotoAsync("/reception");
        await page.GetByLabel("Tìm thủ tục").FillAsync("dang ky khai sinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Thủ tục đăng ký khai sinh", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Thủ tục đăng ký khai sinh" }).WaitForAsync();

        // The applicant's ID number fills the form from the population registry.
        await page.GetByLabel("Số định danh cá nhân (tra cứu CSDL dân cư)").FillAsync("001090000001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await page.WaitForURLAsync("**id=001090000001*");
        (await page.GetByLabel("Họ tên / tên tổ chức").InputValueAsync()).ShouldBe("Nguyễn Thị Hường");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        // Nothing ticked yet: refused with the missing documents listed, what was typed is kept.
        await page.GetByLabel("Điện thoại").FillAsync("0987654321");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        (await page.GetByRole(AriaRole.Alert).TextContentAsync())!.ShouldContain("Thiếu giấy tờ");
        (await page.GetByLabel("Điện thoại").InputValueAsync()).ShouldBe("0987654321");

        // The checklist is a list of paper cards, each with its provision as labelled radios; it fits a 360 px screen.
        var papers = page.Locator("li.paper");
        var rows = await papers.CountAsync();
        rows.ShouldBeGreaterThan(0);
        await page.SetViewportSizeAsync(360, 780);
        (await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360, "no sideways scroll at 360 px");
        await BrowserFixture.ShouldBeAccessibleAsync(page);
        await page.SetViewportSizeAsync(1280, 720);
        await papers.Nth(0).GetByRole(AriaRole.Radio, new() { Name = "Bản giấy, số hóa tại quầy" }).CheckAsync();
        await papers.Nth(0).GetByLabel("Tệp số hóa").SetInputFilesAsync(ScanPath);
        for (var i = 1; i < rows; i++)
        {
            await papers.Nth(i).GetByRole(AriaRole.Radio, new() { Name = "Không phải nộp (CSDL dân cư)" }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await page.WaitForURLAsync("**/dossiers/*");
        var heading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
        var code = heading!.Replace("Hồ sơ ", "", StringComparison.Ordinal).Trim();
        code.ShouldContain(".H26-");
        (await page.GetByText("Đã tiếp nhận").First.IsVisibleAsync()).ShouldBeTrue();
        (await page.GetByText("Hẹn trả kết quả", new() { Exact = true }).IsVisibleAsync()).ShouldBeTrue();
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        // The slip to print: a PDF with the code in it.
        var slipHref = await page.GetByRole(AriaRole.Link, new() { Name = "In giấy tiếp nhận và hẹn trả kết quả (mẫu 01)" }).GetAttributeAsync("href");
        var slip = await page.Context.APIRequest.GetAsync(slipHref!);
        slip.Status.ShouldBe(200);
        slip.Headers["content-type"].ShouldBe("application/pdf");
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await slip.BodyAsync()))
        {
            pdf.GetPage(1).Text.ShouldContain(code);
        }

        // And its line in the tracking book of the branch.
        await page.GetByRole(AriaRole.Link, new() { Name = "Sổ theo dõi hồ sơ" }).ClickAsync();
        await page.WaitForURLAsync("**/dossiers/book*");

        // The book year of the reception (from the code's yyMMdd): the day view would miss it if local midnight passed meanwhile.
        var yy = code.Split('-')[^2][..2];
        await page.GotoAsync($"/dossiers/book?year=20{yy}");
        await page.GetByRole(AriaRole.Link, new() { Name = code }).WaitForAsync();
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        var citizen = await browser.NewPageAsync();
        await citizen.GotoAsync("/tra-cuu");
        await citizen.GetByLabel("Mã hồ sơ").FillAsync(code);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await citizen.GetByRole(AriaRole.Heading, new() { Name = $"Hồ sơ {code}" }).WaitForAsync();
        (await citizen.GetByText("Tiếp nhận hồ sơ").First.IsVisibleAsync()).ShouldBeTrue();
        (await citizen.ContentAsync()).ShouldNotContain("Nguyễn Thị Hường");
        await BrowserFixture.ShouldBeAccessibleAsync(citizen);

        await citizen.GotoAsync("/tra-cuu?code=000.00.00.H26-000000-0000");
        (await citizen.GetByRole(AriaRole.Alert).TextContentAsync())!.ShouldContain("Không tìm thấy hồ sơ");
    }

    private static string WriteScan()
    {
        var path = Path.Combine(Path.GetTempPath(), "motcua-scan.pdf");
        File.WriteAllBytes(path, MotCua.IntegrationTests.Dossiers.Reception.PdfWith("scan"));
        return path;
    }
}
