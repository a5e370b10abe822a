using Microsoft.Playwright;

namespace MotCua.BrowserTests;

/// <summary>
/// An administrator's preview of an e-form is the form citizens fill in: labelled, prefilled, checked on the server
/// with errors that link to their fields, province and ward pickers that need no JavaScript. Nothing is stored
/// for the mobile birth registration 1.003583 (no written e-form: its generated default; 1.001193 has its written declaration).
/// </summary>
[Collection("browser")]
public sealed class FormPreviewTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_administrator_previews_the_birth_registration_form_as_citizens_see_it()
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/forms/1.003583");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Mẫu đơn điện tử thủ tục 1.003583", Level = 1 }).WaitForAsync();
        var preview = page.GetByRole(AriaRole.Form, new() { Name = "Xem trước" });

        (await preview.GetByLabel("Họ và tên").InputValueAsync()).ShouldBe("Nguyễn Thị Hường", "prefilled from the population registry");
        (await preview.GetByLabel("Ngày sinh").InputValueAsync()).ShouldBe("14/03/1990", "dates are shown and typed dd/mm/yyyy");
        (await preview.GetByLabel("Số định danh cá nhân").InputValueAsync()).ShouldBe("001090000001");
        (await preview.GetByLabel("Tỉnh, thành phố").InputValueAsync()).ShouldBe("01", "the province follows from the registry's ward");
        (await preview.GetByLabel("Phường, xã").InputValueAsync()).ShouldBe("00004");
        (await preview.GetByLabel("Số nhà, đường phố, thôn, xóm").InputValueAsync()).ShouldBe("12 Phố Quán Thánh");
        (await preview.GetByLabel("Giấy chứng sinh").GetAttributeAsync("type")).ShouldBe("file");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        // Checked on the server: the summary links to each field, the field says what is wrong, nothing typed is lost.
        await preview.GetByLabel("Họ và tên").FillAsync("");
        await preview.GetByLabel("Số định danh cá nhân").FillAsync("12345");
        await preview.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra thử" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await summary.WaitForAsync();
        var text = await summary.TextContentAsync();
        text!.ShouldContain("Vui lòng nhập Họ và tên.");
        text!.ShouldContain("Số định danh cá nhân phải gồm 12 chữ số.");
        text!.ShouldContain("Vui lòng tải lên Bản chính Giấy chứng sinh.");
        var id = preview.GetByLabel("Số định danh cá nhân");
        (await id.InputValueAsync()).ShouldBe("12345");
        (await id.GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await id.GetAttributeAsync("aria-describedby"))!.ShouldContain("f-preview-applicant-idNumber-error");
        (await preview.GetByLabel("Số nhà, đường phố, thôn, xóm").InputValueAsync()).ShouldBe("12 Phố Quán Thánh");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Số định danh cá nhân phải gồm 12 chữ số." }).ClickAsync();
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("f-preview-applicant-idNumber");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        // Another province, "Chọn", and the ward list is that province's.
        await preview.GetByLabel("Tỉnh, thành phố").SelectOptionAsync(new SelectOptionValue { Label = "Thành phố Hải Phòng" });
        await preview.GetByRole(AriaRole.Button, new() { Name = "Chọn tỉnh, thành phố (Nơi thường trú)" }).ClickAsync();
        await preview.GetByRole(AriaRole.Option, new() { Name = "Phường Lê Thanh Nghị" }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await preview.GetByRole(AriaRole.Option, new() { Name = "Phường Ba Đình" }).CountAsync()).ShouldBe(0);
        (await preview.GetByLabel("Tỉnh, thành phố").InputValueAsync()).ShouldBe("31");
        (await preview.GetByLabel("Phường, xã").InputValueAsync()).ShouldBe("", "the Hanoi ward is not offered for Hải Phòng");
        (await preview.GetByLabel("Số định danh cá nhân").InputValueAsync()).ShouldBe("12345", "a command keeps what was typed");
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("f-preview-applicant-address-ward");

        // A refused draft keeps the typed JSON and says why.
        const string broken = """{ "title": "Thử", "sections": [] }""";
        await page.GetByLabel("Mẫu đơn (JSON)").FillAsync(broken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "ít nhất một mục" }).WaitForAsync();
        (await page.GetByLabel("Mẫu đơn (JSON)").InputValueAsync()).ShouldBe(broken);
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }

    [Fact]
    public async Task An_administrator_writes_a_form_with_repeating_rows_tries_them_without_JavaScript_and_publishes_it()
    {
        const string form = """
            {
              "title": "Tờ khai điều chỉnh thông tin cư trú (thử)",
              "sections": [ { "title": "Người cùng hộ", "fields": [
                { "key": "members", "type": "group", "label": "Người cùng hộ", "itemLabel": "Người", "addLabel": "Thêm người", "minItems": 1, "maxItems": 3,
                  "fields": [
                    { "key": "name", "type": "text", "label": "Họ và tên", "required": true },
                    { "key": "relation", "type": "select", "label": "Quan hệ với chủ hộ", "options": [ { "value": "con", "label": "Con" }, { "value": "khac", "label": "Khác" } ] },
                    { "key": "other", "type": "text", "label": "Quan hệ khác", "visibleWhen": { "field": "relation", "equals": "khac" } } ] }
              ] } ]
            }
            """;
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, "admin");
        await page.GotoAsync("/admin/forms/1.010039");
        await page.GetByLabel("Mẫu đơn (JSON)").FillAsync(form);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await page.GetByText("Đã lưu bản nháp số 1").WaitForAsync();
        var preview = page.GetByRole(AriaRole.Form, new() { Name = "Xem trước: bản số 1" });
        (await preview.GetByRole(AriaRole.Group, new() { Name = "Người thứ 1" }).CountAsync()).ShouldBe(1, "the group opens with its minimum of rows");
        (await preview.GetByText("Chỉ điền khi \"Quan hệ với chủ hộ\" là \"Khác\".").CountAsync()).ShouldBe(1, "a conditional field says when it applies");

        await preview.GetByRole(AriaRole.Group, new() { Name = "Người thứ 1" }).GetByLabel("Họ và tên").FillAsync("Nguyễn Văn A");
        await preview.GetByRole(AriaRole.Button, new() { Name = "Thêm người" }).ClickAsync();
        var second = preview.GetByRole(AriaRole.Group, new() { Name = "Người thứ 2" });
        await second.WaitForAsync();
        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("f-preview-members-1-name", "the new row takes the focus");
        await second.GetByLabel("Họ và tên").FillAsync("Trần Thị B");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await preview.GetByRole(AriaRole.Button, new() { Name = "Xóa người thứ 1" }).ClickAsync();
        await preview.GetByRole(AriaRole.Group, new() { Name = "Người thứ 2" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await preview.GetByRole(AriaRole.Group, new() { Name = "Người thứ 1" }).GetByLabel("Họ và tên").InputValueAsync()).ShouldBe("Trần Thị B");

        await page.GetByRole(AriaRole.Button, new() { Name = "Công bố bản số 1, phiên bản thủ tục 1" }).ClickAsync();
        await page.GetByText("Đã công bố bản số 1").WaitForAsync();
        (await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Đang áp dụng" }).CountAsync()).ShouldBe(1);
        await BrowserFixture.ShouldBeAccessibleAsync(page);
    }
}
