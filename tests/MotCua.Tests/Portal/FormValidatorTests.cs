using MotCua.Forms;
using MotCua.Forms.Contracts;

namespace MotCua.Tests.Portal;

/// <summary>The values a citizen posts, checked field by field against a form definition (pure, no database).</summary>
public sealed class FormValidatorTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    /// <summary>Hà Nội with two wards, Hải Phòng with one.</summary>
    private static readonly Dictionary<string, AddressUnit> Units = new()
    {
        ["01"] = new("01", "Thành phố Hà Nội", null),
        ["00004"] = new("00004", "Phường Ba Đình", "01"),
        ["00008"] = new("00008", "Phường Ngọc Hà", "01"),
        ["31"] = new("31", "Thành phố Hải Phòng", null),
        ["11311"] = new("11311", "Phường Hồng Bàng", "31"),
    };

    private static FormDefinition Form(params FormField[] fields)
        => new() { Title = "Tờ khai thử", Sections = [new FormSection { Title = "Thông tin", Fields = fields }] };

    private static FormCheck Check(FormDefinition form, Dictionary<string, string> values, Dictionary<string, UploadedFile>? files = null, bool registry = true)
        => FormValidator.Run(form, values, files, new FormContext(Today, Units, registry));

    private static FormCheck Check(FormField field, string? value)
        => Check(Form(field), value is null ? [] : new Dictionary<string, string> { [field.Key] = value });

    private static FormField Field(string type, bool required = true, string label = "Trường thử") => new() { Key = "x", Type = type, Label = label, Required = required };

    private static string OnlyError(FormCheck check)
    {
        check.Errors.Count.ShouldBe(1, string.Join(" | ", check.Errors.Select(e => $"{e.Name}: {e.Message}")));
        return check.Errors[0].Message;
    }

    [Fact]
    public void A_required_text_left_empty_asks_for_it_by_its_label()
    {
        var name = Field(FieldTypes.Text, label: "Họ và tên");
        OnlyError(Check(name, "   ")).ShouldBe("Vui lòng nhập Họ và tên.");
        OnlyError(Check(name, null)).ShouldBe("Vui lòng nhập Họ và tên.");
        Check(name, "  Nguyễn   Thị  Hường ").Values["x"].ShouldBe("Nguyễn Thị Hường", "spaces are tidied");
        Check(name, "Nguye\u0302\u0303n").Values["x"].ShouldBe("Nguyễn", "text typed with combining marks is stored composed (NFC)");
        Check(Field(FieldTypes.Text, required: false), "").IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Text_length_and_pattern_are_checked_and_oversized_values_are_refused_not_cut()
    {
        var code = Field(FieldTypes.Text, label: "Mã số thuế") with { MinLength = 10, MaxLength = 14, Pattern = "[0-9]{10}(-[0-9]{3})?", PatternMessage = "Mã số thuế gồm 10 chữ số, có thể thêm -3 chữ số của chi nhánh." };
        Check(code, "0101234567").IsValid.ShouldBeTrue();
        Check(code, "0101234567-001").Values["x"].ShouldBe("0101234567-001");
        OnlyError(Check(code, "01012345")).ShouldBe("Mã số thuế phải có ít nhất 10 ký tự.");
        OnlyError(Check(code, "01012345AB")).ShouldBe("Mã số thuế gồm 10 chữ số, có thể thêm -3 chữ số của chi nhánh.");
        OnlyError(Check(code, "0101234567-0012")).ShouldBe("Mã số thuế dài quá 14 ký tự (đang có 15).");

        var plain = Field(FieldTypes.Text, label: "Ghi chú");
        OnlyError(Check(plain, new string('a', FormValidator.DefaultTextLength + 1))).ShouldContain("dài quá 200 ký tự");
        var note = Field(FieldTypes.Textarea, label: "Nội dung");
        Check(note, "dòng 1\r\ndòng 2").Values["x"].ShouldBe("dòng 1\ndòng 2");
        OnlyError(Check(note, new string('a', 100_000))).ShouldBe("Nội dung dài quá 4000 ký tự.");
    }

    [Theory]
    [InlineData("12", null, "12")]
    [InlineData("1.000.000", null, "1000000")]
    [InlineData("1,000,000", null, "1000000")]
    [InlineData("-3", null, "-3")]
    [InlineData("12,5", 1, "12.5")]
    [InlineData("1.234,56", 2, "1234.56")]
    [InlineData("0.25", 2, "0.25")]
    public void Numbers_are_read_as_Vietnamese_write_them(string typed, int? decimals, string stored)
        => Check(Field(FieldTypes.Number) with { Decimals = decimals }, typed).Values["x"].ShouldBe(stored);

    [Fact]
    public void A_number_outside_its_range_or_not_a_number_is_refused()
    {
        var age = Field(FieldTypes.Number, label: "Tuổi") with { Min = 0, Max = 120 };
        OnlyError(Check(age, "121")).ShouldBe("Tuổi phải từ 0 đến 120.");
        OnlyError(Check(age, "mười")).ShouldBe("Tuổi phải là một số nguyên (ví dụ: 12).");
        OnlyError(Check(age, "12,5")).ShouldBe("Tuổi phải là số nguyên.");
        OnlyError(Check(Field(FieldTypes.Number, label: "Diện tích") with { Decimals = 1, Min = 10 }, "9,5")).ShouldBe("Diện tích không được nhỏ hơn 10.");
        OnlyError(Check(Field(FieldTypes.Number, label: "Diện tích") with { Decimals = 1 }, "9,55")).ShouldBe("Diện tích chỉ được có tối đa 1 chữ số sau dấu phẩy.");
    }

    [Fact]
    public void Dates_are_taken_as_typed_or_as_the_date_input_posts_them_and_stored_as_ISO()
    {
        var birth = Field(FieldTypes.Date, label: "Ngày sinh") with { MaxDate = "today", MinDate = "1900-01-01" };
        Check(birth, "14/03/1990").Values["x"].ShouldBe("1990-03-14");
        Check(birth, "1990-03-14").Values["x"].ShouldBe("1990-03-14");
        Check(birth, "2026-12-01").IsValid.ShouldBeTrue("today itself is allowed");
        OnlyError(Check(birth, "2026-12-02")).ShouldBe("Ngày sinh không được sau ngày hôm nay.");
        OnlyError(Check(birth, "31/02/1990")).ShouldBe("Ngày sinh không phải là ngày hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 14/03/1990.");
        OnlyError(Check(birth, "hôm qua")).ShouldContain("không phải là ngày hợp lệ");
        OnlyError(Check(Field(FieldTypes.Date, label: "Ngày hẹn") with { MinDate = "2026-12-10" }, "09/12/2026")).ShouldBe("Ngày hẹn không được trước ngày 10/12/2026.");
    }

    [Theory]
    [InlineData("001090000001", "001090000001")]
    [InlineData("001 090 000 001", "001090000001")]
    [InlineData(" 079-195-000-123 ", "079195000123")]
    [InlineData("096300000001", "096300000001")]
    public void A_personal_ID_number_has_twelve_digits_opening_with_a_province_code(string typed, string stored)
        => Check(Field(FieldTypes.IdNumber, label: "Số định danh cá nhân"), typed).Values["x"].ShouldBe(stored);

    [Theory]
    [InlineData("00109000000", "Số định danh cá nhân phải gồm 12 chữ số.")]
    [InlineData("0010900000011", "Số định danh cá nhân phải gồm 12 chữ số.")]
    [InlineData("00109000000A", "Số định danh cá nhân phải gồm 12 chữ số.")]
    [InlineData("099090000001", "Số định danh cá nhân không đúng: 3 chữ số đầu phải là mã tỉnh, thành phố nơi đăng ký khai sinh (từ 001 đến 096).")]
    [InlineData("003090000001", "Số định danh cá nhân không đúng: 3 chữ số đầu phải là mã tỉnh, thành phố nơi đăng ký khai sinh (từ 001 đến 096).")]
    [InlineData("000090000001", "Số định danh cá nhân không đúng: 3 chữ số đầu phải là mã tỉnh, thành phố nơi đăng ký khai sinh (từ 001 đến 096).")]
    public void A_wrong_ID_number_is_explained(string typed, string message)
        => OnlyError(Check(Field(FieldTypes.IdNumber, label: "Số định danh cá nhân"), typed)).ShouldBe(message);

    [Theory]
    [InlineData("0912345678", "0912345678")]
    [InlineData("091 234 5678", "0912345678")]
    [InlineData("0912.345.678", "0912345678")]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("84912345678", "0912345678")]
    [InlineData("0368 000 111", "0368000111")]
    [InlineData("(024) 3825 3535", "02438253535")]
    [InlineData("0236 3822 111", "02363822111")]
    public void Mobile_and_landline_numbers_are_stored_in_their_national_form(string typed, string stored)
        => Check(Field(FieldTypes.Phone, label: "Số điện thoại"), typed).Values["x"].ShouldBe(stored);

    [Theory]
    [InlineData("0123")]
    [InlineData("0612345678")]
    [InlineData("091234567")]
    [InlineData("09123456789")]
    [InlineData("024382535")]
    [InlineData("số của tôi")]
    public void A_number_that_is_neither_mobile_nor_landline_is_refused(string typed)
        => OnlyError(Check(Field(FieldTypes.Phone, label: "Số điện thoại"), typed)).ShouldStartWith("Số điện thoại không đúng: nhập số di động 10 chữ số");

    [Theory]
    [InlineData("hường@example", false)]
    [InlineData("huong@example", false)]
    [InlineData("huong@@example.vn", false)]
    [InlineData("huong example@x.vn", false)]
    [InlineData("huong.nguyen@example.gov.vn", true)]
    [InlineData(" huong+motcua@mail.com ", true)]
    public void E_mail_addresses_are_checked(string typed, bool valid)
    {
        var check = Check(Field(FieldTypes.Email, label: "Thư điện tử"), typed);
        check.IsValid.ShouldBe(valid);
        if (!valid)
        {
            OnlyError(check).ShouldBe("Thư điện tử không đúng định dạng thư điện tử (ví dụ: ten@example.vn).");
        }
    }

    [Fact]
    public void A_select_accepts_only_its_options()
    {
        var relation = Field(FieldTypes.Select, label: "Quan hệ với trẻ") with { Options = [new() { Value = "cha", Label = "Cha" }, new() { Value = "me", Label = "Mẹ" }] };
        Check(relation, "me").Values["x"].ShouldBe("me");
        OnlyError(Check(relation, "")).ShouldBe("Vui lòng chọn Quan hệ với trẻ.");
        OnlyError(Check(relation, "ong")).ShouldBe("Giá trị đã chọn cho Quan hệ với trẻ không có trong danh sách; vui lòng chọn lại.");
    }

    [Fact]
    public void A_required_checkbox_must_be_ticked_and_an_unticked_one_is_false()
    {
        var declaration = Field(FieldTypes.Checkbox, label: "Tôi cam đoan nội dung khai là đúng sự thật");
        OnlyError(Check(declaration, null)).ShouldBe("Vui lòng đánh dấu vào ô \"Tôi cam đoan nội dung khai là đúng sự thật\".");
        Check(declaration, "on").Values["x"].ShouldBe("true");
        Check(declaration, "true").Values["x"].ShouldBe("true");
        Check(Field(FieldTypes.Checkbox, required: false), null).Values["x"].ShouldBe("false");
    }

    [Fact]
    public void An_address_needs_a_province_a_ward_of_that_province_and_the_street()
    {
        var form = Form(new FormField { Key = "applicant.address", Type = FieldTypes.Address, Label = "Nơi thường trú", Required = true });
        var good = Check(form, new() { ["applicant.address.province"] = "01", ["applicant.address.ward"] = "00004", ["applicant.address.street"] = " 12 Phố  Quán Thánh " });
        good.IsValid.ShouldBeTrue();
        good.Values["applicant.address.ward"].ShouldBe("00004");
        good.Values["applicant.address.street"].ShouldBe("12 Phố Quán Thánh");
        good.Values["applicant.address"].ShouldBe("12 Phố Quán Thánh, Phường Ba Đình, Thành phố Hà Nội");

        var wardOnly = Check(form, new() { ["applicant.address.ward"] = "11311", ["applicant.address.street"] = "1 Điện Biên Phủ" });
        wardOnly.Values["applicant.address.province"].ShouldBe("31", "the province follows from the ward");

        var otherProvince = Check(form, new() { ["applicant.address.province"] = "31", ["applicant.address.ward"] = "00004", ["applicant.address.street"] = "12 Quán Thánh" });
        otherProvince.Errors.ShouldHaveSingleItem().Name.ShouldBe("applicant.address.ward");
        otherProvince.Errors[0].Message.ShouldStartWith("Phường, xã đã chọn không thuộc tỉnh, thành phố đã chọn");

        var unknown = Check(form, new() { ["applicant.address.province"] = "99", ["applicant.address.ward"] = "77777", ["applicant.address.street"] = "x" });
        unknown.Errors.Select(e => e.Name).ShouldBe(["applicant.address.ward", "applicant.address.province"], ignoreOrder: true);

        var empty = Check(form, []);
        empty.Errors.Select(e => e.Message).ShouldBe(
            ["Vui lòng chọn tỉnh, thành phố (Nơi thường trú).", "Vui lòng chọn phường, xã (Nơi thường trú).", "Vui lòng nhập số nhà, đường phố hoặc thôn, xóm (Nơi thường trú)."]);
    }

    [Fact]
    public void A_field_shown_only_on_a_condition_is_never_required_while_hidden()
    {
        var form = Form(
            new FormField { Key = "relation", Type = FieldTypes.Select, Label = "Quan hệ với trẻ", Required = true, Options = [new() { Value = "cha", Label = "Cha" }, new() { Value = "khac", Label = "Khác" }] },
            new FormField { Key = "relationOther", Type = FieldTypes.Text, Label = "Quan hệ khác", Required = true, VisibleWhen = new() { Field = "relation", EqualTo = "khac" } },
            new FormField { Key = "authorised", Type = FieldTypes.Checkbox, Label = "Nộp thay theo ủy quyền" },
            new FormField { Key = "authorisation", Type = FieldTypes.Text, Label = "Số văn bản ủy quyền", RequiredWhen = new() { Field = "authorised", EqualTo = "true" } });

        var hidden = Check(form, new() { ["relation"] = "cha", ["relationOther"] = "Bác ruột" });
        hidden.IsValid.ShouldBeTrue();
        hidden.Values.Keys.ShouldNotContain("relationOther", "a hidden field's value is dropped");

        OnlyError(Check(form, new() { ["relation"] = "khac" })).ShouldBe("Vui lòng nhập Quan hệ khác.");
        Check(form, new() { ["relation"] = "khac", ["relationOther"] = "Bác ruột" }).Values["relationOther"].ShouldBe("Bác ruột");

        OnlyError(Check(form, new() { ["relation"] = "cha", ["authorised"] = "true" })).ShouldBe("Vui lòng nhập Số văn bản ủy quyền.");
        Check(form, new() { ["relation"] = "cha", ["authorised"] = "true", ["authorisation"] = "12/UQ" }).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_condition_on_a_hidden_field_treats_it_as_empty()
    {
        var form = Form(
            new FormField { Key = "married", Type = FieldTypes.Checkbox, Label = "Đã kết hôn" },
            new FormField { Key = "spouseName", Type = FieldTypes.Text, Label = "Họ tên vợ/chồng", VisibleWhen = new() { Field = "married", EqualTo = "true" } },
            new FormField { Key = "spouseId", Type = FieldTypes.IdNumber, Label = "Số định danh vợ/chồng", Required = true, VisibleWhen = new() { Field = "spouseName", NotEqualTo = "" } });

        Check(form, new() { ["spouseName"] = "Trần Văn Minh" }).IsValid.ShouldBeTrue("not married: the name is hidden, so the ID is hidden too");
        OnlyError(Check(form, new() { ["married"] = "true", ["spouseName"] = "Trần Văn Minh" })).ShouldBe("Vui lòng nhập Số định danh vợ/chồng.");
    }

    private static FormDefinition Family(int min = 1, int max = 3) => Form(new FormField
    {
        Key = "members",
        Type = FieldTypes.Group,
        Label = "Thành viên gia đình",
        ItemLabel = "Người",
        MinItems = min,
        MaxItems = max,
        Fields =
        [
            new() { Key = "name", Type = FieldTypes.Text, Label = "Họ và tên", Required = true },
            new() { Key = "relation", Type = FieldTypes.Select, Label = "Quan hệ", Options = [new() { Value = "con", Label = "Con" }, new() { Value = "khac", Label = "Khác" }] },
            new() { Key = "other", Type = FieldTypes.Text, Label = "Quan hệ khác", Required = true, VisibleWhen = new() { Field = "relation", EqualTo = "khac" } },
        ],
    });

    [Fact]
    public void Repeating_rows_are_checked_row_by_row_and_empty_rows_are_dropped()
    {
        var check = Check(Family(), new()
        {
            ["members.count"] = "3",
            ["members[0].name"] = "Nguyễn Văn An",
            ["members[0].relation"] = "con",
            ["members[1].name"] = "",
            ["members[2].name"] = "Nguyễn Thị Bình",
            ["members[2].relation"] = "khac",
            ["members[2].other"] = "Cháu",
        });
        check.IsValid.ShouldBeTrue(string.Join(" | ", check.Errors.Select(e => e.Message)));
        check.Values["members.count"].ShouldBe("2");
        check.Values["members[1].name"].ShouldBe("Nguyễn Thị Bình", "rows are renumbered without the empty one");
        check.Values["members[1].other"].ShouldBe("Cháu");
        check.Values.Keys.ShouldNotContain("members[0].other", "the sibling condition is read in the same row");

        var missing = Check(Family(), new() { ["members[0].relation"] = "khac" });
        missing.Errors.Select(e => (e.Name, e.Message)).ShouldBe(
        [
            ("members[0].name", "Vui lòng nhập Họ và tên (Người thứ 1)."),
            ("members[0].other", "Vui lòng nhập Quan hệ khác (Người thứ 1)."),
        ]);
    }

    [Fact]
    public void A_group_needs_its_minimum_of_rows_and_refuses_more_than_its_maximum()
    {
        OnlyError(Check(Family(min: 1), [])).ShouldBe("Thành viên gia đình: vui lòng khai ít nhất một người.");
        OnlyError(Check(Family(min: 2), new() { ["members[0].name"] = "An" })).ShouldBe("Thành viên gia đình: vui lòng khai ít nhất 2 người (đang có 1).");
        Check(Family(min: 0), []).Values["members.count"].ShouldBe("0");

        var many = new Dictionary<string, string>();
        for (var i = 0; i < 5; i++)
        {
            many[$"members[{i}].name"] = $"Người {i}";
        }

        var tooMany = Check(Family(max: 3), many);
        tooMany.Errors.ShouldHaveSingleItem().Name.ShouldBe("members");
        tooMany.Errors[0].Message.ShouldBe("Thành viên gia đình: chỉ được khai tối đa 3 người (đang có 5).");
        Check(Family(max: 3), new() { ["members.count"] = "100000", ["members[0].name"] = "An" }).Errors.ShouldHaveSingleItem().Name.ShouldBe("members");
    }

    private static FormDefinition Uploads() => Form(
        new FormField { Key = "docs.d1", Type = FieldTypes.File, Label = "Giấy chứng sinh", Required = true, MaxSizeMb = 2 },
        new FormField { Key = "docs.d2", Type = FieldTypes.File, Label = "Giấy xác nhận thông tin cư trú", Required = true, WaivedByRegistry = true },
        new FormField { Key = "docs.d3", Type = FieldTypes.File, Label = "Ảnh chân dung", Accept = ["image/jpeg"] });

    [Fact]
    public void Uploads_are_checked_for_presence_type_and_size()
    {
        var pdf = new UploadedFile("giay chung sinh.pdf", "application/pdf", 300_000);
        var ok = Check(Uploads(), [], new() { ["docs.d1"] = pdf });
        ok.IsValid.ShouldBeTrue();
        ok.Values["docs.d1"].ShouldBe("giay chung sinh.pdf");

        OnlyError(Check(Uploads(), [])).ShouldBe("Vui lòng tải lên Giấy chứng sinh.");
        OnlyError(Check(Uploads(), [], new() { ["docs.d1"] = pdf with { Length = 3 * 1024 * 1024 } })).ShouldBe("Giấy chứng sinh: tệp lớn quá 2 MB (tệp đã chọn 3 MB).");
        OnlyError(Check(Uploads(), [], new() { ["docs.d1"] = pdf with { ContentType = "application/octet-stream" } })).ShouldBe("Giấy chứng sinh: chỉ nhận tệp PDF, JPG, PNG.");
        OnlyError(Check(Uploads(), [], new() { ["docs.d1"] = pdf with { Length = 0 } })).ShouldBe("Giấy chứng sinh: tệp đã chọn rỗng; vui lòng chọn lại tệp.");
        OnlyError(Check(Uploads(), [], new() { ["docs.d1"] = pdf, ["docs.d3"] = pdf })).ShouldBe("Ảnh chân dung: chỉ nhận tệp JPG.");
    }

    [Fact]
    public void A_document_the_registry_holds_is_asked_for_only_from_someone_it_does_not_know()
    {
        var pdf = new UploadedFile("a.pdf", "application/pdf", 1000);
        Check(Uploads(), [], new() { ["docs.d1"] = pdf }, registry: true).IsValid.ShouldBeTrue();
        var unknown = Check(Uploads(), [], new() { ["docs.d1"] = pdf }, registry: false);
        OnlyError(unknown).ShouldBe("Vui lòng tải lên Giấy xác nhận thông tin cư trú.");
    }

    [Fact]
    public void A_file_uploaded_earlier_is_kept_by_its_reference()
    {
        var check = Check(Uploads(), new() { ["docs.d1"] = "tep-da-luu-1.pdf" });
        check.IsValid.ShouldBeTrue();
        check.Values["docs.d1"].ShouldBe("tep-da-luu-1.pdf");
    }

    [Fact]
    public void Unknown_posted_names_are_ignored()
    {
        var check = Check(Form(Field(FieldTypes.Text, label: "Họ và tên")), new() { ["x"] = "An", ["admin"] = "true", ["x.extra"] = "1", ["members[0].name"] = "B" });
        check.IsValid.ShouldBeTrue();
        check.Values.Keys.ShouldBe(["x"]);
    }

    [Fact]
    public void The_province_and_ward_codes_to_look_up_are_those_posted_for_address_fields()
    {
        var form = Form(
            new FormField { Key = "applicant.address", Type = FieldTypes.Address, Label = "Nơi thường trú" },
            new FormField { Key = "note", Type = FieldTypes.Text, Label = "Ghi chú" },
            new FormField { Key = "members", Type = FieldTypes.Group, Label = "Người", Fields = [new() { Key = "address", Type = FieldTypes.Address, Label = "Nơi ở" }] });
        var codes = FormValidator.UnitCodes(form, new Dictionary<string, string>
        {
            ["applicant.address.province"] = "01",
            ["applicant.address.ward"] = "00004",
            ["note"] = "31",
            ["members[1].address.ward"] = "11311",
        });
        codes.ShouldBe(["01", "00004", "11311"], ignoreOrder: true);
    }
}
