using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Forms.Contracts;
using MotCua.Platform.Errors;
using MotCua.Platform.Storage;

namespace MotCua.Forms;

/// <summary>
/// The rules of a form definition, checked without I/O before a draft is stored: unique keys, known types,
/// options for selects, conditions on fields that exist, valid patterns, sane limits. Each message names the
/// field in Vietnamese; the error's field is the JSON path ("sections[0].fields[2].options").
/// </summary>
internal static partial class ValidateFormDefinition
{
    public const int MaxSections = 30;
    public const int MaxFields = 200;
    public const int MaxGroupFields = 30;
    public const int MaxOptions = 300;
    public const int MaxItemsLimit = 50;
    public const int MaxKeyLength = 60;
    public const int MaxLabelLength = 300;

    /// <summary>A form is titled after its procedure, whose names run up to about 1,100 characters.</summary>
    public const int MaxTitleLength = 2000;
    public const int MaxHelpLength = 2000;
    public const int MaxPatternLength = 500;

    /// <summary>No value may be longer, whatever the definition says.</summary>
    public const int MaxValueChars = 4000;

    public const int DefaultMaxItems = 20;
    public const int MaxFileMb = (int)(FileKinds.DefaultMaxBytes / 1024 / 1024);

    public static IReadOnlyList<Error> Run(FormDefinition definition)
    {
        var errors = new List<Error>();
        if (definition.Title.Length == 0)
        {
            errors.Add(Error.Invalid("title", "Vui lòng nhập tên mẫu đơn (title)."));
        }
        else if (definition.Title.Length > MaxTitleLength)
        {
            errors.Add(Error.Invalid("title", $"Tên mẫu đơn dài quá {MaxTitleLength} ký tự."));
        }

        CheckHelp(definition.Help, "help", "Mẫu đơn", errors);
        if (definition.CaseIndex is < 0)
        {
            errors.Add(Error.Invalid("caseIndex", "Số thứ tự trường hợp (caseIndex) không được âm."));
        }

        if (definition.Sections.Count == 0)
        {
            errors.Add(Error.Invalid("sections", "Mẫu đơn phải có ít nhất một mục (sections) có trường nhập liệu."));
            return errors;
        }

        if (definition.Sections.Count > MaxSections)
        {
            errors.Add(Error.Invalid("sections", $"Mẫu đơn có {definition.Sections.Count} mục, vượt quá giới hạn {MaxSections} mục."));
            return errors;
        }

        var total = definition.Fields.Sum(f => 1 + (f.Fields?.Count ?? 0));
        if (total == 0)
        {
            errors.Add(Error.Invalid("sections", "Mẫu đơn chưa có trường nhập liệu nào."));
        }
        else if (total > MaxFields)
        {
            errors.Add(Error.Invalid("sections", $"Mẫu đơn có {total} trường, vượt quá giới hạn {MaxFields} trường."));
            return errors;
        }

        var top = new Dictionary<string, FormField>(StringComparer.Ordinal);
        for (var s = 0; s < definition.Sections.Count; s++)
        {
            var section = definition.Sections[s];
            var path = $"sections[{s}]";
            if (section.Title.Length == 0)
            {
                errors.Add(Error.Invalid($"{path}.title", $"Mục thứ {s + 1} chưa có tiêu đề (title)."));
            }
            else if (section.Title.Length > MaxLabelLength)
            {
                errors.Add(Error.Invalid($"{path}.title", $"Tiêu đề mục thứ {s + 1} dài quá {MaxLabelLength} ký tự."));
            }

            CheckHelp(section.Help, $"{path}.help", $"Mục thứ {s + 1}", errors);
            if (section.Fields.Count == 0)
            {
                errors.Add(Error.Invalid($"{path}.fields", $"Mục thứ {s + 1} (\"{section.Title}\") chưa có trường nào."));
            }

            for (var f = 0; f < section.Fields.Count; f++)
            {
                var field = section.Fields[f];
                var fieldPath = $"{path}.fields[{f}]";
                CheckField(field, fieldPath, inGroup: false, errors);
                if (field.Key.Length > 0 && KeyPattern().IsMatch(field.Key) && !top.TryAdd(field.Key, field))
                {
                    errors.Add(Error.Invalid($"{fieldPath}.key", $"Mã trường \"{field.Key}\" bị trùng; mỗi trường cần một mã (key) riêng."));
                }
            }
        }

        // A key may not start another key ("applicant.address" and "applicant.address.ward" would post the same name).
        foreach (var key in top.Keys)
        {
            if (top.Keys.FirstOrDefault(other => other.StartsWith(key + ".", StringComparison.Ordinal)) is { } longer)
            {
                errors.Add(Error.Invalid(PathOf(definition, longer) + ".key", $"Mã trường \"{longer}\" bắt đầu bằng mã của trường \"{key}\"; đặt mã khác để hai trường không trùng tên khi gửi."));
            }
        }

        CheckConditions(definition, top, errors);
        return errors;
    }

    /// <summary>"today" or an ISO date.</summary>
    public static bool TryDate(string? text, DateOnly today, out DateOnly date)
    {
        if (string.Equals(text, "today", StringComparison.OrdinalIgnoreCase))
        {
            date = today;
            return true;
        }

        if (YearsBefore(text) is { } years)
        {
            date = today.AddYears(-years);
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>"today-18y" → 18: a date that many years before today (an age limit: "at least 18 years old").</summary>
    public static int? YearsBefore(string? text)
        => text is not null && RelativeDatePattern().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    private static void CheckField(FormField field, string path, bool inGroup, List<Error> errors)
    {
        var name = Name(field, path);
        if (field.Key.Length == 0)
        {
            errors.Add(Error.Invalid($"{path}.key", $"{name} chưa có mã (key)."));
        }
        else if (field.Key.Length > MaxKeyLength || !KeyPattern().IsMatch(field.Key))
        {
            errors.Add(Error.Invalid($"{path}.key", $"{name}: mã phải gồm chữ cái không dấu và chữ số, bắt đầu bằng chữ thường, các phần nối bằng dấu chấm (ví dụ \"applicant.name\"), tối đa {MaxKeyLength} ký tự."));
        }

        if (!FieldTypes.All.Contains(field.Type, StringComparer.Ordinal))
        {
            errors.Add(Error.Invalid($"{path}.type", $"{name}: loại trường \"{field.Type}\" không được hỗ trợ; dùng một trong: {string.Join(", ", FieldTypes.All)}."));
            return;
        }

        if (inGroup && field.Type is FieldTypes.Group or FieldTypes.File)
        {
            errors.Add(Error.Invalid($"{path}.type", $"{name}: nhóm lặp lại không được chứa {(field.Type == FieldTypes.Group ? "nhóm khác" : "trường tải tệp")}."));
        }

        if (field.Label.Length == 0)
        {
            errors.Add(Error.Invalid($"{path}.label", $"{name} chưa có nhãn (label) tiếng Việt."));
        }
        else if (field.Label.Length > MaxLabelLength)
        {
            errors.Add(Error.Invalid($"{path}.label", $"{name}: nhãn dài quá {MaxLabelLength} ký tự."));
        }

        CheckHelp(field.Help, $"{path}.help", name, errors);
        CheckApplicable(field, path, name, errors);
        CheckLength(field, path, name, errors);

        switch (field.Type)
        {
            case FieldTypes.Number:
                if (field.Decimals is < 0 or > 6)
                {
                    errors.Add(Error.Invalid($"{path}.decimals", $"{name}: số chữ số thập phân (decimals) phải từ 0 đến 6."));
                }

                if (field.Min is { } min && field.Max is { } max && min > max)
                {
                    errors.Add(Error.Invalid($"{path}.min", $"{name}: giá trị nhỏ nhất (min) lớn hơn giá trị lớn nhất (max)."));
                }

                break;
            case FieldTypes.Date:
                CheckDates(field, path, name, errors);
                break;
            case FieldTypes.Select:
                CheckOptions(field, path, name, errors);
                break;
            case FieldTypes.Textarea when field.Rows is < 2 or > 30:
                errors.Add(Error.Invalid($"{path}.rows", $"{name}: số dòng hiển thị (rows) phải từ 2 đến 30."));
                break;
            case FieldTypes.Group:
                CheckGroup(field, path, name, errors);
                break;
            case FieldTypes.File:
                CheckFile(field, path, name, errors);
                break;
        }

        if (field.Pattern is { } pattern)
        {
            CheckPattern(field, pattern, path, name, errors);
        }
        else if (field.PatternMessage is not null)
        {
            errors.Add(Error.Invalid($"{path}.patternMessage", $"{name}: có thông báo (patternMessage) nhưng chưa có mẫu kiểm tra (pattern)."));
        }

        if (field.Prefill is { } source)
        {
            if (!PrefillSources.All.Contains(source, StringComparer.Ordinal))
            {
                errors.Add(Error.Invalid($"{path}.prefill", $"{name}: nguồn điền sẵn \"{source}\" không có; dùng một trong: {string.Join(", ", PrefillSources.All)}."));
            }
            else if (inGroup)
            {
                errors.Add(Error.Invalid($"{path}.prefill", $"{name}: trường trong nhóm lặp lại không điền sẵn được từ thông tin người nộp."));
            }
            else if (!PrefillSources.Fits(source, field.Type))
            {
                errors.Add(Error.Invalid($"{path}.prefill", $"{name}: nguồn điền sẵn \"{source}\" không dùng được cho loại trường \"{field.Type}\"."));
            }
        }

        if (field.Autocomplete is { } token && !AutocompletePattern().IsMatch(token))
        {
            errors.Add(Error.Invalid($"{path}.autocomplete", $"{name}: giá trị autocomplete \"{token}\" không hợp lệ (chữ thường, dấu gạch ngang, ví dụ \"given-name\")."));
        }

        if (field.RequiredWhen is not null && field.Required)
        {
            errors.Add(Error.Invalid($"{path}.requiredWhen", $"{name}: đã bắt buộc (required) thì không cần điều kiện bắt buộc (requiredWhen)."));
        }
    }

    /// <summary>Properties that mean nothing for the field's type are refused: they are a sign of a mistake.</summary>
    private static void CheckApplicable(FormField field, string path, string name, List<Error> errors)
    {
        var type = field.Type;
        void NotFor(bool present, string property)
        {
            if (present)
            {
                errors.Add(Error.Invalid($"{path}.{property}", $"{name}: thuộc tính \"{property}\" không dùng cho loại trường \"{type}\"."));
            }
        }

        NotFor(field.Options is not null && type != FieldTypes.Select, "options");
        NotFor(field.Fields is not null && type != FieldTypes.Group, "fields");
        NotFor(field.MinItems is not null && type != FieldTypes.Group, "minItems");
        NotFor(field.MaxItems is not null && type != FieldTypes.Group, "maxItems");
        NotFor(field.ItemLabel is not null && type != FieldTypes.Group, "itemLabel");
        NotFor(field.AddLabel is not null && type != FieldTypes.Group, "addLabel");
        NotFor(field.Accept is not null && type != FieldTypes.File, "accept");
        NotFor(field.MaxSizeMb is not null && type != FieldTypes.File, "maxSizeMb");
        NotFor(field.Document is not null && type != FieldTypes.File, "document");
        NotFor(field.WaivedByRegistry && type != FieldTypes.File, "waivedByRegistry");
        NotFor(field.Min is not null && type != FieldTypes.Number, "min");
        NotFor(field.Max is not null && type != FieldTypes.Number, "max");
        NotFor(field.Decimals is not null && type != FieldTypes.Number, "decimals");
        NotFor(field.MinDate is not null && type != FieldTypes.Date, "minDate");
        NotFor(field.MaxDate is not null && type != FieldTypes.Date, "maxDate");
        NotFor(field.Rows is not null && type != FieldTypes.Textarea, "rows");
        NotFor(field.Pattern is not null && type is not (FieldTypes.Text or FieldTypes.Textarea), "pattern");
        var lengthApplies = type is FieldTypes.Text or FieldTypes.Textarea or FieldTypes.Email;
        NotFor(field.MinLength is not null && !lengthApplies, "minLength");
        NotFor(field.MaxLength is not null && !lengthApplies, "maxLength");
    }

    private static void CheckLength(FormField field, string path, string name, List<Error> errors)
    {
        if (field.MinLength is < 0 || field.MaxLength is < 1)
        {
            errors.Add(Error.Invalid($"{path}.maxLength", $"{name}: độ dài tối thiểu không được âm và độ dài tối đa phải từ 1 ký tự."));
        }
        else if (field.MaxLength > MaxValueChars)
        {
            errors.Add(Error.Invalid($"{path}.maxLength", $"{name}: độ dài tối đa (maxLength) không được vượt quá {MaxValueChars} ký tự."));
        }
        else if (field.MinLength is { } min && field.MaxLength is { } max && min > max)
        {
            errors.Add(Error.Invalid($"{path}.minLength", $"{name}: độ dài tối thiểu (minLength) lớn hơn độ dài tối đa (maxLength)."));
        }
    }

    private static void CheckDates(FormField field, string path, string name, List<Error> errors)
    {
        var today = new DateOnly(2000, 1, 1);
        var minOk = field.MinDate is null || TryDate(field.MinDate, today, out _);
        var maxOk = field.MaxDate is null || TryDate(field.MaxDate, today, out _);
        if (!minOk)
        {
            errors.Add(Error.Invalid($"{path}.minDate", $"{name}: ngày sớm nhất (minDate) phải viết dạng yyyy-MM-dd, \"today\" hoặc \"today-18y\" (18 năm trước hôm nay)."));
        }

        if (!maxOk)
        {
            errors.Add(Error.Invalid($"{path}.maxDate", $"{name}: ngày muộn nhất (maxDate) phải viết dạng yyyy-MM-dd, \"today\" hoặc \"today-18y\" (18 năm trước hôm nay)."));
        }

        if (minOk && maxOk && field.MinDate is not null && field.MaxDate is not null
            && !string.Equals(field.MinDate, "today", StringComparison.OrdinalIgnoreCase) && !string.Equals(field.MaxDate, "today", StringComparison.OrdinalIgnoreCase)
            && TryDate(field.MinDate, today, out var min) && TryDate(field.MaxDate, today, out var max) && min > max)
        {
            errors.Add(Error.Invalid($"{path}.minDate", $"{name}: ngày sớm nhất (minDate) sau ngày muộn nhất (maxDate)."));
        }
    }

    private static void CheckOptions(FormField field, string path, string name, List<Error> errors)
    {
        var options = field.Options ?? [];
        if (options.Count == 0)
        {
            errors.Add(Error.Invalid($"{path}.options", $"{name}: trường chọn (select) cần danh sách lựa chọn (options), mỗi lựa chọn có value và label."));
            return;
        }

        if (options.Count > MaxOptions)
        {
            errors.Add(Error.Invalid($"{path}.options", $"{name}: có {options.Count} lựa chọn, vượt quá giới hạn {MaxOptions}."));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            if (option.Value.Length == 0 || option.Value.Length > 100)
            {
                errors.Add(Error.Invalid($"{path}.options[{i}].value", $"{name}: lựa chọn thứ {i + 1} cần giá trị (value) từ 1 đến 100 ký tự."));
            }
            else if (!seen.Add(option.Value))
            {
                errors.Add(Error.Invalid($"{path}.options[{i}].value", $"{name}: giá trị lựa chọn \"{option.Value}\" bị trùng."));
            }

            if (option.Label.Length == 0 || option.Label.Length > MaxLabelLength)
            {
                errors.Add(Error.Invalid($"{path}.options[{i}].label", $"{name}: lựa chọn thứ {i + 1} cần nhãn (label) từ 1 đến {MaxLabelLength} ký tự."));
            }
        }
    }

    private static void CheckGroup(FormField field, string path, string name, List<Error> errors)
    {
        var fields = field.Fields ?? [];
        if (fields.Count == 0)
        {
            errors.Add(Error.Invalid($"{path}.fields", $"{name}: nhóm lặp lại cần các trường của một dòng (fields)."));
        }
        else if (fields.Count > MaxGroupFields)
        {
            errors.Add(Error.Invalid($"{path}.fields", $"{name}: nhóm có {fields.Count} trường, vượt quá giới hạn {MaxGroupFields}."));
        }

        var min = field.MinItems ?? 0;
        var max = field.MaxItems ?? DefaultMaxItems;
        if (min < 0 || max < 1 || max > MaxItemsLimit)
        {
            errors.Add(Error.Invalid($"{path}.maxItems", $"{name}: số dòng tối thiểu (minItems) không được âm, số dòng tối đa (maxItems) phải từ 1 đến {MaxItemsLimit}."));
        }
        else if (min > max)
        {
            errors.Add(Error.Invalid($"{path}.minItems", $"{name}: số dòng tối thiểu (minItems) lớn hơn số dòng tối đa (maxItems)."));
        }

        if (field.ItemLabel is { Length: > 100 } || field.AddLabel is { Length: > 100 })
        {
            errors.Add(Error.Invalid($"{path}.itemLabel", $"{name}: tên một dòng (itemLabel) và nhãn nút thêm (addLabel) tối đa 100 ký tự."));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count && fields.Count <= MaxGroupFields; i++)
        {
            var sub = fields[i];
            CheckField(sub, $"{path}.fields[{i}]", inGroup: true, errors);
            if (sub.Key.Length > 0 && !keys.Add(sub.Key))
            {
                errors.Add(Error.Invalid($"{path}.fields[{i}].key", $"{name}: mã trường \"{sub.Key}\" bị trùng trong nhóm."));
            }
        }

        foreach (var key in keys)
        {
            if (keys.FirstOrDefault(other => other.StartsWith(key + ".", StringComparison.Ordinal)) is { } longer)
            {
                errors.Add(Error.Invalid($"{path}.fields", $"{name}: mã \"{longer}\" bắt đầu bằng mã \"{key}\" của trường khác trong nhóm."));
            }
        }
    }

    private static void CheckFile(FormField field, string path, string name, List<Error> errors)
    {
        if (field.Accept is { } accept)
        {
            if (accept.Count == 0)
            {
                errors.Add(Error.Invalid($"{path}.accept", $"{name}: danh sách loại tệp nhận (accept) trống; bỏ thuộc tính này để nhận PDF, JPG, PNG."));
            }

            foreach (var type in accept.Where(t => !FileKinds.Accepted.Contains(t, StringComparer.Ordinal)))
            {
                errors.Add(Error.Invalid($"{path}.accept", $"{name}: loại tệp \"{type}\" không được nhận; chỉ dùng {string.Join(", ", FileKinds.Accepted)}."));
            }
        }

        if (field.MaxSizeMb is < 1 or > MaxFileMb)
        {
            errors.Add(Error.Invalid($"{path}.maxSizeMb", $"{name}: dung lượng tối đa (maxSizeMb) phải từ 1 đến {MaxFileMb} MB."));
        }

        if (field.Document is { Length: > 2000 })
        {
            errors.Add(Error.Invalid($"{path}.document", $"{name}: tên giấy tờ (document) dài quá 2000 ký tự."));
        }
    }

    private static void CheckPattern(FormField field, string pattern, string path, string name, List<Error> errors)
    {
        if (pattern.Length > MaxPatternLength)
        {
            errors.Add(Error.Invalid($"{path}.pattern", $"{name}: mẫu kiểm tra (pattern) dài quá {MaxPatternLength} ký tự."));
            return;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            errors.Add(Error.Invalid($"{path}.pattern", $"{name}: mẫu kiểm tra (pattern) không phải biểu thức chính quy hợp lệ ({ex.Message})."));
        }

        if (field.PatternMessage is null)
        {
            errors.Add(Error.Invalid($"{path}.patternMessage", $"{name}: cần thông báo tiếng Việt (patternMessage) khi giá trị không khớp mẫu kiểm tra."));
        }
        else if (field.PatternMessage.Length > MaxLabelLength)
        {
            errors.Add(Error.Invalid($"{path}.patternMessage", $"{name}: thông báo (patternMessage) dài quá {MaxLabelLength} ký tự."));
        }
    }

    private static void CheckConditions(FormDefinition definition, Dictionary<string, FormField> top, List<Error> errors)
    {
        for (var s = 0; s < definition.Sections.Count; s++)
        {
            var fields = definition.Sections[s].Fields;
            for (var f = 0; f < fields.Count; f++)
            {
                var field = fields[f];
                var path = $"sections[{s}].fields[{f}]";
                CheckCondition(field, field.VisibleWhen, "visibleWhen", path, top, null, errors);
                CheckCondition(field, field.RequiredWhen, "requiredWhen", path, top, null, errors);
                if (field.Type != FieldTypes.Group || field.Fields is null)
                {
                    continue;
                }

                var siblings = field.Fields.Where(x => x.Key.Length > 0).DistinctBy(x => x.Key).ToDictionary(x => x.Key, StringComparer.Ordinal);
                for (var i = 0; i < field.Fields.Count; i++)
                {
                    var sub = field.Fields[i];
                    CheckCondition(sub, sub.VisibleWhen, "visibleWhen", $"{path}.fields[{i}]", top, siblings, errors);
                    CheckCondition(sub, sub.RequiredWhen, "requiredWhen", $"{path}.fields[{i}]", top, siblings, errors);
                }
            }
        }

        // visibleWhen chains must end: "a shown when b" and "b shown when a" would never be decided.
        foreach (var field in top.Values)
        {
            var seen = new List<string> { field.Key };
            var current = field;
            while (current.VisibleWhen is { } condition && top.TryGetValue(condition.Field, out var next))
            {
                if (seen.Contains(next.Key))
                {
                    errors.Add(Error.Invalid(PathOf(definition, field.Key) + ".visibleWhen",
                        $"Điều kiện hiển thị (visibleWhen) tạo thành vòng: {string.Join(" → ", seen.Append(next.Key))}."));
                    break;
                }

                seen.Add(next.Key);
                current = next;
            }
        }
    }

    private static void CheckCondition(FormField field, FieldCondition? condition, string property, string path, Dictionary<string, FormField> top,
        Dictionary<string, FormField>? siblings, List<Error> errors)
    {
        if (condition is null)
        {
            return;
        }

        var name = Name(field, path);
        path = $"{path}.{property}";
        if ((condition.EqualTo is null) == (condition.NotEqualTo is null))
        {
            errors.Add(Error.Invalid(path, $"{name}: điều kiện ({property}) cần đúng một trong hai: \"equals\" hoặc \"notEquals\"."));
        }

        if (condition.Field.Length == 0)
        {
            errors.Add(Error.Invalid(path, $"{name}: điều kiện ({property}) chưa ghi trường được so sánh (field)."));
            return;
        }

        FormField? target = null;
        if (siblings?.TryGetValue(condition.Field, out var sibling) == true)
        {
            target = sibling;
        }
        else if (top.TryGetValue(condition.Field, out var other))
        {
            target = other;
        }

        if (target is null)
        {
            errors.Add(Error.Invalid(path, $"{name}: điều kiện ({property}) dựa vào trường \"{condition.Field}\", nhưng mẫu đơn không có trường nào mã \"{condition.Field}\"."));
            return;
        }

        if (ReferenceEquals(target, field) || (siblings is null && string.Equals(target.Key, field.Key, StringComparison.Ordinal)))
        {
            errors.Add(Error.Invalid(path, $"{name}: điều kiện ({property}) không được dựa vào chính trường này."));
            return;
        }

        if (!FieldTypes.IsScalar(target.Type))
        {
            errors.Add(Error.Invalid(path, $"{name}: điều kiện ({property}) chỉ so sánh được với trường có một giá trị, không với trường \"{target.Key}\" loại \"{target.Type}\"."));
            return;
        }

        var value = condition.EqualTo ?? condition.NotEqualTo;
        if (value is null)
        {
            return;
        }

        if (target.Type == FieldTypes.Checkbox && value is not ("true" or "false"))
        {
            errors.Add(Error.Invalid(path, $"{name}: trường \"{target.Key}\" là ô đánh dấu; so sánh với \"true\" (đã đánh dấu) hoặc \"false\"."));
        }
        else if (target.Type == FieldTypes.Select && target.Options is { } options && value.Length > 0 && options.All(o => o.Value != value))
        {
            errors.Add(Error.Invalid(path, $"{name}: trường \"{target.Key}\" không có lựa chọn nào mang giá trị \"{value}\"."));
        }
    }

    private static void CheckHelp(string? help, string path, string name, List<Error> errors)
    {
        if (help is { Length: > MaxHelpLength })
        {
            errors.Add(Error.Invalid(path, $"{name}: hướng dẫn (help) dài quá {MaxHelpLength} ký tự."));
        }
    }

    private static string Name(FormField field, string path)
        => field.Key.Length > 0 ? $"Trường \"{field.Key}\"" : $"Trường tại {path}";

    private static string PathOf(FormDefinition definition, string key)
    {
        for (var s = 0; s < definition.Sections.Count; s++)
        {
            for (var f = 0; f < definition.Sections[s].Fields.Count; f++)
            {
                if (definition.Sections[s].Fields[f].Key == key)
                {
                    return $"sections[{s}].fields[{f}]";
                }
            }
        }

        return "sections";
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[a-z][a-z0-9 -]{0,59}$", RegexOptions.CultureInvariant)]
    private static partial Regex AutocompletePattern();

    [GeneratedRegex("^today-([0-9]{1,3})y$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeDatePattern();
}
