using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Portal;

/// <summary>
/// The e-forms written from the official declarations (seed/forms), each filed end to end over HTTP through
/// POST /api/v1/me/applications — the use case the portal's page runs: the form as GET /api/v1/forms/{code} publishes
/// it, filled in field by field, is filed and the dossier shows the declaration in words (names, not codes; dates
/// dd/MM/yyyy); one required value left empty is refused with its Vietnamese message and nothing is stored.
/// </summary>
public abstract class EFormsFilingTests(MotCuaApp app)
{
    private const string Citizen = "001090000001";

    public static TheoryData<string, string> Forms => new()
    {
        { "1.001193", "child.name" },            // Đăng ký khai sinh
        { "1.000894", "groom.name" },            // Đăng ký kết hôn
        { "1.000656", "deceased.dateOfDeath" },  // Đăng ký khai tử
        { "1.004873", "purpose.kind" },          // Xác nhận tình trạng hôn nhân
        { "1.004884", "previous.lostReason" },   // Đăng ký lại khai sinh
        { "1.004746", "previous.date" },         // Đăng ký lại kết hôn
        { "2.000908", "paper.name" },            // Cấp bản sao từ sổ gốc
        { "1.004222", "residence.new.ward" },    // Đăng ký thường trú (CT01)
        { "1.004194", "stay.until" },            // Đăng ký tạm trú (CT01)
        { "1.001612", "business.name" },         // Đăng ký thành lập hộ kinh doanh
        { "3.000333", "certificate.purpose" },   // Cấp Phiếu lý lịch tư pháp (Mẫu 03/2013/TT-LLTP)
        { "1.013225", "site.mapSheet" },         // Giấy phép xây dựng nhà ở riêng lẻ
        { "1.013978", "parcel.number" },         // Đăng ký đất đai lần đầu (Mẫu 04/ĐK)
        { "2.001035", "buyer.idNumber" },        // Chứng thực hợp đồng chuyển nhượng quyền sử dụng đất
        { "2.000635", "extract.kind" },          // Cấp bản sao trích lục hộ tịch
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task An_eform_is_filed_end_to_end_and_a_missing_value_is_refused_in_Vietnamese(string procedureCode, string blanked)
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, Citizen);
        var form = await citizen.Http.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{procedureCode}");
        form.GetProperty("generated").GetBoolean().ShouldBeFalse($"{procedureCode} has its written form, not the generated one");
        var definition = form.GetProperty("definition");
        var (values, uploads, labels) = Fill(definition);
        values.ContainsKey(blanked).ShouldBeTrue($"{procedureCode} asks {blanked}");

        var files = new JsonObject();
        foreach (var key in uploads)
        {
            var sha = await Reception.UploadAsync(citizen.Http, Reception.PdfWith($"{procedureCode} {key} {Guid.NewGuid()}"), $"{key}.pdf");
            files[key] = new JsonObject { ["sha256"] = sha, ["fileName"] = $"{key}.pdf" };
        }

        // One required value missing: refused with the field's Vietnamese message, nothing filed.
        var before = await Counts.DossiersAsync(app);
        var missing = Request(procedureCode, values, files);
        missing["formData"]![blanked] = "";
        var refused = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", missing);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
        var problem = await refused.Content.ReadAsStringAsync();
        problem.ShouldContain($"formData.{blanked}");
        problem.ShouldContain(labels[blanked.EndsWith(".ward", StringComparison.Ordinal) ? "phường, xã" : blanked]);
        problem.ShouldMatch("Vui lòng (nhập|chọn)");
        (await Counts.DossiersAsync(app)).ShouldBe(before, "nothing filed");

        // Filled in: filed, and the citizen's dossier shows the declaration in words.
        var filed = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", Request(procedureCode, values, files));
        filed.StatusCode.ShouldBe(HttpStatusCode.Created, await filed.Content.ReadAsStringAsync());
        var code = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var page = WebUtility.HtmlDecode(await citizen.Http.GetStringAsync($"/portal/ho-so/{Uri.EscapeDataString(code)}"));
        page.ShouldContain("Tờ khai");
        page.ShouldContain("12 Phố Quán Thánh, Phường Ba Đình, Thành phố Hà Nội");
        page.ShouldContain("14/03/1990");
        page.ShouldNotContain("1990-03-14");

        using var officer = await app.SignedInAsync("tiepnhan");
        var staffPage = WebUtility.HtmlDecode(await officer.GetStringAsync($"/dossiers/{Uri.EscapeDataString(code)}"));
        staffPage.ShouldContain("Phường Ba Đình");
        staffPage.ShouldContain("14/03/1990");
    }

    [Fact]
    public async Task A_date_in_the_future_and_an_impossible_date_are_refused_on_the_birth_registration()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, Citizen);
        var (values, uploads, _) = Fill((await citizen.Http.GetFromJsonAsync<JsonElement>("/api/v1/forms/1.001193")).GetProperty("definition"));
        var files = new JsonObject();
        foreach (var key in uploads)
        {
            var sha = await Reception.UploadAsync(citizen.Http, Reception.PdfWith($"{key} {Guid.NewGuid()}"), $"{key}.pdf");
            files[key] = new JsonObject { ["sha256"] = sha, ["fileName"] = $"{key}.pdf" };
        }

        values["child.dateOfBirth"] = "01/01/2099";
        values["mother.dateOfBirth"] = "31/02/1990";
        var before = await Counts.DossiersAsync(app);
        var refused = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", Request("1.001193", values, files));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadAsStringAsync();
        problem.ShouldContain("Ngày, tháng, năm sinh không được sau ngày hôm nay.");
        problem.ShouldContain("Ngày, tháng, năm sinh của mẹ không phải là ngày hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 14/03/1990.");
        (await Counts.DossiersAsync(app)).ShouldBe(before, "nothing filed");
    }

    /// <summary>
    /// Certification of copies and of signatures are done in person (the catalog lists no online channel): their forms
    /// are checked by the public validation API — valid, or refused with the field's message — and online filing says why not.
    /// </summary>
    [Theory]
    [InlineData("2.000815", "pickup")]       // Chứng thực bản sao từ bản chính
    [InlineData("2.000884", "paper.name")]   // Chứng thực chữ ký
    public async Task An_in_person_certification_form_is_checked_and_its_online_filing_refused(string procedureCode, string blanked)
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, Citizen);
        var form = await citizen.Http.GetFromJsonAsync<JsonElement>($"/api/v1/forms/{procedureCode}");
        form.GetProperty("generated").GetBoolean().ShouldBeFalse();
        var (values, uploads, labels) = Fill(form.GetProperty("definition"));
        var files = uploads.ToDictionary(k => k, k => new { fileName = $"{k}.pdf", contentType = "application/pdf", size = 1000 });

        var valid = await citizen.Http.PostAsJsonAsync($"/api/v1/forms/{procedureCode}/validation", new { values, files });
        valid.StatusCode.ShouldBe(HttpStatusCode.OK, await valid.Content.ReadAsStringAsync());

        values[blanked] = "";
        var missing = await citizen.Http.PostAsJsonAsync($"/api/v1/forms/{procedureCode}/validation", new { values, files });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain(labels[blanked]);

        var before = await Counts.DossiersAsync(app);
        var online = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", Request(procedureCode, values, []));
        online.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Counts.DossiersAsync(app)).ShouldBe(before);
    }

    private static JsonObject Request(string procedureCode, Dictionary<string, string> values, JsonObject files) => new()
    {
        ["procedureCode"] = procedureCode,
        ["formData"] = new JsonObject(values.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value)))),
        ["files"] = files.DeepClone(),
        ["delivery"] = "Online",
    };

    /// <summary>
    /// A valid value for every field of the published form, as a citizen would type it (dates dd/MM/yyyy, the ward
    /// picked from Hà Nội's list): the first choice of each list, the smallest number allowed, one row of each group.
    /// Also the required uploads and each posted name's label (for the messages).
    /// </summary>
    private static (Dictionary<string, string> Values, List<string> Uploads, Dictionary<string, string> Labels) Fill(JsonElement definition)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var uploads = new List<string>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["phường, xã"] = "phường, xã" };
        void Field(JsonElement f, string name)
        {
            var type = f.GetProperty("type").GetString();
            labels[name] = f.GetProperty("label").GetString()!;
            string? Prop(string p) => f.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            switch (type)
            {
                case "file":
                    if (f.TryGetProperty("required", out var r) && r.GetBoolean() && !(f.TryGetProperty("waivedByRegistry", out var w) && w.GetBoolean()))
                    {
                        uploads.Add(name);
                    }

                    return;
                case "group":
                    values[$"{name}.count"] = "1";
                    foreach (var sub in f.GetProperty("fields").EnumerateArray())
                    {
                        Field(sub, $"{name}[0].{sub.GetProperty("key").GetString()}");
                    }

                    return;
                case "address":
                    values[$"{name}.province"] = "01";
                    values[$"{name}.ward"] = "00004";
                    values[$"{name}.street"] = "12 Phố Quán Thánh";
                    return;
                case "date":
                    values[name] = Prop("minDate") == "today" ? "01/01/2030" : "14/03/1990";
                    return;
                case "select":
                    values[name] = f.GetProperty("options")[0].GetProperty("value").GetString()!;
                    return;
                case "checkbox":
                    values[name] = "true";
                    return;
                case "number":
                    values[name] = f.TryGetProperty("min", out var min) && min.GetDecimal() > 0 ? min.GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture) : "2";
                    return;
                case "idNumber":
                    values[name] = name == "applicant.idNumber" ? Citizen : "001085000002";
                    return;
                case "phone":
                    values[name] = "0912000001";
                    return;
                case "email":
                    values[name] = "";
                    return;
                default:
                    values[name] = name switch
                    {
                        "applicant.name" => "Nguyễn Thị Hường",
                        "deceased.timeOfDeath" => "14:30",
                        "parcel.number" => "125",
                        "parcel.mapSheet" or "site.mapSheet" => "12",
                        "parcel.certificate" => "AB 123456",
                        _ => "Nội dung khai " + name,
                    };
                    return;
            }
        }

        foreach (var section in definition.GetProperty("sections").EnumerateArray())
        {
            foreach (var f in section.GetProperty("fields").EnumerateArray())
            {
                Field(f, f.GetProperty("key").GetString()!);
            }
        }

        return (values, uploads, labels);
    }
}

[Collection("sqlite")]
public sealed class EFormsFilingOnSqlite(SqliteApp fixture) : EFormsFilingTests(fixture.App);

[Collection("postgres")]
public sealed class EFormsFilingOnPostgres(PostgresApp fixture) : EFormsFilingTests(fixture.App);
