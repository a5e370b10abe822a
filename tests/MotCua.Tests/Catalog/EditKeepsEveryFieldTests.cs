using System.Text.Json.Nodes;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Edit;
using MotCua.Catalog.Import;
using MotCua.Catalog.Procedures;
using MotCua.Platform.Errors;

namespace MotCua.Tests.Catalog;

/// <summary>
/// Editing a procedure never loses a field: over all 344 procedures of the real catalog, the edit form opened on
/// a version and posted back (as a browser posts it: textarea lines as CRLF) with one field changed gives
/// the same content in every other field, structure (cases, conditions, notes, legal list, agencies) included.
/// </summary>
public sealed class EditKeepsEveryFieldTests
{
    private static readonly Lazy<IReadOnlyList<ProcedureContent>> Catalog = new(() =>
    {
        using var stream = SeedFiles.Open("tthc_catalog_sample.json");
        return CatalogJsonReader.Read(stream, "tthc_catalog_sample.json").Procedures;
    });

    /// <summary>A field the editor changes, and the JSON properties that may change with it (derived from it).</summary>
    public static TheoryData<string> Edits => new() { "implementingAgency", "competentAgency", "name", "decisionNo", "stepsText", "notes", "none" };

    [Theory]
    [MemberData(nameof(Edits))]
    public void An_edit_that_changes_one_field_keeps_every_other_field(string edit)
    {
        var procedures = Catalog.Value;
        procedures.Count.ShouldBe(344);
        foreach (var before in procedures)
        {
            var form = AsPosted(ProcedureForm.From(before, 1));
            string[] changed = edit switch
            {
                "implementingAgency" => Change(() => form.ImplementingAgency = "Ủy ban nhân dân phường Ba Đình", "implementingAgency", "agencies"),
                "competentAgency" => Change(() => form.CompetentAgency = "Chủ tịch Ủy ban nhân dân phường", "competentAgency", "agencies"),
                "name" => Change(() => form.Name = before.Name + " (sửa)", "name"),
                "decisionNo" => Change(() => form.DecisionNo = "999/QĐ-UBND", "decisionNo"),
                "stepsText" => Change(() => form.StepsText = "- Bước 1: nộp hồ sơ.\r\n- Bước 2: nhận kết quả.", "stepsText", "steps", "agencies"),
                "notes" => Change(() => form.Notes = "Lưu ý mới", "notes"),
                _ => [],
            };
            var errors = new List<Error>();

            var after = form.ToContent(before.Code, before, errors);

            errors.ShouldBeEmpty(before.Code);
            Without(after, changed).ShouldBe(Without(before, changed), customMessage: $"{before.Code}: an edit of {edit} changed another field");
        }
    }

    [Fact]
    public void The_agencies_edit_of_the_issue_keeps_procedure_type_and_decision()
    {
        var before = Catalog.Value.Single(p => p.Code == "1.001193");
        var form = AsPosted(ProcedureForm.From(before, 1));
        form.CompetentAgency = "Ủy ban nhân dân phường";
        form.ImplementingAgency = "Ủy ban nhân dân phường";

        var after = form.ToContent(before.Code, before, []);

        after.ProcedureType.ShouldBe("TTHC được giao luật quy định chi tiết");
        after.DecisionNo.ShouldBe("163/QĐ-BTP");
        after.Agencies!.Deciding.ShouldBe(["Ủy ban nhân dân phường"]);
        after.DocumentGroups[0].Documents.Count(d => d.When is not null).ShouldBe(before.DocumentGroups[0].Documents.Count(d => d.When is not null));
    }

    [Fact]
    public void A_paper_added_in_the_documents_text_gets_its_condition_from_its_words()
    {
        var before = Catalog.Value.Single(p => p.Code == "1.001193");
        var form = AsPosted(ProcedureForm.From(before, 1));
        form.Documents += "\r\nGiấy xác nhận tình trạng hôn nhân trong trường hợp cha, mẹ chưa đăng ký kết hôn | 1 | 0";

        var after = form.ToContent(before.Code, before, []);

        var added = after.DocumentGroups[0].Documents[^1];
        added.When!.Kind.ShouldBe(ConditionKind.Other);
        after.DocumentGroups[0].Documents.Single(d => d.Name.StartsWith("Văn bản ủy quyền")).When!.Kind.ShouldBe(ConditionKind.FiledByRepresentative);
    }

    private static string[] Change(Action change, params string[] fields)
    {
        change();
        return fields;
    }

    /// <summary>The content as saved (channels in order), as JSON, without the changed properties.</summary>
    private static string Without(ProcedureContent content, string[] properties)
    {
        var json = JsonNode.Parse(ProcedureJson.Serialize(EditProcedure.Normalize(content)))!.AsObject();
        foreach (var p in properties)
        {
            json.Remove(p);
        }

        return json.ToJsonString();
    }

    /// <summary>What a browser posts back: a textarea's line ends as CRLF.</summary>
    private static ProcedureForm AsPosted(ProcedureForm form)
    {
        static string? Crlf(string? s) => s?.Replace("\n", "\r\n", StringComparison.Ordinal);
        form.Name = Crlf(form.Name);
        form.TargetSubjects = Crlf(form.TargetSubjects);
        form.ReceivingAddress = Crlf(form.ReceivingAddress);
        form.Documents = Crlf(form.Documents);
        form.Notes = Crlf(form.Notes);
        form.StepsText = Crlf(form.StepsText);
        form.ConditionsText = Crlf(form.ConditionsText);
        form.ResultsText = Crlf(form.ResultsText);
        form.LegalBasis = Crlf(form.LegalBasis);
        return form;
    }
}
