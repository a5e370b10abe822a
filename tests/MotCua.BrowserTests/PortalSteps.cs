using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MotCua.IntegrationTests.Dossiers;

namespace MotCua.BrowserTests;

/// <summary>What a citizen does in the portal, step by step in a real browser (with or without JavaScript).</summary>
internal static class PortalSteps
{
    public const string Password = "MotCua@2026";
    public const string BirthRegistration = Reception.BirthRegistration;

    /// <summary>The bytes <see cref="Life.ResolveAsync"/> attaches as the electronic result.</summary>
    public static readonly byte[] ResultPdf = Reception.PdfWith("ket qua");

    public static readonly string BirthCertificate = WriteFile("giay-chung-sinh.pdf", Reception.PdfWith("giay chung sinh"));
    public static readonly string ClearBirthCertificate = WriteFile("giay-chung-sinh-ro.pdf", Reception.PdfWith("giay chung sinh ban ro"));

    /// <summary>A fresh browser context (its own cookies) on the shared browser, with one page.</summary>
    public static async Task<IPage> NewPageAsync(BrowserFixture browser, bool javaScript = true, int width = 1280, int height = 900)
        => await (await browser.NewContextAsync(width, height, javaScript)).NewPageAsync();

    /// <summary>From any page: "Đăng nhập VNeID", the provider's page, and back where the citizen was, signed in.</summary>
    public static async Task SignInAsync(IPage page, string idNumber, string name)
    {
        var from = new Uri(page.Url).PathAndQuery;
        await page.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập VNeID", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập bằng tài khoản định danh điện tử", Level = 1 }).WaitForAsync();
        await page.GetByLabel("Số định danh cá nhân").FillAsync(idNumber);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == from);
        await page.GetByText(name, new() { Exact = true }).First.WaitForAsync();
    }

    /// <summary>Home → search typed without accents → the birth registration page → its start button.</summary>
    public static async Task FindAndStartBirthRegistrationAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Tìm thủ tục hành chính").FillAsync("dang ky khai sinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm kiếm" }).ClickAsync();
        await page.WaitForURLAsync("**/procedures?q=*");
        await page.GetByRole(AriaRole.Link, new() { Name = "Thủ tục đăng ký khai sinh", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Thủ tục đăng ký khai sinh", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nộp hồ sơ trực tuyến" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Nộp hồ sơ trực tuyến", Level = 1 }).WaitForAsync();
        new Uri(page.Url).AbsolutePath.ShouldBe($"/portal/nop/{BirthRegistration}");
    }

    public static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    /// <summary>The applicant's residence (the form has other addresses: the place of birth, the mother's residence).</summary>
    public static ILocator ApplicantStreet(IPage page) => page.Locator("#f-applicant-address-street");

    public static ILocator ApplicantWard(IPage page) => page.Locator("#f-applicant-address-ward");

    /// <summary>
    /// The birth registration's declaration besides the applicant (seed/forms/1.001193.json): the relation, the child —
    /// its date typed dd/mm/yyyy, its place of birth picked from Hà Nội's wards — and the mother; no father declared.
    /// </summary>
    public static async Task FillBirthDeclarationAsync(IPage page, bool english = false)
    {
        var required = english ? " (required)" : " (bắt buộc)";
        await page.Locator("#f-declarant-relation").SelectOptionAsync(new SelectOptionValue { Value = "me" });
        await Field(page, "Họ, chữ đệm và tên" + required).FillAsync("Nguyễn Minh An");
        await Field(page, "Giới tính" + required).SelectOptionAsync(new SelectOptionValue { Label = "Nam" });
        await Field(page, "Ngày, tháng, năm sinh" + required).FillAsync("01/11/2026");
        await Field(page, "Nơi sinh" + required).FillAsync("Bệnh viện Phụ sản Hà Nội");
        await page.Locator("#f-child-placeOfBirthWard-ward").SelectOptionAsync(new SelectOptionValue { Label = "Phường Ngọc Hà" });
        await page.Locator("#f-child-placeOfBirthWard-street").FillAsync("929 Đường La Thành");
        await Field(page, "Dân tộc" + required).SelectOptionAsync(new SelectOptionValue { Label = "Kinh" });
        await Field(page, "Quốc tịch" + required).SelectOptionAsync(new SelectOptionValue { Label = "Việt Nam" });
        await Field(page, "Quê quán" + required).FillAsync("Phường Ba Đình, Thành phố Hà Nội");
        await Field(page, "Họ, chữ đệm và tên của mẹ" + required).FillAsync("Nguyễn Thị Hường");
        await Field(page, "Ngày, tháng, năm sinh của mẹ" + required).FillAsync("14/03/1990");
        await Field(page, "Dân tộc của mẹ" + required).SelectOptionAsync(new SelectOptionValue { Label = "Kinh" });
        await Field(page, "Quốc tịch của mẹ" + required).SelectOptionAsync(new SelectOptionValue { Label = "Việt Nam" });
        await page.Locator("#f-mother-residence-ward").SelectOptionAsync(new SelectOptionValue { Label = "Phường Ba Đình" });
        await page.Locator("#f-mother-residence-street").FillAsync("12 Phố Quán Thánh");
        await page.Locator("#f-father-declared").SelectOptionAsync(new SelectOptionValue { Value = "khong" });
    }

    /// <summary>The dossier code of the detail page the portal shows after submitting (its h1 is "Hồ sơ {code}").</summary>
    public static async Task<string> DossierCodeAsync(IPage page)
    {
        var heading = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Trim();
        heading.ShouldStartWith("Hồ sơ ");
        return heading["Hồ sơ ".Length..];
    }

    /// <summary>The officer receives the online dossier and asks for one document again (through the API).</summary>
    public static async Task ReceiveAndRequestSupplementAsync(HttpClient officer, string code, string document, string reason)
    {
        await Life.ReceiveOnlineAsync(officer, code);
        var response = await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplement-requests", new { items = new[] { new { document, reason } } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The officers process the dossier to an electronic result (through the API); asked for online, it is delivered
    /// online at once, otherwise the desk returns it electronically.
    /// </summary>
    public static async Task ResolveAndReturnElectronicallyAsync(BrowserFixture browser, HttpClient officer, string code, string name)
    {
        await Life.ResolveAsync(browser.App, officer, code);
        if (await StatusAsync(officer, code) == "result-returned")
        {
            return;
        }

        var response = await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/returns", new { channel = "Electronic", to = "Owner", recipientName = name });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> StatusAsync(HttpClient officer, string code)
        => (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}")).GetProperty("status").GetString()!;

    /// <summary>Answers every satisfaction question with its best score, likes the service and sends the rating.</summary>
    public static async Task RateAsync(IPage page, string comment)
    {
        var radios = page.Locator("input[type=radio][name^='score-']");
        var best = new Dictionary<string, (int Score, string Id)>(StringComparer.Ordinal);
        for (var i = 0; i < await radios.CountAsync(); i++)
        {
            var radio = radios.Nth(i);
            var name = (await radio.GetAttributeAsync("name"))!;
            var score = int.Parse((await radio.GetAttributeAsync("value"))!, System.Globalization.CultureInfo.InvariantCulture);
            if (!best.TryGetValue(name, out var known) || score > known.Score)
            {
                best[name] = (score, (await radio.GetAttributeAsync("id"))!);
            }
        }

        best.Count.ShouldBeGreaterThan(0, "the rating form lists the criteria");
        foreach (var (_, id) in best.Values)
        {
            await page.Locator($"#{id}").CheckAsync();
        }

        await page.GetByLabel("Thích", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Ý kiến góp ý (không bắt buộc)").FillAsync(comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await page.GetByText("Cảm ơn bạn đã đánh giá.").WaitForAsync();
        await page.GetByText("Bạn đã đánh giá hồ sơ này").WaitForAsync();
    }

    private static string WriteFile(string name, byte[] content)
    {
        var dir = Path.Combine(Path.GetTempPath(), "motcua-browser-tests");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
