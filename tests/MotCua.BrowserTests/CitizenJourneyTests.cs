using Microsoft.Playwright;
using static MotCua.BrowserTests.PortalSteps;

namespace MotCua.BrowserTests;

/// <summary>
/// A citizen's whole journey in a real browser: sign in with the (bundled) e-ID, find the procedure typing without
/// accents, file with prefill, save a draft, come back to it from "My dossiers", submit, supply what the officer
/// asks for, download the electronic result and rate it. Once with JavaScript and once without: the portal is
/// plain HTML forms. The officers' side goes through the HTTP API (their pages have their own browser tests).
/// </summary>
[Collection("browser")]
public sealed class CitizenJourneyTests(BrowserFixture browser)
{
    [Fact]
    public Task A_citizen_files_online_supplies_a_document_downloads_the_result_and_rates_it()
        => JourneyAsync(javaScript: true, "001078000003", "Lê Thị Thu");

    [Fact]
    public Task The_same_journey_works_with_JavaScript_disabled()
        => JourneyAsync(javaScript: false, "001095000004", "Phạm Quốc Bảo");

    private async Task JourneyAsync(bool javaScript, string idNumber, string name)
    {
        var page = await NewPageAsync(browser, javaScript);
        await page.SetContentAsync("<p id=js>off</p><script>document.getElementById('js').textContent = 'on'</script>");
        (await page.Locator("#js").TextContentAsync()).ShouldBe(javaScript ? "on" : "off", "pages run scripts only when JavaScript is enabled");

        // Sign in through the provider's own page, back home.
        await page.GotoAsync("/");
        await SignInAsync(page, idNumber, name);

        // Find the procedure without accents and start filing: the applicant is prefilled from the e-ID.
        await FindAndStartBirthRegistrationAsync(page);
        (await Field(page, "Họ và tên (bắt buộc)").InputValueAsync()).ShouldBe(name);
        (await Field(page, "Số định danh cá nhân (bắt buộc)").InputValueAsync()).ShouldBe(idNumber);
        (await ApplicantStreet(page).InputValueAsync()).ShouldNotBeEmpty("the permanent residence comes from the population registry");

        // Fill the rest and save a draft.
        var email = $"cong.dan.{idNumber}@example.vn";
        await Field(page, "Thư điện tử").FillAsync(email);
        // Living in Ba Đình ward now (where the demo officers work): the ward's People's Committee will decide.
        await ApplicantWard(page).SelectOptionAsync(new SelectOptionValue { Value = "00004" });
        await Field(page, "Số điện thoại (bắt buộc)").FillAsync("0988111222");
        await Field(page, "Giấy chứng sinh (bắt buộc)").SetInputFilesAsync(BirthCertificate);
        await FillBirthDeclarationAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nháp" }).ClickAsync();
        await page.GetByText("Đã lưu bản nháp").WaitForAsync();

        // Leave, come back through "My dossiers" and resume: what was typed and uploaded is there.
        await page.Locator("header a.brand").ClickAsync(); // the product mark leads home
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ của tôi", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ nháp" }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Thủ tục đăng ký khai sinh", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/portal/nop/*?draft=*");
        (await Field(page, "Thư điện tử").InputValueAsync()).ShouldBe(email);
        (await Field(page, "Số điện thoại (bắt buộc)").InputValueAsync()).ShouldBe("0988111222");
        await page.GetByText("Đã tải lên: giay-chung-sinh.pdf").WaitForAsync();

        // Review, declare, submit: the dossier's code is shown.
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếp tục" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Kiểm tra lại trước khi nộp" }).WaitForAsync();
        (await page.GetByText(email).IsVisibleAsync()).ShouldBeTrue();
        await page.GetByLabel("Tôi cam đoan", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Nộp hồ sơ" }).ClickAsync();
        await page.WaitForURLAsync("**/portal/ho-so/*?done=submitted");
        var code = await DossierCodeAsync(page);
        code.ShouldContain(".H26-");
        (await page.GetByRole(AriaRole.Status).TextContentAsync())!.ShouldContain($"Mã hồ sơ của bạn: {code}");

        // The reception officer receives it and asks for a clearer birth certificate.
        using var officer = await browser.App.SignedInAsync("tiepnhan");
        (await StatusAsync(officer, code)).ShouldBe("registered-online");
        await ReceiveAndRequestSupplementAsync(officer, code, "Giấy chứng sinh", "Bản chụp bị mờ");

        // The citizen sees what is asked in "My dossiers" and uploads that very item.
        await page.GetByRole(AriaRole.Link, new() { Name = "Hồ sơ của tôi", Exact = true }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = code });
        (await row.TextContentAsync())!.ShouldContain("Cần bổ sung hồ sơ");
        await row.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bổ sung hồ sơ" }).WaitForAsync();
        await page.GetByText("Lý do: Bản chụp bị mờ").WaitForAsync();

        // Sent without the file first: refused, and the error leads to the item's upload field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ bổ sung" }).ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        (await alert.TextContentAsync())!.ShouldContain("Giấy chứng sinh");
        (await alert.GetByRole(AriaRole.Link).First.GetAttributeAsync("href"))!.ShouldBe($"/portal/ho-so/{code}#items-0");
        await Field(page, "Giấy chứng sinh").SetInputFilesAsync(ClearBirthCertificate);
        await page.GetByLabel("Ghi chú (không bắt buộc)").FillAsync("Bản chụp rõ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ bổ sung" }).ClickAsync();
        await page.GetByText("Đã gửi hồ sơ bổ sung.").WaitForAsync();
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Bổ sung hồ sơ" }).CountAsync()).ShouldBe(0, "nothing more is asked");
        (await StatusAsync(officer, code)).ShouldBe("in-progress");

        // The officers process it to an electronic result, returned electronically.
        await ResolveAndReturnElectronicallyAsync(browser, officer, code, name);

        // The citizen downloads the result: the very file the specialist attached.
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tải kết quả điện tử" }).WaitForAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "giay-khai-sinh.pdf" });
        var href = (await link.GetAttributeAsync("href"))!;
        href.ShouldStartWith($"/portal/ho-so/{Uri.EscapeDataString(code)}/ket-qua/");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.ShouldBe("giay-khai-sinh.pdf");
        (await File.ReadAllBytesAsync((await download.PathAsync())!)).ShouldBe(ResultPdf);
        var response = await page.Context.APIRequest.GetAsync(href);
        response.Status.ShouldBe(200);
        response.Headers["content-type"].ShouldStartWith("application/pdf");
        var body = await response.BodyAsync();
        body.ShouldBe(ResultPdf);
        System.Text.Encoding.ASCII.GetString(body, 0, 5).ShouldBe("%PDF-");

        // And rates the service, once.
        await RateAsync(page, "Nhanh, không phải đi lại");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).CountAsync()).ShouldBe(0);
    }
}
