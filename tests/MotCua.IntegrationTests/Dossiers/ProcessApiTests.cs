using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>
/// Process definitions (quy trình nội bộ) through the real API and page. Each test that writes uses its own
/// procedure (1.004222, 1.004194, 1.010038, 1.003677, 1.010028), so the processes other tests rely on (1.001193) never move.
/// </summary>
public abstract partial class ProcessApiTests(MotCuaApp app)
{
    /// <summary>Đăng ký thường trú, liên thông: after the appraisal the commune police and the construction department work in parallel, then the leader approves.</summary>
    private const string ParallelYaml = """
        # Quy trình liên thông thử nghiệm
        supplementMode: Pause
        steps:
          - id: tiep-nhan
            name: Tiếp nhận hồ sơ
            performer: ReceivingUnit
            role: ReceptionOfficer
            budgetPercent: 5
            next: [tham-dinh]
          - id: tham-dinh
            name: Thẩm định hồ sơ
            performer: Agency
            role: Specialist
            budgetPercent: 35
            next: [xac-minh-cong-an, y-kien-so-xd]
          - id: xac-minh-cong-an
            name: Xác minh nơi cư trú
            performer: WardAgency
            wardAgencyKind: CommunePolice
            role: Specialist
            budgetPercent: 30
            next: [phe-duyet]
          - id: y-kien-so-xd
            name: Lấy ý kiến Sở Xây dựng
            performer: Unit
            unitCode: SO-XD
            role: Specialist
            budgetPercent: 30
            next: [phe-duyet]
          - id: phe-duyet
            name: Phê duyệt, ký kết quả
            kind: Approval
            performer: Agency
            role: UnitLeader
            budgetPercent: 20
            next: [tra-ket-qua]
          - id: tra-ket-qua
            name: Trả kết quả
            kind: Return
            performer: ReceivingUnit
            role: ReceptionOfficer
            budgetPercent: 10
        """;

    [Fact]
    public async Task The_current_process_of_a_procedure_without_one_is_the_generated_default()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var current = await officer.GetFromJsonAsync<JsonElement>("/api/v1/processes/1.001193/current");
        current.GetProperty("procedureCode").GetString().ShouldBe("1.001193");
        current.GetProperty("procedureVersion").GetInt32().ShouldBe(1);
        current.GetProperty("generated").GetBoolean().ShouldBeTrue();
        current.GetProperty("state").GetString().ShouldBe("Published");
        var steps = current.GetProperty("spec").GetProperty("steps");
        steps.GetArrayLength().ShouldBe(7);
        steps[0].GetProperty("id").GetString().ShouldBe("tiep-nhan");
        steps[6].GetProperty("kind").GetString().ShouldBe("Return");
        current.GetProperty("spec").TryGetProperty("first", out _).ShouldBeFalse();

        var yaml = await officer.GetAsync("/api/v1/processes/1.001193/current?format=yaml");
        yaml.StatusCode.ShouldBe(HttpStatusCode.OK);
        yaml.Content.Headers.ContentType!.MediaType.ShouldBe("text/yaml");
        var text = await yaml.Content.ReadAsStringAsync();
        text.ShouldStartWith("# Quy trình nội bộ thủ tục 1.001193, phiên bản 1");
        text.ShouldContain("  - id: tiep-nhan\n    name: Tiếp nhận hồ sơ\n");

        var overview = await officer.GetFromJsonAsync<JsonElement>("/api/v1/processes/1.001193");
        overview.GetProperty("current").GetProperty("id").GetString().ShouldBe(current.GetProperty("id").GetString(), "asking twice does not generate twice");
        overview.GetProperty("definitions").EnumerateArray().ShouldContain(d => d.GetProperty("id").GetString() == current.GetProperty("id").GetString());

        (await officer.GetAsync("/api/v1/processes/9.999999/current")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync("/api/v1/processes/1.001193/current?format=xml")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_YAML_draft_with_parallel_steps_is_saved_then_published_and_retires_the_previous_process()
    {
        using var admin = await app.SignedInAsync("admin");
        const string code = "1.004222";
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{code}");
        var version = before.GetProperty("currentVersion").GetInt32();
        var previous = before.GetProperty("current");
        previous.GetProperty("generated").GetBoolean().ShouldBeTrue();

        var saved = await admin.PostAsync($"/api/v1/processes/{code}/versions/{version}/drafts?note=Li%C3%AAn%20th%C3%B4ng", Yaml(ParallelYaml));
        saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var draft = await saved.Content.ReadFromJsonAsync<JsonElement>();
        var id = draft.GetProperty("id").GetString()!;
        draft.GetProperty("state").GetString().ShouldBe("Draft");
        draft.GetProperty("number").GetInt32().ShouldBe(previous.GetProperty("number").GetInt32() + 1);
        saved.Headers.Location!.ToString().ShouldBe($"/api/v1/processes/definitions/{id}");

        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/processes/definitions/{id}");
        stored.GetProperty("note").GetString().ShouldBe("Liên thông");
        var steps = stored.GetProperty("spec").GetProperty("steps");
        steps[1].GetProperty("next").EnumerateArray().Select(n => n.GetString()).ShouldBe(["xac-minh-cong-an", "y-kien-so-xd"]);
        steps[3].GetProperty("unitCode").GetString().ShouldBe("SO-XD");
        steps[2].GetProperty("wardAgencyKind").GetString().ShouldBe("CommunePolice");

        var drafted = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{code}");
        drafted.GetProperty("current").GetProperty("id").GetString().ShouldBe(previous.GetProperty("id").GetString(), "a draft changes nothing until published");

        var published = await admin.PostAsync($"/api/v1/processes/definitions/{id}/publication", null);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var result = await published.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("state").GetString().ShouldBe("Published");
        result.GetProperty("retired").EnumerateArray().Select(n => n.GetInt32()).ShouldBe([previous.GetProperty("number").GetInt32()]);

        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{code}");
        after.GetProperty("current").GetProperty("id").GetString().ShouldBe(id);
        var states = after.GetProperty("definitions").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("state").GetString());
        states[id].ShouldBe("Published");
        states[previous.GetProperty("id").GetString()!].ShouldBe("Retired");
        states.Values.Count(s => s == "Published").ShouldBe(1);

        var again = await admin.PostAsync($"/api/v1/processes/definitions/{id}/publication", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Messages(again)).ShouldContain("Chỉ công bố được bản nháp");
        (await admin.PostAsync($"/api/v1/processes/definitions/{Guid.NewGuid()}/publication", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var audit = await app.AuditAsync($"process:{code}/v{version}");
        audit.ShouldContain(e => e.Action == "process.saved" && e.ActorName == "admin");
        audit.ShouldContain(e => e.Action == "process.published" && e.ActorName == "admin");
    }

    [Fact]
    public async Task Invalid_definitions_are_refused_in_Vietnamese_and_nothing_is_written()
    {
        using var admin = await app.SignedInAsync("admin");
        const string code = "1.004194";
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{code}")).GetProperty("currentVersion").GetInt32();
        var before = await DefinitionsAsync(admin, code);

        var cases = new (string Yaml, string Message)[]
        {
            (ParallelYaml.Replace("budgetPercent: 20", "budgetPercent: 25", StringComparison.Ordinal),
                "Tổng tỷ lệ thời gian (budgetPercent) trên đường đi tiep-nhan → tham-dinh → xac-minh-cong-an → phe-duyet → tra-ket-qua là 105%, phải đúng 100%"),
            (ParallelYaml + """

                  - id: bi-quen
                    name: Bước bị quên
                    performer: Agency
                    role: Specialist
                    budgetPercent: 10
                    next: [tra-ket-qua]
                """,
                "Bước \"bi-quen\" không thể đến được từ bước tiếp nhận \"tiep-nhan\""),
            (ParallelYaml.Replace("    role: Specialist\n    budgetPercent: 35", "    budgetPercent: 35", StringComparison.Ordinal),
                "Vui lòng nhập vai trò thực hiện bước \"tham-dinh\" (role)."),
            (ParallelYaml.Replace("unitCode: SO-XD", "unitCode: SO-KHONG-CO", StringComparison.Ordinal),
                "Bước \"y-kien-so-xd\": không có đơn vị nào mã \"SO-KHONG-CO\" trong danh mục tổ chức."),
            (ParallelYaml.Replace("    budgetPercent: 30\n    next: [phe-duyet]\n  - id: y-kien-so-xd", "    budgetPercent: 50\n    next: [tra-ket-qua]\n  - id: y-kien-so-xd", StringComparison.Ordinal),
                "Các nhánh song song sau bước \"tham-dinh\" (\"xac-minh-cong-an\", \"y-kien-so-xd\") phải gặp lại nhau ở một bước chung trước bước trả kết quả \"tra-ket-qua\""),
            ("steps:\n  - id: tiep-nhan\n    name: [chưa đóng\n", "Không đọc được YAML ở dòng 4, cột 1: sai cú pháp."),
        };

        foreach (var (yaml, message) in cases)
        {
            var response = await admin.PostAsync($"/api/v1/processes/{code}/versions/{version}/drafts", Yaml(yaml));
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, message);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await Messages(response)).ShouldContain(message);
        }

        var json = await admin.PostAsync($"/api/v1/processes/{code}/versions/{version}/drafts",
            new StringContent("""{"steps":[{"id":"tiep-nhan","performer":"Somewhere"}]}""", Encoding.UTF8, "application/json"));
        json.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await json.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("steps[0].performer")[0].GetString()!.ShouldContain("Giá trị hợp lệ: Center, ReceivingUnit");

        (await admin.PostAsync($"/api/v1/processes/{code}/versions/99/drafts", Yaml(ParallelYaml))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsync($"/api/v1/processes/{code}/versions/{version}/drafts", new StringContent(ParallelYaml, Encoding.UTF8, "text/plain")))
            .StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);

        (await DefinitionsAsync(admin, code)).ShouldBe(before, "nothing was written");
        (await app.AuditAsync($"process:{code}/v{version}")).ShouldNotContain(e => e.Action == "process.saved");
    }

    [Fact]
    public async Task Only_an_administrator_writes_processes_and_only_staff_read_them()
    {
        using var anonymous = app.Client();
        (await anonymous.GetAsync("/api/v1/processes/1.001193")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync("/api/v1/processes/1.003677/versions/1/drafts", Yaml(ParallelYaml))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var officer = await app.SignedInAsync("tiepnhan");
        var overview = await officer.GetFromJsonAsync<JsonElement>("/api/v1/processes/1.003677");
        var id = overview.GetProperty("current").GetProperty("id").GetString();
        (await officer.PostAsync("/api/v1/processes/1.003677/versions/1/drafts", Yaml(ParallelYaml))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PostAsync($"/api/v1/processes/definitions/{id}/publication", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/admin/processes/1.003677")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);

        (await DefinitionsAsync(officer, "1.003677")).Count.ShouldBe(1, "only the generated default");
    }

    [Fact]
    public async Task An_exported_definition_imports_back_unchanged_as_JSON_and_as_YAML()
    {
        using var admin = await app.SignedInAsync("admin");
        const string code = "1.010038";
        var version = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{code}")).GetProperty("currentVersion").GetInt32();
        var json = await admin.GetStringAsync($"/api/v1/processes/{code}/current?format=json");
        var yaml = await admin.GetStringAsync($"/api/v1/processes/{code}/current?format=yaml");

        var fromYaml = await admin.PostAsync($"/api/v1/processes/{code}/versions/{version}/drafts", Yaml(yaml));
        fromYaml.StatusCode.ShouldBe(HttpStatusCode.Created, await fromYaml.Content.ReadAsStringAsync());
        var yamlId = (await fromYaml.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await admin.GetStringAsync($"/api/v1/processes/definitions/{yamlId}?format=json")).ShouldBe(json);
        var yamlAgain = await admin.GetStringAsync($"/api/v1/processes/definitions/{yamlId}?format=yaml");
        Body(yamlAgain).ShouldBe(Body(yaml), "only the comment (number, state) differs");

        var fromJson = await admin.PostAsync($"/api/v1/processes/{code}/versions/{version}/drafts", new StringContent(json, Encoding.UTF8, "application/json"));
        fromJson.StatusCode.ShouldBe(HttpStatusCode.Created);
        var jsonId = (await fromJson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await admin.GetStringAsync($"/api/v1/processes/definitions/{jsonId}?format=json")).ShouldBe(json);

        static string Body(string text) => string.Join('\n', text.Split('\n').Where(l => !l.StartsWith('#')));
    }

    [Fact]
    public async Task The_administration_page_shows_the_steps_and_keeps_a_refused_text()
    {
        using var admin = await app.SignedInAsync("admin");
        const string code = "1.004194";
        var page = await admin.GetStringAsync($"/admin/processes/{code}");
        page.ShouldContain("Quy trình xử lý thủ tục 1.004194");
        page.ShouldContain("<label for=\"s0-performer\">Nơi thực hiện</label>");
        page.ShouldContain("Cán bộ tiếp nhận");
        page.ShouldContain("<label for=\"yaml\">");
        page.ShouldContain("Lưu bản nháp");
        var before = await DefinitionsAsync(admin, code);

        var typed = ParallelYaml.Replace("budgetPercent: 20", "budgetPercent: 15", StringComparison.Ordinal);
        var response = await admin.PostAsync($"/admin/processes/{code}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
            ["_handler"] = "save-draft",
            ["Draft.Yaml"] = typed,
            ["Draft.Note"] = "thử",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.ShouldContain("role=\"alert\"");
        html.ShouldContain("là 95%, phải đúng 100%");
        html.ShouldContain("name: Lấy ý kiến Sở Xây dựng");
        html.ShouldContain("budgetPercent: 15");
        (await DefinitionsAsync(admin, code)).ShouldBe(before);
    }

    [Fact]
    public async Task On_the_page_an_administrator_saves_a_draft_and_publishes_it()
    {
        using var admin = await app.SignedInAsync("admin");
        const string code = "1.010028";
        var page = await admin.GetStringAsync($"/admin/processes/{code}");
        var saved = await admin.PostAsync($"/admin/processes/{code}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
            ["_handler"] = "save-draft",
            ["Draft.Yaml"] = ParallelYaml,
            ["Draft.Note"] = "Soạn trên trang",
        }));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var location = saved.Headers.Location!.ToString();
        location.ShouldContain("saved=2");

        var drafted = WebUtility.HtmlDecode(await admin.GetStringAsync(location));
        drafted.ShouldContain("Đã lưu bản nháp số 2");
        drafted.ShouldContain("Bản nháp");
        drafted.ShouldContain("name: Lấy ý kiến Sở Xây dựng", customMessage: "the textarea opens the saved draft");
        var draftId = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{code}")).GetProperty("definitions").EnumerateArray()
            .Single(d => d.GetProperty("number").GetInt32() == 2).GetProperty("id").GetString()!;
        drafted.ShouldContain($"name=\"Publication.Id\" value=\"{draftId}\"");

        var published = await admin.PostAsync(location, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(drafted),
            ["_handler"] = $"publish-{draftId}",
            ["Publication.Id"] = draftId,
        }));
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect, await published.Content.ReadAsStringAsync());
        var after = WebUtility.HtmlDecode(await admin.GetStringAsync(published.Headers.Location!.ToString()));
        after.ShouldContain("Đã công bố bản số 2");
        after.ShouldContain("Quy trình đang áp dụng: bản số 2");
        after.ShouldContain("<strong>Xác minh nơi cư trú</strong>");
        after.ShouldContain("Đã thay thế");
    }

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    private static async Task<List<string>> DefinitionsAsync(HttpClient client, string code)
        => [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/processes/{code}")).GetProperty("definitions").EnumerateArray()
            .Select(d => $"{d.GetProperty("id").GetString()} {d.GetProperty("number").GetInt32()} {d.GetProperty("state").GetString()}")];

    /// <summary>The problem's detail and every field message, as one text.</summary>
    private static async Task<string> Messages(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var texts = new List<string> { problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "" };
        if (problem.TryGetProperty("errors", out var errors))
        {
            texts.AddRange(errors.EnumerateObject().SelectMany(f => f.Value.EnumerateArray()).Select(m => m.GetString() ?? ""));
        }

        return string.Join("\n", texts);
    }

    private static string Token(string page)
    {
        var match = AntiforgeryToken().Match(page);
        return match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
    }

    [GeneratedRegex("__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryToken();
}

[Collection("sqlite")]
public sealed class ProcessApiOnSqlite(SqliteApp fixture) : ProcessApiTests(fixture.App);

[Collection("postgres")]
public sealed class ProcessApiOnPostgres(PostgresApp fixture) : ProcessApiTests(fixture.App);
