using System.Globalization;
using MotCua.Catalog.Contracts;
using MotCua.Forms.Contracts;
using MotCua.Platform.Text;

namespace MotCua.Forms;

/// <summary>
/// The form of a procedure version nobody has written one for, so that every procedure can be filed online:
/// the applicant block (prefilled from the citizen's identity and the population registry) and one upload per
/// document of the procedure's first case.
/// </summary>
internal static class DefaultForm
{
    public const int MaxLabelChars = 160;

    public static FormDefinition For(ProcedureContent content, int? caseIndex = null)
    {
        var sections = new List<FormSection>
        {
            new()
            {
                Title = "Thông tin người nộp hồ sơ",
                Help = "Thông tin được điền sẵn từ tài khoản định danh điện tử và Cơ sở dữ liệu quốc gia về dân cư; vui lòng kiểm tra lại.",
                Fields =
                [
                    new() { Key = "applicant.name", Type = FieldTypes.Text, Label = "Họ và tên", Required = true, MaxLength = 100, Prefill = PrefillSources.Name },
                    new() { Key = "applicant.dateOfBirth", Type = FieldTypes.Date, Label = "Ngày sinh", Required = true, MaxDate = "today", Prefill = PrefillSources.DateOfBirth },
                    new()
                    {
                        Key = "applicant.idNumber", Type = FieldTypes.IdNumber, Label = "Số định danh cá nhân", Required = true, Prefill = PrefillSources.IdNumber,
                        Help = "12 chữ số, in trên thẻ căn cước hoặc căn cước công dân.",
                    },
                    new() { Key = "applicant.phone", Type = FieldTypes.Phone, Label = "Số điện thoại", Required = true, Prefill = PrefillSources.Phone, Help = "Để nhận tin nhắn về hồ sơ." },
                    new() { Key = "applicant.email", Type = FieldTypes.Email, Label = "Thư điện tử", Help = "Không bắt buộc." },
                    new() { Key = "applicant.address", Type = FieldTypes.Address, Label = "Nơi thường trú", Required = true, Prefill = PrefillSources.Address },
                ],
            },
        };

        var (chosenCase, documents) = Documents(content, caseIndex);
        if (documents.Count > 0)
        {
            sections.Add(new FormSection
            {
                Title = "Giấy tờ kèm theo",
                Help = "Tải lên bản chụp hoặc bản quét rõ nét của từng giấy tờ (PDF, JPG hoặc PNG, tối đa 10 MB mỗi tệp).",
                Fields = [.. documents.Select((d, i) => File(d, i))],
            });
        }

        return new FormDefinition { Title = content.Name, CaseIndex = documents.Count > 0 ? chosenCase : null, Sections = sections };
    }

    /// <summary>
    /// The documents to upload: those of the first document group that lists at least one document with a number
    /// of originals or copies. A line with neither is a note of the catalog ("* Lưu ý: …", "Trường hợp … thì không
    /// phải nộp"), not a document; a group of notes only (some procedures open with "Lưu ý") is not a case.
    /// </summary>
    public static (int CaseIndex, IReadOnlyList<RequiredDocument> Documents) Documents(ProcedureContent content, int? caseIndex = null)
    {
        if (caseIndex is { } chosen && chosen >= 0 && chosen < content.DocumentGroups.Count
            && Uploads(content.DocumentGroups[chosen].Documents) is { Count: > 0 } inCase)
        {
            return (chosen, inCase);
        }

        for (var i = 0; i < content.DocumentGroups.Count; i++)
        {
            var counted = Uploads(content.DocumentGroups[i].Documents);
            if (counted.Count > 0)
            {
                return (i, counted);
            }
        }

        return (0, []);
    }

    /// <summary>
    /// A paper the applicant hands over (a number of originals or copies). A paper only shown at the counter and handed
    /// back ("Giấy tờ phải xuất trình") whose data the population registry holds (identity card, residence) is proven
    /// online by the e-ID sign-in and the registry, so it is not asked for as an upload.
    /// </summary>
    /// <remarks>
    /// Online, the catalog's channel conditions decide too: a paper asked for only on paper (the paper declaration
    /// "nếu … nộp hồ sơ theo hình thức trực tiếp") is not asked for, and where the catalog names the interactive
    /// e-form ("Mẫu hộ tịch điện tử tương tác") that e-form is this form: neither it nor the paper declaration is an upload.
    /// </remarks>
    private static List<RequiredDocument> Uploads(IReadOnlyList<RequiredDocument> documents)
    {
        var interactive = documents.Any(IsInteractiveForm);
        return
        [
            .. documents.Where(d => d.Originals + d.Copies > 0
                && !(d.Present && IsHeldByRegistry(d.Name))
                && d.When?.Kind != ConditionKind.FiledOnPaper
                && !IsInteractiveForm(d)
                && !(interactive && VietnameseText.Fold(Clean(d.Name)).StartsWith("to khai", StringComparison.Ordinal))),
        ];
    }

    private static bool IsInteractiveForm(RequiredDocument d)
        => d.When?.Kind == ConditionKind.FiledOnline && VietnameseText.Fold(d.Name).Contains("dien tu tuong tac", StringComparison.Ordinal);

    /// <summary>
    /// Heuristic: a document whose name opens with a condition ("Trường hợp …", "Nếu …", "Đối với …") or says
    /// "trong trường hợp" / "(nếu" is asked for only in that case, so its upload is optional; any other is required.
    /// </summary>
    public static bool IsConditional(string name)
    {
        var folded = VietnameseText.Fold(Clean(name));
        return folded.StartsWith("truong hop", StringComparison.Ordinal) || folded.StartsWith("neu ", StringComparison.Ordinal)
            || folded.StartsWith("doi voi", StringComparison.Ordinal) || folded.Contains("trong truong hop", StringComparison.Ordinal)
            || folded.Contains("(neu ", StringComparison.Ordinal);
    }

    /// <summary>
    /// Heuristic: the population registry (CSDL quốc gia về dân cư) holds the data of identity cards (CCCD, căn
    /// cước, CMND) and residence confirmations (giấy xác nhận thông tin cư trú, the former sổ hộ khẩu), so a document
    /// whose name mentions one of them need not be uploaded by a citizen the registry knows. A declaration ("Tờ khai
    /// …", "Đơn …") that merely mentions them is the applicant's own paper and is never waived.
    /// </summary>
    public static bool IsHeldByRegistry(string name)
    {
        var folded = VietnameseText.Fold(Clean(name));
        if (folded.StartsWith("to khai", StringComparison.Ordinal) || folded.StartsWith("don ", StringComparison.Ordinal))
        {
            return false;
        }

        string[] held =
        [
            "cccd", "can cuoc", "chung minh nhan dan", "cmnd", "so ho khau",
            "xac nhan thong tin cu tru", "xac nhan thong tin ve cu tru", "chung minh thong tin ve cu tru", "chung minh thong tin cu tru",
        ];
        return held.Any(h => folded.Contains(h, StringComparison.Ordinal));
    }

    private static FormField File(RequiredDocument document, int index)
    {
        var name = Clean(document.Name);
        var label = Label(name);
        return new FormField
        {
            Key = "docs.d" + (index + 1).ToString(CultureInfo.InvariantCulture),
            Type = FieldTypes.File,
            Label = label,
            Help = label.Length == name.Length ? null : name.Length > ValidateFormDefinition.MaxHelpLength ? name[..(ValidateFormDefinition.MaxHelpLength - 1)] + "…" : name,
            Required = document.When is null && !IsConditional(name),
            Document = document.Name.Length > 2000 ? document.Name[..2000] : document.Name,
            WaivedByRegistry = IsHeldByRegistry(name),
        };
    }

    /// <summary>The catalog's name without its list mark ("- ", "+ ", "* ").</summary>
    private static string Clean(string name) => name.Trim().TrimStart('-', '+', '*', '•', ' ').Trim();

    /// <summary>A label short enough to read: up to the first ";" when that is long enough to say what it is, else cut at a word.</summary>
    private static string Label(string name)
    {
        if (name.Length <= MaxLabelChars)
        {
            return name;
        }

        var semicolon = name.IndexOf(';', StringComparison.Ordinal);
        if (semicolon is >= 10 and <= MaxLabelChars)
        {
            return name[..semicolon].Trim();
        }

        var cut = name.LastIndexOf(' ', MaxLabelChars - 1);
        return name[..(cut > 40 ? cut : MaxLabelChars - 1)].TrimEnd(',', ';', ' ') + "…";
    }
}
