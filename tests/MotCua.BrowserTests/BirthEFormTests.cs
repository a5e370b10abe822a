using Microsoft.Playwright;
using static MotCua.BrowserTests.PortalSteps;

namespace MotCua.BrowserTests;

/// <summary>
/// The birth registration's e-form on a 360 px phone in Chromium: the child's date typed as dd/mm/yyyy in a text
/// input (never the browser's date picker, whose format follows the device), the place of birth picked from Hà Nội's
/// wards (names, grouped Phường / Xã; the code is only the option's value), the review and the dossier afterwards
/// showing names and dd/MM/yyyy dates, not codes.
/// </summary>
[Collection("browser")]
public sealed class BirthEFormTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_citizen_files_the_birth_registration_on_a_360px_phone_with_the_ward_picker_and_typed_dates()
    {
        var page = await NewPageAsync(browser, width: 360, height: 780);
        await page.GotoAsync("/portal/login?returnUrl=" + Uri.EscapeDataString($"/portal/nop/{BirthRegistration}"));
        await page.GetByLabel("Số định danh cá nhân").FillAsync("001085000002");
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Nộp hồ sơ trực tuyến", Level = 1 }).WaitForAsync();

        // No date picker anywhere in the form: a numeric text input with the dd/mm/yyyy placeholder.
        (await page.Locator("form input[type=date]").CountAsync()).ShouldBe(0);
        var born = Field(page, "Ngày, tháng, năm sinh (bắt buộc)");
        (await born.GetAttributeAsync("type")).ShouldBe("text");
        (await born.GetAttributeAsync("inputmode")).ShouldBe("numeric");
        (await born.GetAttributeAsync("placeholder")).ShouldBe("dd/mm/yyyy");
        (await page.Locator("#f-applicant-dateOfBirth").InputValueAsync()).ShouldBe("02/11/1985", "the e-ID's birth date, shown dd/MM/yyyy");

        // The ward picker lists Hà Nội's wards by name at once, grouped, without a typed code.
        var ward = page.Locator("#f-child-placeOfBirthWard-ward");
        (await ward.Locator("optgroup").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        (await ward.Locator("option").CountAsync()).ShouldBe(127, "Hà Nội's 126 wards and communes and the empty choice");

        await Field(page, "Giấy chứng sinh (bắt buộc)").SetInputFilesAsync(BirthCertificate);
        await FillBirthDeclarationAsync(page);
        await born.FillAsync("31/02/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        await page.Locator(".error-summary").GetByText("Ngày, tháng, năm sinh không phải là ngày hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 14/03/1990.").WaitForAsync();
        (await born.InputValueAsync()).ShouldBe("31/02/2026", "what was typed is kept");

        await born.FillAsync("01112026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Kiểm tra lại trước khi nộp" }).WaitForAsync();
        var review = page.Locator("dl.facts");
        (await review.TextContentAsync())!.ShouldContain("01/11/2026");
        (await review.TextContentAsync())!.ShouldContain("929 Đường La Thành, Phường Ngọc Hà, Thành phố Hà Nội");
        (await review.TextContentAsync())!.ShouldNotContain("00008");
        (await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);

        await page.GetByLabel("Tôi cam đoan", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/ho-so/*?done=submitted");
        var declaration = page.Locator("section.declaration");
        (await declaration.TextContentAsync())!.ShouldContain("Nguyễn Minh An");
        (await declaration.TextContentAsync())!.ShouldContain("Kinh");
        (await declaration.TextContentAsync())!.ShouldContain("Phường Ngọc Hà");
        (await declaration.TextContentAsync())!.ShouldNotContain("2026-11-01");
        (await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
    }
}
