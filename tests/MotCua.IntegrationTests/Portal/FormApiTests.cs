using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Forms;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Portal;

/// <summary>
/// E-forms through the real API. The mobile birth registration (1.003583, counter only) has no written e-form and
/// keeps its generated default; writes go to the mobile marriage registration (1.000593, no written form: the written marriage form 1.000894 is filed by EFormsFilingTests on the same app) and, for refused definitions, to 1.010041.
/// </summary>
public abstract class FormApiTests(MotCuaApp app)
{
    /// <summary>A hand-written marriage form: a select, a conditional field, a repeating group and an upload.</summary>
    private const string MarriageForm = """
        {
          "title": "Tờ khai đăng ký kết hôn (thử nghiệm)",
          "sections": [
            {
              "title": "Bên nam",
              "help": "Thông tin của bên nam.",
              "fields": [
                { "key": "groom.name", "type": "text", "label": "Họ, chữ đệm, tên", "required": true, "maxLength": 100 },
                { "key": "groom.idNumber", "type": "idNumber", "label": "Số định danh cá nhân", "required": true },
                { "key": "groom.previous", "type": "select", "label": "Tình trạng hôn nhân trước đây", "required": true,
                  "options": [ { "value": "chua", "label": "Chưa kết hôn" }, { "value": "lyhon", "label": "Đã ly hôn" } ] },
                { "key": "groom.divorceRef", "type": "text", "label": "Số bản án, quyết định ly hôn", "required": true,
                  "visibleWhen": { "field": "groom.previous", "equals": "lyhon" } }
              ]
            },
            {
              "title": "Người làm chứng",
              "fields": [
                { "key": "witnesses", "type": "group", "label": "Người làm chứng", "itemLabel": "Người", "addLabel": "Thêm người", "minItems": 0, "maxItems": 2,
                  "fields": [ { "key": "name", "type": "text", "label": "Họ và tên", "required": true } ] },
                { "key": "docs.photo", "type": "file", "label": "Ảnh chụp giấy tờ tùy thân", "accept": [ "image/jpeg", "image/png" ], "maxSizeMb": 2 }
              ]
            }
          ]
        }
        """;

    [Fact]
    public async Task Anyone_gets_the_generated_default_form_of_a_procedure_without_a_written_form()
    {
        using var anonymous = app.Client();
        var form = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/forms/1.003583");
        form.GetProperty("procedureCode").GetString().ShouldBe("1.003583");
        form.GetProperty("procedureVersion").GetInt32().ShouldBe(1);
        form.GetProperty("procedureName").GetString().ShouldBe("Thủ tục đăng ký khai sinh lưu động");
        form.GetProperty("generated").GetBoolean().ShouldBeTrue();
        form.GetProperty("state").GetString().ShouldBe("Published");
        form.GetProperty("id").ValueKind.ShouldBe(JsonValueKind.Null);

        var definition = form.GetProperty("definition");
        definition.GetProperty("caseIndex").GetInt32().ShouldBe(0);
        var applicant = definition.GetProperty("sections")[0].GetProperty("fields");
        applicant[0].GetProperty("key").GetString().ShouldBe("applicant.name");
        applicant[0].GetProperty("label").GetString().ShouldBe("Họ và tên");
        applicant[0].GetProperty("prefill").GetString().ShouldBe("citizen.name");
        var uploads = definition.GetProperty("sections")[1].GetProperty("fields").EnumerateArray().ToList();
        uploads.Count.ShouldBe(4);
        uploads.ShouldAllBe(f => f.GetProperty("type").GetString() == "file");
        uploads.ShouldContain(f => f.GetProperty("label").GetString() == "Bản chính Giấy chứng sinh" && f.GetProperty("required").GetBoolean());

        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/forms/1.003583?version=1")).GetProperty("procedureVersion").GetInt32().ShouldBe(1);
        (await anonymous.GetAsync("/api/v1/forms/1.003583?version=99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/api/v1/forms/9.123456")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_values_are_answered_with_a_Vietnamese_message_per_field()
    {
        using var anonymous = app.Client();
        var response = await anonymous.PostAsJsonAsync("/api/v1/forms/1.003583/validation", new
        {
            values = new Dictionary<string, string>
            {
                ["applicant.name"] = "  ",
                ["applicant.dateOfBirth"] = "31/02/1990",
                ["applicant.idNumber"] = "00109000000",
                ["applicant.phone"] = "0123",
                ["applicant.email"] = "huong@",
                ["applicant.address.province"] = "31",
                ["applicant.address.ward"] = "00004",
                ["applicant.address.street"] = "12 Phố Quán Thánh",
                ["unknown.field"] = "ignored",
            },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        string First(string name) => errors.GetProperty(name)[0].GetString()!;
        First("applicant.name").ShouldBe("Vui lòng nhập Họ và tên.");
        First("applicant.dateOfBirth").ShouldStartWith("Ngày sinh không phải là ngày hợp lệ");
        First("applicant.idNumber").ShouldBe("Số định danh cá nhân phải gồm 12 chữ số.");
        First("applicant.phone").ShouldStartWith("Số điện thoại không đúng");
        First("applicant.email").ShouldStartWith("Thư điện tử không đúng định dạng");
        First("applicant.address.ward").ShouldStartWith("Phường, xã đã chọn không thuộc tỉnh, thành phố đã chọn");
        First("docs.d1").ShouldBe("Vui lòng tải lên Bản chính Giấy chứng sinh.");
        errors.TryGetProperty("unknown.field", out _).ShouldBeFalse();
        errors.TryGetProperty("docs.d3", out _).ShouldBeFalse("the surrogacy confirmation is asked for only in its case");
    }

    [Fact]
    public async Task Good_values_come_back_normalized()
    {
        using var anonymous = app.Client();
        var response = await anonymous.PostAsJsonAsync("/api/v1/forms/1.003583/validation", new
        {
            values = new Dictionary<string, string>
            {
                ["applicant.name"] = " Nguyễn  Thị Hường ",
                ["applicant.dateOfBirth"] = "14/03/1990",
                ["applicant.idNumber"] = "001 090 000 001",
                ["applicant.phone"] = "+84 912 000 001",
                ["applicant.address.ward"] = "00004",
                ["applicant.address.street"] = "12 Phố Quán Thánh",
            },
            files = new Dictionary<string, object>
            {
                ["docs.d1"] = new { fileName = "giay-chung-sinh.pdf", contentType = "application/pdf", size = 120_000 },
                ["docs.d2"] = new { fileName = "to-khai.pdf", contentType = "application/pdf", size = 80_000 },
            },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var values = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("values");
        values.GetProperty("applicant.name").GetString().ShouldBe("Nguyễn Thị Hường");
        values.GetProperty("applicant.dateOfBirth").GetString().ShouldBe("1990-03-14");
        values.GetProperty("applicant.idNumber").GetString().ShouldBe("001090000001");
        values.GetProperty("applicant.phone").GetString().ShouldBe("0912000001");
        values.GetProperty("applicant.address.province").GetString().ShouldBe("01");
        values.GetProperty("applicant.address").GetString().ShouldBe("12 Phố Quán Thánh, Phường Ba Đình, Thành phố Hà Nội");
        values.GetProperty("docs.d1").GetString().ShouldBe("giay-chung-sinh.pdf");
    }

    [Fact]
    public async Task The_form_itself_can_be_posted_with_its_files_whose_content_is_checked()
    {
        using var anonymous = app.Client();
        MultipartFormDataContent Post(byte[] file)
        {
            var content = new MultipartFormDataContent
            {
                { new StringContent("Nguyễn Thị Hường"), "applicant.name" },
                { new StringContent("1990-03-14"), "applicant.dateOfBirth" },
                { new StringContent("001090000001"), "applicant.idNumber" },
                { new StringContent("0912000001"), "applicant.phone" },
                { new StringContent("01"), "applicant.address.province" },
                { new StringContent("00004"), "applicant.address.ward" },
                { new StringContent("12 Phố Quán Thánh"), "applicant.address.street" },
            };
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(part, "docs.d1", "giay-chung-sinh.pdf");
            var declaration = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n% to khai\n%%EOF\n"));
            declaration.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(declaration, "docs.d2", "to-khai.pdf");
            return content;
        }

        var real = await anonymous.PostAsync("/api/v1/forms/1.003583/validation", Post(Encoding.ASCII.GetBytes("%PDF-1.4\n% thử\n%%EOF\n")));
        real.StatusCode.ShouldBe(HttpStatusCode.OK, await real.Content.ReadAsStringAsync());

        var fake = await anonymous.PostAsync("/api/v1/forms/1.003583/validation", Post(Encoding.UTF8.GetBytes("không phải PDF")));
        fake.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await fake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("docs.d1")[0].GetString()
            .ShouldBe("Bản chính Giấy chứng sinh: chỉ nhận tệp PDF, JPG, PNG.", "the type comes from the content, never from the name or the browser");
    }

    [Fact]
    public async Task An_administrator_saves_a_draft_publishes_it_and_citizens_get_it()
    {
        using var admin = await app.SignedInAsync("admin");
        var saved = await admin.PostAsync("/api/v1/forms/1.000593/versions/1/drafts", new StringContent(MarriageForm, Encoding.UTF8, "application/json"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var draft = await saved.Content.ReadFromJsonAsync<JsonElement>();
        draft.GetProperty("state").GetString().ShouldBe("Draft");
        var draftId = draft.GetProperty("id").GetGuid();
        var number = draft.GetProperty("number").GetInt32();
        saved.Headers.Location!.ToString().ShouldBe($"/api/v1/forms/definitions/{draftId}");

        using var anonymous = app.Client();
        var before = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/forms/1.000593");
        if (before.GetProperty("generated").GetBoolean() is false)
        {
            before.GetProperty("number").GetInt32().ShouldBeLessThan(number, "a draft never replaces the published form");
        }

        var published = await admin.PostAsync($"/api/v1/forms/definitions/{draftId}/publication", null);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("Published");
        (await admin.PostAsync($"/api/v1/forms/definitions/{draftId}/publication", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "only a draft is published");

        var current = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/forms/1.000593");
        current.GetProperty("generated").GetBoolean().ShouldBeFalse();
        current.GetProperty("id").GetGuid().ShouldBe(draftId);
        current.GetProperty("definition").GetProperty("title").GetString().ShouldBe("Tờ khai đăng ký kết hôn (thử nghiệm)");
        (await app.AuditAsync("form:1.000593/v1")).ShouldContain(e => e.Action == "form.published" && e.ActorName == "admin");

        // Values are now checked against the published form: the divorce reference is asked for only after a divorce.
        var single = await anonymous.PostAsJsonAsync("/api/v1/forms/1.000593/validation", new
        {
            values = new Dictionary<string, string> { ["groom.name"] = "Trần Văn Minh", ["groom.idNumber"] = "001085000002", ["groom.previous"] = "chua" },
        });
        single.StatusCode.ShouldBe(HttpStatusCode.OK, await single.Content.ReadAsStringAsync());
        var divorced = await anonymous.PostAsJsonAsync("/api/v1/forms/1.000593/validation", new
        {
            values = new Dictionary<string, string>
            {
                ["groom.name"] = "Trần Văn Minh",
                ["groom.idNumber"] = "001085000002",
                ["groom.previous"] = "lyhon",
                ["witnesses.count"] = "3",
                ["witnesses[0].name"] = "A",
                ["witnesses[1].name"] = "B",
                ["witnesses[2].name"] = "C",
            },
            files = new Dictionary<string, object> { ["docs.photo"] = new { fileName = "anh.pdf", contentType = "application/pdf", size = 1000 } },
        });
        divorced.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await divorced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("groom.divorceRef")[0].GetString().ShouldBe("Vui lòng nhập Số bản án, quyết định ly hôn.");
        errors.GetProperty("witnesses")[0].GetString().ShouldBe("Người làm chứng: chỉ được khai tối đa 2 người (đang có 3).");
        errors.GetProperty("docs.photo")[0].GetString().ShouldBe("Ảnh chụp giấy tờ tùy thân: chỉ nhận tệp JPG, PNG.");

        // A second version of the form retires the first.
        var second = await admin.PostAsync("/api/v1/forms/1.000593/versions/1/drafts", new StringContent(MarriageForm.Replace("(thử nghiệm)", "(bản 2)", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var secondId = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var retiring = await admin.PostAsync($"/api/v1/forms/definitions/{secondId}/publication", null);
        (await retiring.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("retired").EnumerateArray().Select(n => n.GetInt32()).ShouldContain(number);
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/forms/1.000593")).GetProperty("definition").GetProperty("title").GetString().ShouldBe("Tờ khai đăng ký kết hôn (bản 2)");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/forms/definitions/{draftId}")).GetProperty("state").GetString().ShouldBe("Retired");
    }

    [Fact]
    public async Task Invalid_definitions_are_refused_and_nothing_is_stored()
    {
        using var admin = await app.SignedInAsync("admin");
        async Task<JsonElement> Refused(string json, HttpStatusCode status, string contentType = "application/json")
        {
            var response = await admin.PostAsync("/api/v1/forms/1.010041/versions/1/drafts", new StringContent(json, Encoding.UTF8, contentType));
            response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        var duplicate = await Refused("""
            { "title": "T", "sections": [ { "title": "S", "fields": [
              { "key": "a", "type": "text", "label": "A" },
              { "key": "a", "type": "select", "label": "B" },
              { "key": "c", "type": "text", "label": "C", "visibleWhen": { "field": "zzz", "equals": "1" } },
              { "key": "d", "type": "text", "label": "D", "pattern": "([", "patternMessage": "Sai." },
              { "key": "e", "type": "slider", "label": "E" } ] } ] }
            """, HttpStatusCode.BadRequest);
        var errors = duplicate.GetProperty("errors");
        errors.GetProperty("sections[0].fields[1].key")[0].GetString()!.ShouldContain("bị trùng");
        errors.GetProperty("sections[0].fields[1].options")[0].GetString()!.ShouldContain("cần danh sách lựa chọn");
        errors.GetProperty("sections[0].fields[2].visibleWhen")[0].GetString()!.ShouldContain("không có trường nào mã \"zzz\"");
        errors.GetProperty("sections[0].fields[3].pattern")[0].GetString()!.ShouldContain("biểu thức chính quy");
        errors.GetProperty("sections[0].fields[4].type")[0].GetString()!.ShouldContain("\"slider\" không được hỗ trợ");

        (await Refused("{ \"title\": \"T\", ", HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("definition")[0].GetString()!.ShouldContain("cú pháp JSON");
        await Refused("title: T", HttpStatusCode.UnsupportedMediaType, "text/yaml");
        (await admin.PostAsync("/api/v1/forms/1.010041/versions/42/drafts", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsync($"/api/v1/forms/definitions/{Guid.NewGuid()}/publication", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        (await db.Set<FormDefinitionRecord>().CountAsync(f => f.ProcedureCode == "1.010041")).ShouldBe(0);
    }

    [Fact]
    public async Task Only_administrators_write_forms()
    {
        var body = new StringContent(MarriageForm, Encoding.UTF8, "application/json");
        using var anonymous = app.Client();
        (await anonymous.PostAsync("/api/v1/forms/1.010041/versions/1/drafts", body)).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);

        using var officer = await app.SignedInAsync("tiepnhan");
        (await officer.PostAsync("/api/v1/forms/1.010041/versions/1/drafts", new StringContent(MarriageForm, Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PostAsync($"/api/v1/forms/definitions/{Guid.NewGuid()}/publication", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/api/v1/forms/1.010041")).StatusCode.ShouldBe(HttpStatusCode.OK, "forms are public");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        (await db.Set<FormDefinitionRecord>().CountAsync(f => f.ProcedureCode == "1.010041")).ShouldBe(0);
    }

    [Fact]
    public async Task The_administration_page_shows_the_form_as_citizens_see_it_and_is_for_administrators_only()
    {
        using var admin = await app.SignedInAsync("admin");
        var page = await admin.GetAsync("/admin/forms/1.001193");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<label for=\"f-preview-applicant-name\">Họ và tên (bắt buộc)</label>");
        html.ShouldContain("value=\"Nguyễn Thị Hường\"", Case.Sensitive, "the preview is prefilled from the demo citizen");
        html.ShouldContain("name=\"FormCommand\" value=\"province:applicant.address\"");
        html.ShouldContain("<option value=\"00004\" selected>Phường Ba Đình</option>", Case.Sensitive, "the wards of the citizen's province are listed");
        (await admin.GetAsync("/admin/forms/9.123456")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var officer = await app.SignedInAsync("tiepnhan");
        (await officer.GetAsync("/admin/forms/1.001193")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}

[Collection("sqlite")]
public sealed class FormApiOnSqlite(SqliteApp fixture) : FormApiTests(fixture.App);

[Collection("postgres")]
public sealed class FormApiOnPostgres(PostgresApp fixture) : FormApiTests(fixture.App);
