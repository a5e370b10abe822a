using System.Text.Json;
using MotCua.Calendar.Clock;
using MotCua.Dossiers.Processes;

namespace MotCua.Tests.Dossiers;

/// <summary>A process definition as a JSON or YAML file: round trips, and bad files answered with an error, never an exception.</summary>
public sealed class ProcessFormatTests
{
    [Fact]
    public void A_spec_goes_from_JSON_to_YAML_and_back_unchanged()
    {
        var original = ValidateProcessTests.Parallel() with { SupplementMode = SupplementMode.Restart, CutOff = new TimeOnly(16, 30), Delegated = true };
        var json = ProcessFormat.ToJson(original);

        var (fromJson, jsonError) = ProcessFormat.FromJson(json);
        jsonError.ShouldBeNull();
        var yaml = ProcessFormat.ToYaml(fromJson!, "Quy trình thử\nhai dòng");
        var (fromYaml, yamlError) = ProcessFormat.FromYaml(yaml);
        yamlError.ShouldBeNull();

        ProcessFormat.ToJson(fromYaml!).ShouldBe(json);
        Same(fromYaml!, original);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_default_processes_round_trip_through_YAML(bool delegated)
    {
        var spec = DefaultProcess.For(delegated);
        var (back, error) = ProcessFormat.FromYaml(ProcessFormat.ToYaml(spec));
        error.ShouldBeNull();
        Same(back!, spec);
    }

    [Fact]
    public void JSON_is_camel_case_with_enum_names_and_without_computed_members()
    {
        var json = ProcessFormat.ToJson(DefaultProcess.For());
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        root.TryGetProperty("first", out _).ShouldBeFalse();
        root.TryGetProperty("rules", out _).ShouldBeFalse();
        root.GetProperty("supplementMode").GetString().ShouldBe("Pause");
        var step = root.GetProperty("steps")[0];
        step.GetProperty("id").GetString().ShouldBe("tiep-nhan");
        step.GetProperty("performer").GetString().ShouldBe("ReceivingUnit");
        step.GetProperty("kind").GetString().ShouldBe("Work");
        step.GetProperty("budgetPercent").GetDecimal().ShouldBe(5);
        json.ShouldContain("Tiếp nhận hồ sơ", Case.Sensitive);

        // What the stored definitions hold reads back too.
        var (stored, error) = ProcessFormat.FromJson(new ProcessDefinition { Spec = DefaultProcess.For() }.SpecJson);
        error.ShouldBeNull();
        Same(stored!, DefaultProcess.For());
    }

    [Fact]
    public void YAML_is_readable_and_quotes_what_another_reader_would_misread()
    {
        var spec = ValidateProcessTests.Parallel() with { CutOff = new TimeOnly(16, 30) };
        spec = spec with { Steps = [spec.Steps[0] with { Name = "true" }, spec.Steps[1] with { Name = "Chuyển: hồ sơ # giấy" }, .. spec.Steps.Skip(2)] };
        var yaml = ProcessFormat.ToYaml(spec, "Thủ tục 1.004222");

        yaml.ShouldStartWith("# Thủ tục 1.004222\n");
        yaml.ShouldContain("supplementMode: Pause");
        yaml.ShouldContain("cutOff: \"16:30:00\"");
        yaml.ShouldContain("steps:\n  - id: tiep-nhan\n    name: \"true\"\n");
        yaml.ShouldContain("name: \"true\"");
        yaml.ShouldContain("next: [y-kien-cong-an, y-kien-so-xd]");
        yaml.ShouldContain("wardAgencyKind: CommunePolice");
        yaml.ShouldContain("name: Bước tham-dinh", Case.Sensitive);
        yaml.IndexOf("supplementMode", StringComparison.Ordinal).ShouldBeLessThan(yaml.IndexOf("steps:", StringComparison.Ordinal));

        var (back, error) = ProcessFormat.FromYaml(yaml);
        error.ShouldBeNull();
        back!.Steps[0].Name.ShouldBe("true");
        back.Steps[1].Name.ShouldBe("Chuyển: hồ sơ # giấy");
    }

    [Fact]
    public void Hand_written_YAML_is_read_with_numbers_lists_and_comments()
    {
        const string yaml = """
            # Quy trình liên thông
            delegated: false
            steps:
              - id: tiep-nhan
                name: Tiếp nhận hồ sơ
                performer: ReceivingUnit
                role: ReceptionOfficer
                budgetPercent: 12.5   # nửa ngày
                next:
                  - tra-ket-qua
              - {id: tra-ket-qua, name: 'Trả kết quả', kind: Return, performer: ReceivingUnit, role: ReceptionOfficer, budgetPercent: 87.5, next: []}
            """;

        var (spec, error) = ProcessFormat.FromYaml(yaml);
        error.ShouldBeNull();
        spec!.Steps.Count.ShouldBe(2);
        spec.Steps[0].BudgetPercent.ShouldBe(12.5m);
        spec.Steps[0].Kind.ShouldBe(StepKind.Work);
        spec.Steps[0].Next.ShouldBe(["tra-ket-qua"]);
        spec.Steps[1].Kind.ShouldBe(StepKind.Return);
        ValidateProcess.Run(spec).ShouldBeEmpty();
    }

    [Fact]
    public void Broken_YAML_gives_its_line_and_column()
    {
        const string yaml = "steps:\n  - id: tiep-nhan\n    name: [oops\n";
        var (spec, error) = ProcessFormat.FromYaml(yaml);
        spec.ShouldBeNull();
        error!.Status.ShouldBe(400);
        error.Message.ShouldStartWith("Không đọc được YAML ở dòng ");
        error.Message.ShouldContain("sai cú pháp");
    }

    [Fact]
    public void A_YAML_value_of_the_wrong_kind_names_the_field_and_its_line()
    {
        const string yaml = "steps:\n  - id: tiep-nhan\n    performer: Ward\n";
        var (_, error) = ProcessFormat.FromYaml(yaml);
        error!.Field.ShouldBe("steps[0].performer");
        error.Message.ShouldBe("Không đọc được YAML ở dòng 3, cột 16: giá trị của \"steps[0].performer\" không đúng kiểu. Giá trị hợp lệ: Center, ReceivingUnit, Agency, WardAgency, Unit.");
    }

    [Fact]
    public void Duplicate_keys_aliases_and_several_documents_are_refused()
    {
        ProcessFormat.FromYaml("steps: []\nsteps: []\n").Error!.Message.ShouldBe("Không đọc được YAML ở dòng 2, cột 1: khóa \"steps\" bị lặp lại.");
        ProcessFormat.FromYaml("a: &x [1]\nsteps: *x\n").Error!.Message.ShouldContain("neo và bí danh");
        ProcessFormat.FromYaml("steps: []\n---\nsteps: []\n").Error!.Message.ShouldContain("một tài liệu");
        ProcessFormat.FromYaml("- a\n- b\n").Error!.Message.ShouldContain("không phải một danh sách");
    }

    [Fact]
    public void Broken_JSON_gives_its_line_and_column()
    {
        var (spec, error) = ProcessFormat.FromJson("{\n  \"steps\": [\n    { \"id\": \"tiếp\", }\n");
        spec.ShouldBeNull();
        error!.Message.ShouldStartWith("Không đọc được JSON ở dòng 3, cột 21: sai cú pháp.");
        error.Field.ShouldBe("spec");

        var (_, typed) = ProcessFormat.FromJson("{\"steps\":[{\"id\":\"a\",\"budgetPercent\":\"mười\"}]}");
        typed!.Field.ShouldBe("steps[0].budgetPercent");
        typed.Message.ShouldContain("Phải là một số");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    public void Empty_input_is_an_error(string text)
    {
        ProcessFormat.FromJson(text).Error.ShouldNotBeNull();
        ProcessFormat.FromYaml(text).Error.ShouldNotBeNull();
    }

    [Fact]
    public void Missing_lists_and_padded_values_are_normalized()
    {
        var (spec, error) = ProcessFormat.FromJson("""{"steps":[{"id":" a ","name":" Bước ","role":"ReceptionOfficer","next":null}, null]}""");
        error.ShouldBeNull();
        spec!.Steps[0].Id.ShouldBe("a");
        spec.Steps[0].Name.ShouldBe("Bước");
        spec.Steps[0].Next.ShouldBeEmpty();
        spec.Steps[1].Id.ShouldBe("");
    }

    private static void Same(ProcessSpec actual, ProcessSpec expected)
    {
        actual.SupplementMode.ShouldBe(expected.SupplementMode);
        actual.CutOff.ShouldBe(expected.CutOff);
        actual.Delegated.ShouldBe(expected.Delegated);
        actual.Steps.Count.ShouldBe(expected.Steps.Count);
        for (var i = 0; i < expected.Steps.Count; i++)
        {
            (actual.Steps[i] with { Next = [] }).ShouldBe(expected.Steps[i] with { Next = [] });
            actual.Steps[i].Next.ShouldBe(expected.Steps[i].Next);
        }
    }
}
