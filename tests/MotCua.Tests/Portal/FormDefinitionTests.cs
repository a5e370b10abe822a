using MotCua.Catalog.Contracts;
using MotCua.Catalog.Import;
using MotCua.Catalog.Procedures;
using MotCua.Forms;
using MotCua.Forms.Contracts;
using MotCua.Tests.Catalog;

namespace MotCua.Tests.Portal;

/// <summary>The rules of a form definition, its JSON, and the default form generated from the catalog.</summary>
public sealed class FormDefinitionTests
{
    private static readonly Lazy<IReadOnlyList<ProcedureContent>> Sample = new(() =>
    {
        using var stream = SeedFiles.Open("tthc_catalog_sample.json");
        return CatalogJsonReader.Read(stream, "tthc_catalog_sample.json").Procedures;
    });

    private static ProcedureContent Procedure(string code) => Sample.Value.Single(p => p.Code == code);

    private static IReadOnlyList<string> Problems(string json)
    {
        var (definition, error) = FormFormat.Read(json);
        return error is not null ? [error.Message] : [.. ValidateFormDefinition.Run(definition!).Select(e => $"{e.Field}: {e.Message}")];
    }

    private static string Wrap(string fields) => $$"""{ "title": "Tờ khai thử", "sections": [ { "title": "Thông tin", "fields": [ {{fields}} ] } ] }""";

    [Fact]
    public void The_default_form_of_birth_registration_has_the_applicant_block_and_one_upload_per_document_of_the_first_case()
    {
        var form = DefaultForm.For(Procedure("1.001193"));

        form.Title.ShouldBe("Thủ tục đăng ký khai sinh");
        form.CaseIndex.ShouldBe(0);
        var applicant = form.Sections[0].Fields;
        applicant.Select(f => (f.Key, f.Type, f.Prefill)).ShouldBe(
        [
            ("applicant.name", FieldTypes.Text, PrefillSources.Name),
            ("applicant.dateOfBirth", FieldTypes.Date, PrefillSources.DateOfBirth),
            ("applicant.idNumber", FieldTypes.IdNumber, PrefillSources.IdNumber),
            ("applicant.phone", FieldTypes.Phone, PrefillSources.Phone),
            ("applicant.email", FieldTypes.Email, null),
            ("applicant.address", FieldTypes.Address, PrefillSources.Address),
        ]);
        applicant.Single(f => f.Key == "applicant.email").Required.ShouldBeFalse();

        // The papers handed over online: the birth certificate and the three conditional papers (identity and residence
        // are shown at a counter and held by the registry; the declarations are this form).
        var uploads = form.Sections[1].Fields;
        uploads.ShouldAllBe(f => f.Type == FieldTypes.File && !f.WaivedByRegistry);
        uploads.Select(f => f.Key).ShouldBe(["docs.d1", "docs.d2", "docs.d3", "docs.d4"]);
        var birthCertificate = uploads.Single(f => f.Label == "Giấy chứng sinh");
        birthCertificate.Required.ShouldBeTrue();
        birthCertificate.Help!.ShouldContain("trường hợp không có Giấy chứng sinh");
        uploads.Where(f => f != birthCertificate).ShouldAllBe(f => !f.Required, "abandoned child, authorisation and surrogacy papers are asked for only in their case");
        uploads.ShouldAllBe(f => f.Label.Length <= DefaultForm.MaxLabelChars + 1);

        ValidateFormDefinition.Run(form).ShouldBeEmpty();
    }

    [Fact]
    public void Identity_and_residence_papers_are_waived_for_citizens_the_registry_knows()
    {
        // Marriage: the identity card and the proof of residence are only shown at the counter and held by the
        // registry; the paper declaration is replaced online by the interactive e-form the catalog names. Nothing to upload.
        var marriage = DefaultForm.For(Procedure("1.000894"));
        marriage.Sections.ShouldHaveSingleItem();
        marriage.CaseIndex.ShouldBeNull();

        // Birth registration: the shown identity card and the residence proof are not uploads either; the paper
        // declaration (only "nếu … nộp hồ sơ theo hình thức trực tiếp") and the interactive e-form are not asked for.
        var birth = DefaultForm.For(Procedure("1.001193")).Sections[1].Fields;
        birth.ShouldNotContain(f => f.Label.StartsWith("Hộ chiếu", StringComparison.Ordinal) || f.Label.StartsWith("Giấy tờ có giá trị chứng minh thông tin về cư trú", StringComparison.Ordinal));
        birth.ShouldNotContain(f => f.Label.StartsWith("Tờ khai", StringComparison.Ordinal) || f.Label.StartsWith("Mẫu hộ tịch điện tử", StringComparison.Ordinal));

        DefaultForm.IsHeldByRegistry("Bản sao Sổ hộ khẩu").ShouldBeTrue();
        DefaultForm.IsHeldByRegistry("Giấy xác nhận thông tin về cư trú").ShouldBeTrue();
        DefaultForm.IsHeldByRegistry("- Thẻ Căn cước công dân (bản sao)").ShouldBeTrue();
        DefaultForm.IsHeldByRegistry("Bản chụp CCCD").ShouldBeTrue();
        DefaultForm.IsHeldByRegistry("Tờ khai thay đổi thông tin cư trú (Mẫu CT01)").ShouldBeFalse("a declaration is the applicant's own paper");
        DefaultForm.IsHeldByRegistry("Tờ khai căn cước (mẫu CC01)").ShouldBeFalse();
        DefaultForm.IsHeldByRegistry("Giấy chứng sinh").ShouldBeFalse();
    }

    [Fact]
    public void A_procedure_without_documents_gets_the_applicant_block_only()
    {
        var form = DefaultForm.For(new ProcedureContent { Code = "9.999999", Name = "Thủ tục không có thành phần hồ sơ" });
        form.Sections.ShouldHaveSingleItem();
        form.CaseIndex.ShouldBeNull();
        ValidateFormDefinition.Run(form).ShouldBeEmpty();
    }

    [Fact]
    public void Every_default_form_of_the_sample_catalog_is_a_valid_definition_that_survives_its_JSON()
    {
        foreach (var procedure in Sample.Value)
        {
            var form = DefaultForm.For(procedure);
            ValidateFormDefinition.Run(form).ShouldBeEmpty(procedure.Code);
            var (back, error) = FormFormat.Read(FormFormat.ToJson(form));
            error.ShouldBeNull(procedure.Code);
            FormFormat.ToJson(back!).ShouldBe(FormFormat.ToJson(form), procedure.Code);
        }
    }

    [Fact]
    public void The_JSON_is_camel_case_keeps_Vietnamese_letters_and_leaves_out_defaults()
    {
        var json = FormFormat.ToJson(DefaultForm.For(Procedure("1.001193")));
        json.ShouldContain("\"key\": \"applicant.name\"");
        json.ShouldContain("\"label\": \"Họ và tên\"");
        json.ShouldContain("\"type\": \"idNumber\"");
        json.ShouldNotContain("\"waivedByRegistry\": false");
        json.ShouldNotContain("null");
    }

    [Fact]
    public void Bad_JSON_and_unknown_properties_are_answered_with_a_message_not_an_exception()
    {
        Problems("").ShouldBe(["Vui lòng nhập mẫu đơn (JSON)."]);
        Problems("{ \"title\": ").ShouldHaveSingleItem().ShouldStartWith("Mẫu đơn không đúng cú pháp JSON");
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A", "requried": true }""")).ShouldHaveSingleItem().ShouldContain("thuộc tính không được hỗ trợ");
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A", "required": "yes" }""")).ShouldHaveSingleItem().ShouldContain("sai kiểu");
        Problems("[]").ShouldHaveSingleItem().ShouldContain("sai kiểu");
        Problems(new string(' ', FormFormat.MaxChars + 1) + "{}").ShouldHaveSingleItem().ShouldContain("quá lớn");
    }

    [Fact]
    public void Keys_must_be_unique_well_formed_and_not_start_one_another()
    {
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A" }, { "key": "a", "type": "text", "label": "B" }"""))
            .ShouldBe(["sections[0].fields[1].key: Mã trường \"a\" bị trùng; mỗi trường cần một mã (key) riêng."]);
        Problems(Wrap("""{ "key": "Họ tên", "type": "text", "label": "A" }""")).ShouldHaveSingleItem().ShouldContain("mã phải gồm chữ cái không dấu");
        Problems(Wrap("""{ "key": "", "type": "text", "label": "A" }""")).ShouldHaveSingleItem().ShouldContain("chưa có mã (key)");
        Problems(Wrap("""{ "key": "applicant.address", "type": "address", "label": "A" }, { "key": "applicant.address.ward", "type": "text", "label": "B" }"""))
            .ShouldHaveSingleItem().ShouldContain("bắt đầu bằng mã của trường \"applicant.address\"");
        Problems(Wrap("""{ "key": "m", "type": "group", "label": "M", "fields": [ { "key": "n", "type": "text", "label": "N" }, { "key": "n", "type": "text", "label": "N2" } ] }"""))
            .ShouldHaveSingleItem().ShouldContain("bị trùng trong nhóm");
    }

    [Fact]
    public void Types_must_be_known_and_their_properties_must_fit()
    {
        Problems(Wrap("""{ "key": "a", "type": "radio", "label": "A" }""")).ShouldHaveSingleItem().ShouldContain("loại trường \"radio\" không được hỗ trợ");
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A", "options": [ { "value": "x", "label": "X" } ] }""")).ShouldHaveSingleItem().ShouldContain("\"options\" không dùng cho loại trường \"text\"");
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A", "waivedByRegistry": true }""")).ShouldHaveSingleItem().ShouldContain("waivedByRegistry");
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "" }""")).ShouldHaveSingleItem().ShouldContain("chưa có nhãn (label)");
        Problems(Wrap("""{ "key": "a", "type": "number", "label": "A", "min": 10, "max": 1 }""")).ShouldHaveSingleItem().ShouldContain("lớn hơn giá trị lớn nhất");
        Problems(Wrap("""{ "key": "a", "type": "date", "label": "A", "maxDate": "hôm nay" }""")).ShouldHaveSingleItem().ShouldContain("maxDate");
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A", "maxLength": 100000 }""")).ShouldHaveSingleItem().ShouldContain("không được vượt quá 4000");
        Problems(Wrap("""{ "key": "a", "type": "file", "label": "A", "accept": [ "application/zip" ], "maxSizeMb": 50 }""")).Count.ShouldBe(2);
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A", "prefill": "citizen.salary" }""")).ShouldHaveSingleItem().ShouldContain("nguồn điền sẵn");
        Problems(Wrap("""{ "key": "a", "type": "checkbox", "label": "A", "prefill": "citizen.name" }""")).ShouldHaveSingleItem().ShouldContain("không dùng được cho loại trường");
        Problems("""{ "title": "T", "sections": [] }""").ShouldHaveSingleItem().ShouldContain("ít nhất một mục");
    }

    [Fact]
    public void A_select_needs_distinct_options()
    {
        Problems(Wrap("""{ "key": "a", "type": "select", "label": "A" }""")).ShouldHaveSingleItem().ShouldContain("cần danh sách lựa chọn (options)");
        Problems(Wrap("""{ "key": "a", "type": "select", "label": "A", "options": [ { "value": "x", "label": "X" }, { "value": "x", "label": "Y" }, { "value": "", "label": "Z" } ] }"""))
            .Count.ShouldBe(2);
    }

    [Fact]
    public void Conditions_must_test_an_existing_single_value_field_with_a_value_it_can_have()
    {
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A", "visibleWhen": { "field": "b", "equals": "x" } }"""))
            .ShouldBe(["sections[0].fields[0].visibleWhen: Trường \"a\": điều kiện (visibleWhen) dựa vào trường \"b\", nhưng mẫu đơn không có trường nào mã \"b\"."]);
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A", "requiredWhen": { "field": "a", "equals": "x" } }""")).ShouldHaveSingleItem().ShouldContain("chính trường này");
        Problems(Wrap("""{ "key": "a", "type": "checkbox", "label": "A" }, { "key": "b", "type": "text", "label": "B", "visibleWhen": { "field": "a", "equals": "yes" } }"""))
            .ShouldHaveSingleItem().ShouldContain("so sánh với \"true\"");
        Problems(Wrap("""{ "key": "a", "type": "select", "label": "A", "options": [ { "value": "x", "label": "X" } ] }, { "key": "b", "type": "text", "label": "B", "visibleWhen": { "field": "a", "equals": "y" } }"""))
            .ShouldHaveSingleItem().ShouldContain("không có lựa chọn nào mang giá trị \"y\"");
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A" }, { "key": "b", "type": "text", "label": "B", "visibleWhen": { "field": "a", "equals": "x", "notEquals": "y" } }"""))
            .ShouldHaveSingleItem().ShouldContain("đúng một trong hai");
        Problems(Wrap("""{ "key": "a", "type": "address", "label": "A" }, { "key": "b", "type": "text", "label": "B", "visibleWhen": { "field": "a", "equals": "x" } }"""))
            .ShouldHaveSingleItem().ShouldContain("chỉ so sánh được với trường có một giá trị");
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A", "visibleWhen": { "field": "b", "equals": "" } }, { "key": "b", "type": "text", "label": "B", "visibleWhen": { "field": "a", "equals": "" } }"""))
            .ShouldContain(p => p.Contains("tạo thành vòng", StringComparison.Ordinal));
        Problems(Wrap("""{ "key": "m", "type": "group", "label": "M", "fields": [ { "key": "kind", "type": "text", "label": "K" }, { "key": "other", "type": "text", "label": "O", "visibleWhen": { "field": "kind", "equals": "x" } } ] }"""))
            .ShouldBeEmpty("a condition inside a row may test a sibling");
    }

    [Fact]
    public void Patterns_must_be_valid_expressions_with_a_Vietnamese_message()
    {
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A", "pattern": "[0-9", "patternMessage": "Sai." }""")).ShouldHaveSingleItem().ShouldContain("không phải biểu thức chính quy hợp lệ");
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A", "pattern": "[0-9]+" }""")).ShouldHaveSingleItem().ShouldContain("cần thông báo tiếng Việt (patternMessage)");
        Problems(Wrap("""{ "key": "a", "type": "text", "label": "A", "pattern": "[0-9]+", "patternMessage": "Chỉ nhập chữ số." }""")).ShouldBeEmpty();
    }

    [Fact]
    public void A_repeating_group_has_sane_limits_and_holds_neither_groups_nor_uploads()
    {
        Problems(Wrap("""{ "key": "m", "type": "group", "label": "M", "minItems": 5, "maxItems": 2, "fields": [ { "key": "n", "type": "text", "label": "N" } ] }"""))
            .ShouldHaveSingleItem().ShouldContain("minItems");
        Problems(Wrap("""{ "key": "m", "type": "group", "label": "M", "maxItems": 500, "fields": [ { "key": "n", "type": "text", "label": "N" } ] }"""))
            .ShouldHaveSingleItem().ShouldContain("maxItems");
        Problems(Wrap("""{ "key": "m", "type": "group", "label": "M", "fields": [] }""")).ShouldHaveSingleItem().ShouldContain("cần các trường của một dòng");
        Problems(Wrap("""{ "key": "m", "type": "group", "label": "M", "fields": [ { "key": "f", "type": "file", "label": "F" } ] }""")).ShouldHaveSingleItem().ShouldContain("trường tải tệp");
        Problems(Wrap("""{ "key": "m", "type": "group", "label": "M", "fields": [ { "key": "g", "type": "group", "label": "G", "fields": [ { "key": "n", "type": "text", "label": "N" } ] } ] }"""))
            .ShouldContain(p => p.Contains("nhóm khác", StringComparison.Ordinal));
    }
}
