using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>
/// The process editor without YAML (/admin/processes/{code}): steps as a form, added, moved and removed on the
/// server, saved through the same use case (and validation) as the YAML page and the API.
/// </summary>
public abstract class ProcessEditorPageTests(MotCuaApp app)
{
    private const string Code = "1.001193";

    [Fact]
    public async Task The_step_form_saves_a_draft_and_refuses_bad_input_in_Vietnamese_changing_nothing()
    {
        using var admin = await app.SignedInAsync("admin");
        var page = await admin.GetStringAsync($"/admin/processes/{Code}");
        page.ShouldContain("<label for=\"s0-name\">Tên bước</label>");
        page.ShouldContain("Thêm bước");
        page.ShouldNotContain("<pre", customMessage: "the flow is a list in the page's font, not preformatted text");
        var before = await DefinitionsAsync(admin);

        // Not a number, then a path that does not add up to 100 %: 400, the typed values kept, nothing saved.
        var notNumber = await PostAsync(admin, page, Steps("abc"));
        notNumber.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = WebUtility.HtmlDecode(await notNumber.Content.ReadAsStringAsync());
        html.ShouldContain("tỷ lệ thời gian phải là một số phần trăm");
        html.ShouldContain("value=\"abc\"");
        var short95 = await PostAsync(admin, page, Steps("65"));
        short95.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await short95.Content.ReadAsStringAsync()).ShouldContain("phải đúng 100%", customMessage: "the YAML/API path's own rule");
        var noId = Steps("70");
        noId["s1.id"] = "Thẩm Định";
        (await PostAsync(admin, page, noId)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DefinitionsAsync(admin)).ShouldBe(before);

        // Adding, moving and removing a step only redraws the form.
        var added = await PostAsync(admin, page, Steps("70", "add"));
        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        var withFive = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync());
        withFive.ShouldContain("name=\"count\" value=\"5\"");
        withFive.ShouldContain("value=\"buoc-5\"");
        var removed = WebUtility.HtmlDecode(await (await PostAsync(admin, page, Steps("70", "remove:1"))).Content.ReadAsStringAsync());
        removed.ShouldContain("name=\"count\" value=\"3\"");
        removed.ShouldNotContain("value=\"tham-dinh\"");
        var moved = WebUtility.HtmlDecode(await (await PostAsync(admin, page, Steps("70", "down:1"))).Content.ReadAsStringAsync());
        moved.ShouldContain("id=\"s1-id\" name=\"s1.id\" value=\"phe-duyet\"");
        moved.ShouldContain("id=\"s2-id\" name=\"s2.id\" value=\"tham-dinh\"");
        (await DefinitionsAsync(admin)).ShouldBe(before);

        var saved = await PostAsync(admin, page, Steps("70"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        saved.Headers.Location!.ToString().ShouldContain("saved=");
        var after = await DefinitionsAsync(admin);
        after.Count.ShouldBe(before.Count + 1);
        var draft = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{Code}")).GetProperty("definitions").EnumerateArray().MaxBy(d => d.GetProperty("number").GetInt32());
        draft.GetProperty("state").GetString().ShouldBe("Draft");
    }

    private static Dictionary<string, string> Steps(string appraisalPercent, string command = "save") => new()
    {
        ["count"] = "4",
        ["s0.id"] = "tiep-nhan",
        ["s0.name"] = "Tiếp nhận hồ sơ",
        ["s0.kind"] = "Work",
        ["s0.performer"] = "ReceivingUnit",
        ["s0.role"] = "ReceptionOfficer",
        ["s0.percent"] = "10",
        ["s0.next"] = "tham-dinh",
        ["s1.id"] = "tham-dinh",
        ["s1.name"] = "Thẩm định hồ sơ",
        ["s1.kind"] = "Work",
        ["s1.performer"] = "Agency",
        ["s1.role"] = "Specialist",
        ["s1.percent"] = appraisalPercent,
        ["s1.next"] = "phe-duyet",
        ["s2.id"] = "phe-duyet",
        ["s2.name"] = "Phê duyệt",
        ["s2.kind"] = "Approval",
        ["s2.performer"] = "Agency",
        ["s2.role"] = "UnitLeader",
        ["s2.percent"] = "10",
        ["s2.next"] = "tra-ket-qua",
        ["s3.id"] = "tra-ket-qua",
        ["s3.name"] = "Trả kết quả",
        ["s3.kind"] = "Return",
        ["s3.performer"] = "ReceivingUnit",
        ["s3.role"] = "ReceptionOfficer",
        ["s3.percent"] = "10",
        ["supplementMode"] = "Pause",
        ["note"] = "Soạn bằng biểu mẫu",
        ["command"] = command,
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient admin, string page, Dictionary<string, string> fields)
    {
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = CitizenFlow.AntiforgeryToken(page), ["_handler"] = "edit-steps" };
        return await admin.PostAsync($"/admin/processes/{Code}", new FormUrlEncodedContent(body));
    }

    private static async Task<List<string>> DefinitionsAsync(HttpClient client)
        => [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{Code}")).GetProperty("definitions").EnumerateArray()
            .Select(d => $"{d.GetProperty("id").GetString()} {d.GetProperty("number").GetInt32()} {d.GetProperty("state").GetString()}")];
}

[Collection("sqlite")]
public sealed class ProcessEditorPageOnSqlite(SqliteApp fixture) : ProcessEditorPageTests(fixture.App);

[Collection("postgres")]
public sealed class ProcessEditorPageOnPostgres(PostgresApp fixture) : ProcessEditorPageTests(fixture.App);
