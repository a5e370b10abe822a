using MotCua.Catalog.Contracts;
using MotCua.Dossiers.Reception;
using MotCua.Forms.Contracts;
using MotCua.Platform.Errors;

namespace MotCua.Dossiers.Apply;

/// <summary>
/// "Tôi nộp giấy tờ này" / "Không áp dụng với tôi" on the portal, for each upload of a conditional paper whose condition
/// the citizen decides (an abandoned child, an authorisation, surrogacy …; not the channel's, which the system decides).
/// The page keeps the answers in the draft's values: <c>_paper.{key}</c> = "na" or "submit", <c>_paperReason.{key}</c> =
/// "condition" (the condition's own words, <see cref="NotApplicableReasons.Citizen"/>) or "other", and
/// <c>_paperText.{key}</c> = the reason typed. Not answered yet: a paper with a file is filed, one without is not applicable.
/// </summary>
internal static class PaperChoices
{
    public const string Prefix = "_paper.";
    public const string NotApplicable = "na";
    public const string Submit = "submit";
    public const string ConditionReason = "condition";
    public const string OwnReason = "other";

    public static string Choice(string key) => Prefix + key;

    public static string ReasonChoice(string key) => "_paperReason." + key;

    public static string ReasonText(string key) => "_paperText." + key;

    /// <summary>The paper of the procedure's case each upload field stands for, matched by name as the checklist is.</summary>
    public static IReadOnlyDictionary<string, RequiredDocument> Papers(CurrentForm form)
    {
        var caseDocuments = form.Procedure.Content.DocumentGroups.ElementAtOrDefault(form.Definition.CaseIndex ?? 0)?.Documents ?? [];
        var papers = new Dictionary<string, RequiredDocument>(StringComparer.Ordinal);
        foreach (var field in form.Definition.Fields.Where(f => f.Type == FieldTypes.File && f.Document is not null))
        {
            if (caseDocuments.FirstOrDefault(d => string.Equals(field.Document, DocumentKey(d.Name), StringComparison.Ordinal)) is { } paper)
            {
                papers.TryAdd(field.Key, paper);
            }
        }

        return papers;
    }

    /// <summary>The upload fields that get the choice, with their paper: conditional, and the condition is not the channel's.</summary>
    public static IReadOnlyDictionary<string, RequiredDocument> Offered(CurrentForm form)
        => Papers(form).Where(p => IsOffered(p.Value)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static bool IsOffered(RequiredDocument paper) => paper.When is { } when && ProcedureLabels.AppliesOn(when.Kind, Channel.Online) is null;

    /// <summary>The name an upload field keeps of its paper (<see cref="FormField.Document"/>, cut at 2,000 characters).</summary>
    public static string DocumentKey(string name) => name.Length > 2000 ? name[..2000] : name;

    /// <summary>Whether the page shows "not applicable" chosen: as answered, else when there is no file for it.</summary>
    public static bool ShowsNotApplicable(IReadOnlyDictionary<string, string> values, string key, bool hasFile)
        => values.GetValueOrDefault(Choice(key)) switch
        {
            NotApplicable => true,
            Submit => false,
            _ => !hasFile,
        };

    /// <summary>
    /// A fresh upload means the citizen files that paper: the answer follows the file (a radio left at its first
    /// "not applicable" would otherwise throw the upload away).
    /// </summary>
    public static void FileChosen(Dictionary<string, string> values, string key) => values[Choice(key)] = Submit;

    /// <summary>
    /// The page's answer for every conditional paper it offers the choice for, for <see cref="SubmitApplication"/>: by
    /// upload field, null = "Tôi nộp giấy tờ này", a reason = not applicable (<see cref="ShowsNotApplicable"/> when not
    /// answered). A reason chosen "other" must be typed; a typed reason is used as typed and must be short. The errors
    /// point at the page's inputs (<c>{field id}-na-text</c>).
    /// </summary>
    public static (Dictionary<string, string?> Answers, List<Error> Errors) Read<TFile>(CurrentForm form, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, TFile> files)
    {
        var answers = new Dictionary<string, string?>(StringComparer.Ordinal);
        var errors = new List<Error>();
        var labels = form.Definition.Fields.Where(f => f.Type == FieldTypes.File).ToDictionary(f => f.Key, f => f.Label, StringComparer.Ordinal);
        foreach (var (key, paper) in Offered(form))
        {
            switch (ShowsNotApplicable(values, key, files.ContainsKey(key)))
            {
                case false:
                    answers[key] = null;
                    break;
                case true:
                    var typed = NotApplicableReasons.Clean(values.GetValueOrDefault(ReasonText(key)));
                    var label = labels.GetValueOrDefault(key) ?? paper.Name;
                    if (typed is { Length: > DossierDocument.ReasonLength })
                    {
                        errors.Add(Error.Invalid(TextId(key), NotApplicableReasons.TooLong(label)));
                    }
                    else if (typed is null && values.GetValueOrDefault(ReasonChoice(key)) == OwnReason)
                    {
                        errors.Add(Error.Invalid(TextId(key), $"Vui lòng ghi lý do không áp dụng giấy tờ \"{label}\", hoặc chọn lý do có sẵn."));
                    }

                    answers[key] = typed ?? NotApplicableReasons.Citizen(paper.When!.Kind);
                    break;
            }
        }

        return (answers, errors);
    }

    /// <summary>
    /// Answers the page never offers: a "not applicable" for an upload that is not a conditional paper (a required paper,
    /// an unknown key). Refused (400) before anything is kept.
    /// </summary>
    public static List<Error> Unoffered(CurrentForm form, IReadOnlyDictionary<string, string> values)
    {
        var offered = Offered(form);
        var labels = form.Definition.Fields.Where(f => f.Type == FieldTypes.File).ToDictionary(f => f.Key, f => f.Label, StringComparer.Ordinal);
        var errors = new List<Error>();
        foreach (var (name, value) in values)
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || value != NotApplicable)
            {
                continue;
            }

            var key = name[Prefix.Length..];
            if (!offered.ContainsKey(key))
            {
                errors.Add(Error.Invalid("main", labels.TryGetValue(key, out var label)
                    ? NotApplicableReasons.Required(label)
                    : "Biểu mẫu không có giấy tờ này để đánh dấu không áp dụng."));
            }
        }

        return errors;
    }

    /// <summary>The id of the page's input for a typed reason.</summary>
    public static string TextId(string key) => FormNames.Id(key) + "-na-text";

    public static string ChoiceId(string key, string choice) => FormNames.Id(key) + "-paper-" + choice;

    public static string ReasonId(string key) => FormNames.Id(key) + "-na-reason";
}
