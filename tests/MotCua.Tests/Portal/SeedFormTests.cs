using MotCua.Catalog.Import;
using MotCua.Forms;
using MotCua.Forms.Contracts;
using MotCua.Forms.Seed;

namespace MotCua.Tests.Portal;

/// <summary>The e-forms written from the official declarations (seed/forms), their dates typed as dd/mm/yyyy and their rules.</summary>
public sealed class SeedFormTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static readonly Dictionary<string, AddressUnit> Units = new()
    {
        ["01"] = new("01", "Thành phố Hà Nội", null),
        ["00004"] = new("00004", "Phường Ba Đình", "01"),
    };

    private static readonly Lazy<IReadOnlyList<SeedForm>> Forms = new(SeedForms.All);

    private static FormDefinition Birth => Forms.Value.Single(f => f.ProcedureCode == "1.001193").Definition;

    [Fact]
    public void At_least_fifteen_seed_forms_are_valid_definitions_of_distinct_procedures()
    {
        Forms.Value.Count.ShouldBeGreaterThanOrEqualTo(15);
        Forms.Value.Select(f => f.ProcedureCode).Distinct().Count().ShouldBe(Forms.Value.Count);
        foreach (var form in Forms.Value)
        {
            ValidateFormDefinition.Run(form.Definition).ShouldBeEmpty(form.ProcedureCode);
            form.Definition.Fields.Select(f => f.Key).ShouldContain("applicant.idNumber", form.ProcedureCode);
            form.Definition.Fields.ShouldNotContain(f => f.Type == FieldTypes.Select && (f.Options == null || f.Options.Count == 0), form.ProcedureCode);
        }
    }

    [Fact]
    public void The_birth_registration_asks_about_the_child_and_its_parents_with_54_ethnic_groups()
    {
        var keys = Birth.Fields.Select(f => f.Key).ToList();
        keys.ShouldBeSubsetOf(keys);
        foreach (var key in new[] { "child.name", "child.sex", "child.dateOfBirth", "child.placeOfBirth", "child.nationality", "child.ethnicity", "child.hometown",
            "mother.name", "mother.dateOfBirth", "mother.ethnicity", "mother.nationality", "mother.residence", "mother.idNumber", "father.name", "declarant.relation" })
        {
            keys.ShouldContain(key);
        }

        Birth.Fields.Single(f => f.Key == "child.ethnicity").Options!.Count.ShouldBe(54);
        Birth.Fields.Single(f => f.Key == "child.ethnicity").Options![0].Label.ShouldBe("Kinh");
    }

    [Theory]
    [InlineData("14/03/1990", "1990-03-14")]
    [InlineData("4/3/1990", "1990-03-04")]
    [InlineData("14-03-1990", "1990-03-14")]
    [InlineData("14.03.1990", "1990-03-14")]
    [InlineData(" 14 03 1990 ", "1990-03-14")]
    [InlineData("14031990", "1990-03-14")]
    [InlineData("1990-03-14", "1990-03-14")]
    public void A_date_is_read_as_day_month_year_whatever_the_browser(string typed, string iso)
    {
        FormDates.TryParse(typed, out var date).ShouldBeTrue(typed);
        FormDates.Iso(date).ShouldBe(iso);
        FormDates.Show(typed).ShouldBe(FormDates.Show(date));
    }

    [Theory]
    [InlineData("31/02/2024")]
    [InlineData("03/14/1990")]
    [InlineData("1990/03/14")]
    [InlineData("14/03/90")]
    [InlineData("hôm qua")]
    [InlineData("01/01/1800")]
    public void Anything_else_is_not_a_date(string typed) => FormDates.TryParse(typed, out _).ShouldBeFalse(typed);

    [Fact]
    public void A_stored_date_is_shown_as_dd_MM_yyyy() => FormDates.Show("2025-07-01").ShouldBe("01/07/2025");

    [Fact]
    public void A_birth_date_in_the_future_and_an_impossible_date_are_refused_in_Vietnamese()
    {
        var values = Valid();
        values["child.dateOfBirth"] = "08/12/2026";
        values["mother.dateOfBirth"] = "30/02/1992";
        var check = FormValidator.Run(Birth, values, null, new FormContext(Today, Units));
        check.ErrorMap["child.dateOfBirth"].ShouldBe("Ngày, tháng, năm sinh không được sau ngày hôm nay.");
        check.ErrorMap["mother.dateOfBirth"].ShouldStartWith("Ngày, tháng, năm sinh của mẹ không phải là ngày hợp lệ; nhập theo dạng ngày/tháng/năm");
        check.Errors.Count.ShouldBe(2);
    }

    [Fact]
    public void The_father_is_asked_only_when_declared()
    {
        var values = Valid();
        FormValidator.Run(Birth, values, null, new FormContext(Today, Units)).IsValid.ShouldBeTrue();

        values["father.declared"] = "co";
        var check = FormValidator.Run(Birth, values, null, new FormContext(Today, Units));
        check.ErrorMap.Keys.ShouldContain("father.name");
        check.ErrorMap["father.name"].ShouldBe("Vui lòng nhập Họ, chữ đệm và tên của cha.");
    }

    [Fact]
    public void A_bride_under_18_is_refused_with_the_age_in_the_message()
    {
        var marriage = Forms.Value.Single(f => f.ProcedureCode == "1.000894").Definition;
        var field = marriage.Fields.Single(f => f.Key == "bride.dateOfBirth");
        var check = FormValidator.Run(new FormDefinition { Title = "t", Sections = [new FormSection { Title = "s", Fields = [field] }] },
            new Dictionary<string, string> { ["bride.dateOfBirth"] = "08/12/2008" }, null, new FormContext(Today, Units));
        check.ErrorMap["bride.dateOfBirth"].ShouldBe("Ngày, tháng, năm sinh bên nữ: người này phải đủ 18 tuổi (sinh không sau ngày 07/12/2008).");
    }

    [Fact]
    public void A_province_alone_is_not_an_address()
    {
        var values = Valid();
        values["father.residence.province"] = "01";
        FormValidator.Run(Birth, values, null, new FormContext(Today, Units)).IsValid.ShouldBeTrue();
    }

    private static Dictionary<string, string> Valid() => new()
    {
        ["applicant.name"] = "Nguyễn Thị Hường",
        ["applicant.dateOfBirth"] = "14/03/1990",
        ["applicant.idNumber"] = "001090000001",
        ["applicant.phone"] = "0912000001",
        ["applicant.address.ward"] = "00004",
        ["applicant.address.street"] = "12 Phố Quán Thánh",
        ["declarant.relation"] = "me",
        ["child.name"] = "Nguyễn Minh An",
        ["child.sex"] = "nam",
        ["child.dateOfBirth"] = "01/12/2026",
        ["child.placeOfBirth"] = "Bệnh viện Phụ sản Hà Nội",
        ["child.placeOfBirthWard.ward"] = "00004",
        ["child.placeOfBirthWard.street"] = "929 Đường La Thành",
        ["child.ethnicity"] = "01",
        ["child.nationality"] = "VN",
        ["child.hometown"] = "Phường Ba Đình, Thành phố Hà Nội",
        ["mother.name"] = "Nguyễn Thị Hường",
        ["mother.dateOfBirth"] = "14/03/1990",
        ["mother.ethnicity"] = "01",
        ["mother.nationality"] = "VN",
        ["mother.residence.ward"] = "00004",
        ["mother.residence.street"] = "12 Phố Quán Thánh",
        ["father.declared"] = "khong",
    };
}
