using MotCua.Forms;
using MotCua.Forms.Contracts;

namespace MotCua.Tests.Portal;

/// <summary>The form's own buttons without JavaScript (add or remove a row, choose a province) and the prefill from the citizen.</summary>
public sealed class FormCommandsTests
{
    private static readonly FormDefinition Form = new()
    {
        Title = "Tờ khai thử",
        Sections =
        [
            new FormSection
            {
                Title = "Thông tin",
                Fields =
                [
                    new() { Key = "applicant.name", Type = FieldTypes.Text, Label = "Họ và tên", Prefill = PrefillSources.Name },
                    new() { Key = "applicant.dateOfBirth", Type = FieldTypes.Date, Label = "Ngày sinh", Prefill = PrefillSources.DateOfBirth },
                    new() { Key = "applicant.address", Type = FieldTypes.Address, Label = "Nơi thường trú", Prefill = PrefillSources.Address },
                    new()
                    {
                        Key = "members", Type = FieldTypes.Group, Label = "Thành viên", ItemLabel = "Người", MinItems = 1, MaxItems = 3,
                        Fields = [new() { Key = "name", Type = FieldTypes.Text, Label = "Họ và tên" }, new() { Key = "address", Type = FieldTypes.Address, Label = "Nơi ở" }],
                    },
                ],
            },
        ],
    };

    [Fact]
    public void Add_puts_an_empty_row_after_the_others_and_focuses_it_up_to_the_maximum()
    {
        var added = FormCommands.Apply(Form, new Dictionary<string, string> { ["members[0].name"] = "An" }, "add:members")!;
        added.Values["members.count"].ShouldBe("2");
        added.Values["members[0].name"].ShouldBe("An");
        added.Focus.ShouldBe("members[1].name");

        var full = FormCommands.Apply(Form, new Dictionary<string, string> { ["members.count"] = "3" }, "add:members")!;
        full.Values["members.count"].ShouldBe("3");
        full.Focus.ShouldBe("members.add");
    }

    [Fact]
    public void Remove_moves_the_following_rows_up_and_keeps_the_minimum()
    {
        var values = new Dictionary<string, string>
        {
            ["members.count"] = "3",
            ["members[0].name"] = "An",
            ["members[1].name"] = "Bình",
            ["members[1].address.ward"] = "00004",
            ["members[2].name"] = "Chi",
            ["applicant.name"] = "Hường",
        };
        var removed = FormCommands.Apply(Form, values, "remove:members:1")!;
        removed.Values["members.count"].ShouldBe("2");
        removed.Values["members[0].name"].ShouldBe("An");
        removed.Values["members[1].name"].ShouldBe("Chi");
        removed.Values.ShouldNotContainKey("members[1].address.ward", "the removed row's address goes with it");
        removed.Values.ShouldNotContainKey("members[2].name");
        removed.Values["applicant.name"].ShouldBe("Hường", "nothing else is touched");

        var last = FormCommands.Apply(Form, new Dictionary<string, string> { ["members[0].name"] = "An" }, "remove:members:0")!;
        last.Values["members.count"].ShouldBe("1", "the group keeps its minimum of one (now empty) row");
        last.Values.ShouldNotContainKey("members[0].name");
    }

    [Theory]
    [InlineData("province:applicant.address", "applicant.address.ward")]
    [InlineData("province:members[2].address", "members[2].address.ward")]
    public void Choosing_a_province_keeps_the_values_and_moves_to_the_ward(string command, string focus)
    {
        var values = new Dictionary<string, string> { ["applicant.address.province"] = "31", ["applicant.name"] = "Hường" };
        var chosen = FormCommands.Apply(Form, values, command)!;
        chosen.Values.ShouldBe(values);
        chosen.Focus.ShouldBe(focus);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("submit")]
    [InlineData("add:applicant.name")]
    [InlineData("add:unknown")]
    [InlineData("remove:members:x")]
    [InlineData("province:applicant.name")]
    [InlineData("province:members[0].name")]
    public void Anything_else_is_not_a_command_of_the_form(string? command)
        => FormCommands.Apply(Form, new Dictionary<string, string>(), command).ShouldBeNull();

    [Fact]
    public void Prefill_fills_what_the_registry_knows_without_overwriting_what_was_typed()
    {
        var citizen = new CitizenFacts("Nguyễn Thị Hường", new DateOnly(1990, 3, 14), "001090000001", "12 Phố Quán Thánh, Phường Ba Đình, Hà Nội", "0912000001", "00004");
        var values = FormPrefill.Apply(Form, citizen, new Dictionary<string, string> { ["applicant.name"] = "Nguyễn Thị Hương" });
        values["applicant.name"].ShouldBe("Nguyễn Thị Hương", "typed text wins");
        values["applicant.dateOfBirth"].ShouldBe("1990-03-14");
        values["applicant.address.street"].ShouldBe("12 Phố Quán Thánh");
        values["applicant.address.ward"].ShouldBe("00004");
        values.Keys.ShouldNotContain(k => k.StartsWith("members", StringComparison.Ordinal));

        FormPrefill.Street("Thôn Đông, Xã Sóc Sơn, Hà Nội").ShouldBe("Thôn Đông");
        FormPrefill.Street("Số 5 ngõ 10").ShouldBe("Số 5 ngõ 10");
    }

    [Fact]
    public void Row_names_and_ids_are_shared_by_the_page_and_the_validator()
    {
        FormNames.Row("members", 2, "name").ShouldBe("members[2].name");
        FormNames.Id("preview.members[2].name").ShouldBe("f-preview-members-2-name");
        FormNames.Id("applicant.address.ward").ShouldBe("f-applicant-address-ward");
        FormNames.RowCount(new Dictionary<string, string> { ["members[4].name"] = "x", ["members.count"] = "2" }, "members", 0, 50).ShouldBe(5);
        FormNames.RowCount(new Dictionary<string, string> { ["members.count"] = "2" }, "members", 0, 50).ShouldBe(2);
        FormNames.RowCount(new Dictionary<string, string>(), "members", 1, 50).ShouldBe(1);
        FormNames.RowCount(new Dictionary<string, string> { ["members[99999999].name"] = "x" }, "members", 0, 50).ShouldBe(0, "absurd indexes are ignored");
    }
}
