using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MotCua.IntegrationTests.Dossiers;
using static MotCua.BrowserTests.PortalSteps;

namespace MotCua.BrowserTests;

/// <summary>
/// Every portal page, public and signed in, in each state a citizen meets it: axe-core finds nothing serious or
/// critical, and the page fits a 360 px phone without scrolling sideways. In Vietnamese and in English. The apply
/// form's error summary links take the keyboard to the field.
/// </summary>
[Collection("browser")]
public sealed class PortalPagesTests(BrowserFixture browser)
{
    private const int PhoneWidth = BrowserFixture.PhoneWidth;

    [Fact]
    public Task Every_portal_page_is_accessible_and_fits_a_360px_phone()
        => EveryPageAsync(english: false, "001049000005", "Hoàng Văn Thọ");

    [Fact]
    public Task Every_portal_page_is_accessible_and_fits_a_360px_phone_in_English()
        => EveryPageAsync(english: true, "001001000006", "Vũ Ngọc Anh");

    [Fact]
    public async Task The_apply_form_error_summary_links_take_the_keyboard_to_each_field()
    {
        var page = await NewPageAsync(browser);
        await page.GotoAsync("/portal/login?returnUrl=" + Uri.EscapeDataString($"/portal/nop/{BirthRegistration}"));
        await SignInOnProviderPageAsync(page, "001090000001");
        await Field(page, "Họ và tên (bắt buộc)").FillAsync("");
        await Field(page, "Số điện thoại (bắt buộc)").FillAsync("12ab");
        await ApplicantStreet(page).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await summary.WaitForAsync();
        var links = summary.GetByRole(AriaRole.Link);
        var count = await links.CountAsync();
        count.ShouldBeGreaterThanOrEqualTo(4, "the empty name, the bad phone number, the address without its street and the missing birth certificate");
        for (var i = 0; i < count; i++)
        {
            var link = links.Nth(i);
            var href = (await link.GetAttributeAsync("href"))!;
            href.ShouldStartWith($"/portal/nop/{BirthRegistration}#", customMessage: "with the layout's <base href=\"/\">, a bare #id would lead home");
            var target = href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..];
            var text = await link.TextContentAsync();

            // The keyboard way: Tab until the link has the focus, then Enter.
            await link.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var focused = await page.EvaluateAsync<string>(
                "t => { const a = document.activeElement, el = document.getElementById(t); return a === el || (el && el.contains(a) && a !== document.body) ? 'field' : (a.id || a.tagName); }",
                target);
            focused.ShouldBe("field", $"\"{text}\" (#{target}) should move the focus to its field");
            (await page.EvaluateAsync<bool>("t => { const a = document.activeElement; return !!a.labels && a.labels.length > 0 || !!a.getAttribute('aria-label'); }", target))
                .ShouldBeTrue($"the field \"{text}\" leads to has a label");
        }
    }

    private async Task EveryPageAsync(bool english, string idNumber, string name)
    {
        // A dossier waiting for a supplement and one with an electronic result to rate, both this citizen's.
        using var officer = await browser.App.SignedInAsync("tiepnhan");
        var waiting = await ReceiveAsync(officer, idNumber);
        (await officer.PostAsJsonAsync($"/api/v1/dossiers/{waiting}/supplement-requests", new
        {
            items = new[] { new { document = "Giấy chứng sinh", reason = "Bản chụp bị mờ" }, new { document = "Tờ khai đăng ký khai sinh", reason = "Thiếu chữ ký" } },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var finished = await ReceiveAsync(officer, idNumber);
        await ResolveAndReturnElectronicallyAsync(browser, officer, finished, name);

        var page = await NewPageAsync(browser, width: PhoneWidth, height: 740);
        string L(string vietnamese, string inEnglish) => english ? inEnglish : vietnamese;
        var problems = new List<string>();
        async Task Check(string what)
        {
            await page.WaitForLoadStateAsync(LoadState.Load);
            var url = new Uri(page.Url).PathAndQuery;
            var width = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
            if (width > PhoneWidth)
            {
                var wide = await page.EvaluateAsync<string>(
                    "w => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5).slice(0, 4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '') + ' → ' + Math.round(e.getBoundingClientRect().right)).join('; ')",
                    PhoneWidth);
                problems.Add($"{what} ({url}): {width} px wide at {PhoneWidth} px — {wide}");
            }

            try
            {
                await BrowserFixture.ShouldBeAccessibleAsync(page);
            }
            catch (ShouldAssertException e)
            {
                problems.Add($"{what} ({url}): {e.Message}");
            }

        }

        if (english)
        {
            await page.GotoAsync("/culture?lang=en&returnUrl=%2F");
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        }

        // Public pages.
        await page.GotoAsync("/");
        await Check("home");
        await page.GotoAsync("/procedures?q=dang+ky+khai+sinh");
        await Check("procedures, searched");
        await page.GotoAsync($"/procedures/{BirthRegistration}");
        await Check("procedure page");
        await page.GotoAsync($"/tra-cuu?code={Uri.EscapeDataString(finished)}");
        await page.GetByRole(AriaRole.Table).WaitForAsync();
        await Check("public tracking with a result");
        await page.GotoAsync("/portal/login-failed");
        await Check("sign-in failed");

        // The provider's sign-in page, then with a mistake shown, then signed in.
        await page.GotoAsync("/portal/login?returnUrl=%2Fportal%2Fho-so");
        await page.GetByLabel(L("Số định danh cá nhân", "Personal ID number")).WaitForAsync();
        await Check("e-ID sign-in");
        await page.GetByLabel(L("Số định danh cá nhân", "Personal ID number")).FillAsync(idNumber);
        await page.GetByLabel(L("Mật khẩu", "Password")).FillAsync("sai-mat-khau");
        await page.GetByRole(AriaRole.Button, new() { Name = L("Đăng nhập", "Sign in") }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).WaitForAsync();
        await Check("e-ID sign-in, wrong password");
        await SignInOnProviderPageAsync(page, idNumber, english);

        // The apply form: empty, refused with the errors shown, then the review step.
        await page.GotoAsync($"/portal/nop/{BirthRegistration}");
        await Check("apply form");
        await Field(page, L("Họ và tên (bắt buộc)", "Họ và tên (required)")).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await Check("apply form with errors");
        await Field(page, L("Họ và tên (bắt buộc)", "Họ và tên (required)")).FillAsync(name);
        await Field(page, L("Giấy chứng sinh (bắt buộc)", "Giấy chứng sinh (required)")).SetInputFilesAsync(BirthCertificate);
        await FillBirthDeclarationAsync(page, english);
        await page.GetByRole(AriaRole.Button, new() { Name = L("Tiếp tục", "Continue") }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = L("Kiểm tra lại trước khi nộp", "Check before you submit") }).WaitForAsync();
        await Check("apply form, review");

        // My dossiers (with the draft just saved), a supplement to give, a result to rate, the access log, my documents.
        await page.GotoAsync("/portal/ho-so");
        await page.GetByRole(AriaRole.Link, new() { Name = waiting }).WaitForAsync();
        await Check("my dossiers");
        await page.GotoAsync($"/portal/ho-so/{Uri.EscapeDataString(waiting)}");
        await page.GetByRole(AriaRole.Heading, new() { Name = L("Bổ sung hồ sơ", "Supplement the dossier") }).WaitForAsync();
        await Check("dossier with a supplement request");
        await page.GotoAsync($"/portal/ho-so/{Uri.EscapeDataString(finished)}");
        await page.GetByRole(AriaRole.Button, new() { Name = L("Gửi đánh giá", "Send the rating") }).WaitForAsync();
        await Check("dossier with a result to rate");
        await page.GotoAsync("/portal/nhat-ky-truy-cap");
        await page.GetByRole(AriaRole.Table).First.WaitForAsync();
        await Check("access log");
        await page.GotoAsync("/portal/giay-to");
        await page.GetByRole(AriaRole.Heading, new() { Name = L("Kết quả giải quyết", "Results") }).WaitForAsync();
        await Check("my documents");

        problems.ShouldBeEmpty(string.Join("\n\n", problems));
    }

    private static async Task SignInOnProviderPageAsync(IPage page, string idNumber, bool english = false)
    {
        await page.GetByLabel(english ? "Personal ID number" : "Số định danh cá nhân").FillAsync(idNumber);
        await page.GetByLabel(english ? "Password" : "Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = english ? "Sign in" : "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/portal/", StringComparison.Ordinal));
    }

    private static async Task<string> ReceiveAsync(HttpClient officer, string idNumber)
    {
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "to-khai.pdf");
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha, idNumber: idNumber));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }
}
