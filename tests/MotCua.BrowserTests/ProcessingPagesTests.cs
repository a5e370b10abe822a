using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using MotCua.IntegrationTests.Dossiers;

namespace MotCua.BrowserTests;

/// <summary>The back office at work: each officer in their own browser session, through the dossier page's forms.</summary>
[Collection("browser")]
public sealed class ProcessingPagesTests(BrowserFixture browser)
{
    private static readonly string ResultPath = WriteResult();

    [Fact]
    public async Task A_specialist_processes_a_leader_approves_and_the_reception_officer_returns_the_result()
    {
        var code = await ReceiveAsync();
        var officer = await SignedInAsync("tiepnhan");
        var leader = await SignedInAsync("lanhdao");
        var specialist = await SignedInAsync("chuyenvien");

        // The reception officer finds the dossier in the work list and hands it to the agency.
        await officer.GotoAsync("/work");
        await officer.GetByRole(AriaRole.Link, new() { Name = code }).First.ClickAsync();
        await BrowserFixture.ShouldBeAccessibleAsync(officer);
        await Step(officer, "Chuyển hồ sơ đến cơ quan giải quyết").GetByRole(AriaRole.Button, new() { Name = "Hoàn thành, chuyển bước tiếp theo" }).ClickAsync();
        await officer.GetByText("Đã ghi nhận thao tác").WaitForAsync();

        // The leader finishes the assignment step and gives the appraisal to the specialist.
        await leader.GotoAsync($"/dossiers/{code}");
        await Step(leader, "Phân công thụ lý").GetByRole(AriaRole.Button, new() { Name = "Hoàn thành, chuyển bước tiếp theo" }).ClickAsync();
        await leader.GetByText("Đã ghi nhận thao tác").WaitForAsync();
        var appraisal = Step(leader, "Thẩm định, xử lý hồ sơ");
        await appraisal.GetByLabel("Phân công cho").SelectOptionAsync(new SelectOptionValue { Label = "Hoàng Văn Nam" });
        await appraisal.GetByRole(AriaRole.Button, new() { Name = "Phân công" }).ClickAsync();
        await leader.GetByText("Người xử lý: Hoàng Văn Nam").WaitForAsync();
        await BrowserFixture.ShouldBeAccessibleAsync(leader);

        // The specialist sees it in "to process", attaches the result and hands it on.
        await specialist.GotoAsync("/work?list=to-process");
        await BrowserFixture.ShouldBeAccessibleAsync(specialist);
        await specialist.GetByRole(AriaRole.Link, new() { Name = code }).First.ClickAsync();
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Đính kèm kết quả" }).ClickAsync();
        await specialist.GetByRole(AriaRole.Alert).WaitForAsync();
        (await specialist.GetByRole(AriaRole.Alert).TextContentAsync())!.ShouldContain("trích yếu kết quả");
        await specialist.GetByLabel("Tên, trích yếu kết quả").FillAsync("Giấy khai sinh bản chính");
        await specialist.GetByLabel("Bản điện tử (PDF, JPG, PNG)").SetInputFilesAsync(ResultPath);
        await specialist.GetByLabel("Có bản giấy").CheckAsync();
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Đính kèm kết quả" }).ClickAsync();
        await specialist.GetByText("Đã có: Giấy khai sinh bản chính").WaitForAsync();
        await Step(specialist, "Thẩm định, xử lý hồ sơ").GetByRole(AriaRole.Button, new() { Name = "Hoàn thành, chuyển bước tiếp theo" }).ClickAsync();
        await specialist.GetByText("Đã ghi nhận thao tác").WaitForAsync();

        await leader.GotoAsync($"/dossiers/{code}");
        await Step(leader, "Phê duyệt, ký kết quả").GetByRole(AriaRole.Button, new() { Name = "Phê duyệt" }).ClickAsync();
        await leader.GetByText("Đã ghi nhận thao tác").WaitForAsync();

        await specialist.GotoAsync($"/dossiers/{code}");
        await Step(specialist, "Chuyển kết quả về Trung tâm").GetByRole(AriaRole.Button, new() { Name = "Hoàn thành, chuyển bước tiếp theo" }).ClickAsync();
        await specialist.GetByText("Đã ghi nhận thao tác").WaitForAsync();

        await officer.GotoAsync("/work?list=to-return");
        await officer.GetByRole(AriaRole.Link, new() { Name = code }).First.ClickAsync();
        (await officer.GetByText("Đã có kết quả").First.IsVisibleAsync()).ShouldBeTrue();
        await BrowserFixture.ShouldBeAccessibleAsync(officer);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Trả kết quả" }).ClickAsync();
        await officer.GetByText("Đã ghi nhận thao tác").WaitForAsync();
        (await officer.GetByText("Đã trả kết quả").First.IsVisibleAsync()).ShouldBeTrue();

        // The control sheet (form 06) lists every hand-over.
        var sheet = await officer.Context.APIRequest.GetAsync($"/api/v1/dossiers/{code}/control-sheet");
        sheet.Status.ShouldBe(200);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await sheet.BodyAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        text.ShouldContain(code);
        text.ShouldContain("Hoàng Văn Nam");
    }

    [Fact]
    public async Task A_supplement_round_trip_pauses_and_resumes_the_dossier()
    {
        var code = await ReceiveAsync();
        var officer = await SignedInAsync("tiepnhan");
        await officer.GotoAsync($"/dossiers/{code}");
        await officer.GetByLabel("Giấy tờ cần bổ sung, mỗi dòng: tên giấy tờ — lý do").FillAsync("Giấy chứng sinh — bản chụp bị mờ");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Yêu cầu bổ sung" }).ClickAsync();
        await officer.GetByText("Đã ghi nhận thao tác").WaitForAsync();
        (await officer.GetByText("Tạm dừng tính thời hạn").IsVisibleAsync()).ShouldBeTrue();
        (await officer.GetByText("Yêu cầu bổ sung hồ sơ").First.IsVisibleAsync()).ShouldBeTrue();
        await BrowserFixture.ShouldBeAccessibleAsync(officer);

        await officer.GetByLabel("Bản số hóa giấy tờ bổ sung").SetInputFilesAsync(ResultPath);
        await officer.GetByLabel("Ghi chú (giấy tờ đã nhận)").FillAsync("Giấy chứng sinh bản rõ");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Nhận bổ sung, tiếp tục giải quyết" }).ClickAsync();
        await officer.GetByText("Đã ghi nhận thao tác").WaitForAsync();
        (await officer.GetByText("Đang giải quyết").First.IsVisibleAsync()).ShouldBeTrue();
        (await officer.GetByText("đã yêu cầu bổ sung 1 lần").IsVisibleAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task A_dossier_guided_at_one_branch_is_completed_and_received_at_another_by_its_code()
    {
        string code;
        using (var guide = await browser.App.SignedInAsync("tiepnhan"))
        {
            var request = Reception.Request("RequestSupplement", firstProvision: "Missing");
            request["missing"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["document"] = "Tờ khai đăng ký khai sinh", ["reason"] = "Chưa ký" });
            var guided = await guide.PostAsJsonAsync("/api/v1/dossiers", request);
            guided.StatusCode.ShouldBe(HttpStatusCode.Created);
            code = (await guided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        }

        var officer = await SignedInAsync("tiepnhan2");
        await officer.GotoAsync("/reception");
        await officer.GetByLabel("Mã hồ sơ trên phiếu hướng dẫn bổ sung (mẫu 02) hoặc hồ sơ nộp trực tuyến").FillAsync(code);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Mở hồ sơ" }).ClickAsync();
        await officer.WaitForURLAsync($"**/dossiers/{code}");
        (await officer.GetByRole(AriaRole.Heading, new() { Name = "Nhận bổ sung và tiếp nhận hồ sơ" }).IsVisibleAsync()).ShouldBeTrue();
        await BrowserFixture.ShouldBeAccessibleAsync(officer);

        await officer.GetByLabel("Bản số hóa giấy tờ bổ sung").SetInputFilesAsync(ResultPath);
        await officer.GetByLabel("Ghi chú (giấy tờ đã nhận)").FillAsync("Tờ khai đã ký");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Nhận bổ sung, tiếp nhận hồ sơ" }).ClickAsync();
        await officer.GetByText("Đã ghi nhận thao tác").WaitForAsync();
        (await officer.GetByText("Đã tiếp nhận").First.IsVisibleAsync()).ShouldBeTrue();
        (await officer.GetByText("Hẹn trả kết quả").First.IsVisibleAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task On_a_phone_the_leader_gives_the_next_step_to_a_specialist_by_name_and_he_finds_it_in_his_work()
    {
        var code = await ReceiveAsync();
        using (var desk = await browser.App.SignedInAsync("tiepnhan"))
        {
            await Life.StepAsync(desk, code, "chuyen-ho-so", "forwards", new { });
        }

        await using var phone = await browser.NewPhoneContextAsync();
        var leader = await phone.NewPageAsync();
        await browser.SignInAsync(leader, "lanhdao");
        await leader.GotoAsync($"/dossiers/{code}");
        var step = Step(leader, "Phân công thụ lý");
        (await leader.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt" }).CountAsync()).ShouldBe(0, "no approval form before its step");
        (await leader.GetByLabel("Giấy tờ cần bổ sung, mỗi dòng: tên giấy tờ — lý do").CountAsync()).ShouldBe(1);
        var picker = step.GetByLabel("Giao bước tiếp theo «Thẩm định, xử lý hồ sơ»", new() { Exact = false });
        (await picker.Locator("option").AllTextContentsAsync()).ShouldContain("Hoàng Văn Nam");
        (await picker.Locator("option").AllTextContentsAsync()).ShouldNotContain("chuyenvien");
        (await leader.EvaluateAsync<int>("document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await BrowserFixture.ShouldBeAccessibleAsync(leader);
        await picker.SelectOptionAsync(new SelectOptionValue { Label = "Hoàng Văn Nam" });
        await step.GetByRole(AriaRole.Button, new() { Name = "Hoàn thành, chuyển bước tiếp theo" }).ClickAsync();
        await leader.GetByText("Đã ghi nhận thao tác").WaitForAsync();
        (await Step(leader, "Thẩm định, xử lý hồ sơ").GetByText("Người xử lý: Hoàng Văn Nam").IsVisibleAsync()).ShouldBeTrue();
        (await leader.EvaluateAsync<int>("document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);

        var specialist = await SignedInAsync("chuyenvien");
        await specialist.GotoAsync("/work?list=to-process");
        await specialist.GetByRole(AriaRole.Link, new() { Name = code }).First.ClickAsync();
        (await Step(specialist, "Thẩm định, xử lý hồ sơ").GetByRole(AriaRole.Button, new() { Name = "Hoàn thành, chuyển bước tiếp theo" }).IsVisibleAsync()).ShouldBeTrue();
        (await specialist.GetByRole(AriaRole.Button, new() { Name = "Nhận xử lý" }).CountAsync()).ShouldBe(0, "already his");
    }

    [Fact]
    public async Task On_a_phone_an_administrator_edits_a_process_as_a_form_without_sideways_scrolling()
    {
        await using var phone = await browser.NewPhoneContextAsync();
        var page = await phone.NewPageAsync();
        await browser.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/processes/1.001193");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Sơ đồ luồng xử lý" }).WaitForAsync();
        (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await BrowserFixture.ShouldBeAccessibleAsync(page);
        (await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.process-flow')).fontFamily")).ShouldContain("Noto Sans");

        var steps = await page.Locator("fieldset.process-step").CountAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Thêm bước" }).ClickAsync();
        await page.Locator("fieldset.process-step").Nth(steps).WaitForAsync();
        (await page.Locator("fieldset.process-step").CountAsync()).ShouldBe(steps + 1);
        (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);

        // A new step with no share and no next step: refused by the same rules as the YAML, in Vietnamese.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).First.ClickAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        (await alert.TextContentAsync())!.ShouldContain("chưa có bước tiếp theo");
        (await page.EvaluateAsync<int>("document.scrollingElement.scrollWidth")).ShouldBeLessThanOrEqualTo(360);
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }

    private static ILocator Step(IPage page, string stepName) => page.GetByRole(AriaRole.Region, new() { Name = stepName, Exact = false });

    private async Task<IPage> SignedInAsync(string user)
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, user);
        return page;
    }

    private async Task<string> ReceiveAsync()
    {
        using var officer = await browser.App.SignedInAsync("tiepnhan");
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "to-khai.pdf");
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static string WriteResult()
    {
        var path = Path.Combine(Path.GetTempPath(), "motcua-result.pdf");
        File.WriteAllBytes(path, MotCua.IntegrationTests.Dossiers.Reception.PdfWith("ket qua xu ly"));
        return path;
    }
}
