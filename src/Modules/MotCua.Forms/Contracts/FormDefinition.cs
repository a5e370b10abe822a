using System.Text.Json.Serialization;

namespace MotCua.Forms.Contracts;

/// <summary>
/// A procedure version's e-form (mẫu đơn, tờ khai điện tử) as data: sections of fields. Written as JSON by
/// administrators (<see cref="FormFormat"/>), checked by <see cref="ValidateFormDefinition"/>, rendered by
/// <c>FormFields.razor</c> and checked again, value by value, by <see cref="FormValidator"/>.
/// <code>
/// {
///   "title": "Tờ khai đăng ký khai sinh",
///   "caseIndex": 0,
///   "sections": [
///     { "title": "Người yêu cầu", "help": "Thông tin lấy từ CSDL quốc gia về dân cư; kiểm tra lại.",
///       "fields": [
///         { "key": "applicant.name", "type": "text", "label": "Họ và tên", "required": true, "maxLength": 100, "prefill": "citizen.name" },
///         { "key": "applicant.idNumber", "type": "idNumber", "label": "Số định danh cá nhân", "required": true, "prefill": "citizen.idNumber" },
///         { "key": "relation", "type": "select", "label": "Quan hệ với trẻ", "options": [ { "value": "cha", "label": "Cha" }, { "value": "khac", "label": "Khác" } ] },
///         { "key": "relationOther", "type": "text", "label": "Quan hệ khác", "visibleWhen": { "field": "relation", "equals": "khac" }, "required": true },
///         { "key": "members", "type": "group", "label": "Thành viên gia đình", "itemLabel": "Người", "addLabel": "Thêm người", "minItems": 0, "maxItems": 10,
///           "fields": [ { "key": "name", "type": "text", "label": "Họ và tên", "required": true } ] },
///         { "key": "docs.giayChungSinh", "type": "file", "label": "Giấy chứng sinh", "required": true, "maxSizeMb": 10, "accept": [ "application/pdf", "image/jpeg", "image/png" ] }
///       ] } ]
/// }
/// </code>
/// Posted names: a field's key ("applicant.name"); an address's parts "key.province", "key.ward", "key.street";
/// a repeating group's rows "key[0].name" and its row count "key.count".
/// </summary>
public sealed record FormDefinition
{
    public string Title { get; init; } = "";
    public string? Help { get; init; }

    /// <summary>The procedure's document group (trường hợp) whose documents the file fields upload; null when none.</summary>
    public int? CaseIndex { get; init; }

    public IReadOnlyList<FormSection> Sections { get; init; } = [];

    /// <summary>Every top-level field, section by section.</summary>
    public IEnumerable<FormField> Fields => Sections.SelectMany(s => s.Fields);
}

public sealed record FormSection
{
    public string Title { get; init; } = "";
    public string? Help { get; init; }
    public IReadOnlyList<FormField> Fields { get; init; } = [];
}

/// <summary>One field; which properties apply depends on its <see cref="Type"/> (see <see cref="FieldTypes"/>).</summary>
public sealed record FormField
{
    /// <summary>Letters and digits, dot-separated words ("applicant.name"); the posted name.</summary>
    public string Key { get; init; } = "";

    public string Type { get; init; } = FieldTypes.Text;
    public string Label { get; init; } = "";
    public string? Help { get; init; }
    public bool Required { get; init; }

    /// <summary>Shown (and checked) only when another field has a value; a hidden field is never required.</summary>
    public FieldCondition? VisibleWhen { get; init; }

    /// <summary>Required only when another field has a value.</summary>
    public FieldCondition? RequiredWhen { get; init; }

    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }

    /// <summary>Numbers: the smallest and largest value.</summary>
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }

    /// <summary>Numbers: digits allowed after the decimal separator (0 = whole numbers, the default).</summary>
    public int? Decimals { get; init; }

    /// <summary>Dates: "yyyy-MM-dd" or "today".</summary>
    public string? MinDate { get; init; }
    public string? MaxDate { get; init; }

    /// <summary>A .NET regular expression the whole value must match, with the message shown when it does not.</summary>
    public string? Pattern { get; init; }
    public string? PatternMessage { get; init; }

    /// <summary>Select: the choices.</summary>
    public IReadOnlyList<FieldOption>? Options { get; init; }

    /// <summary>Where the value comes from when the citizen is known (<see cref="PrefillSources"/>).</summary>
    public string? Prefill { get; init; }

    /// <summary>The HTML autocomplete token (WCAG 1.3.5); derived from the prefill source when not given.</summary>
    public string? Autocomplete { get; init; }

    /// <summary>Textarea: visible lines.</summary>
    public int? Rows { get; init; }

    /// <summary>Repeating group: the fields of one row (no nested groups, no uploads).</summary>
    public IReadOnlyList<FormField>? Fields { get; init; }

    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }

    /// <summary>Repeating group: the name of one row ("Người" → "Người thứ 2").</summary>
    public string? ItemLabel { get; init; }

    /// <summary>Repeating group: the add button's text ("Thêm người").</summary>
    public string? AddLabel { get; init; }

    /// <summary>File: accepted content types (PDF, JPEG, PNG by default).</summary>
    public IReadOnlyList<string>? Accept { get; init; }

    /// <summary>File: the largest upload in MB (10 by default, never more).</summary>
    public int? MaxSizeMb { get; init; }

    /// <summary>File: the catalog's name of the document (thành phần hồ sơ) it uploads.</summary>
    public string? Document { get; init; }

    /// <summary>File: the population registry holds this document's data, so a citizen known to it need not upload it.</summary>
    public bool WaivedByRegistry { get; init; }
}

public sealed record FieldOption
{
    public string Value { get; init; } = "";
    public string Label { get; init; } = "";
}

/// <summary>"Another field equals (or does not equal) a value"; inside a repeating group a sibling of the same row is meant first.</summary>
public sealed record FieldCondition
{
    public string Field { get; init; } = "";

    [JsonPropertyName("equals")]
    public string? EqualTo { get; init; }

    [JsonPropertyName("notEquals")]
    public string? NotEqualTo { get; init; }

    public bool Holds(string value)
        => EqualTo is not null ? string.Equals(value, EqualTo, StringComparison.Ordinal) : !string.Equals(value, NotEqualTo ?? "", StringComparison.Ordinal);
}

public static class FieldTypes
{
    public const string Text = "text";
    public const string Textarea = "textarea";
    public const string Number = "number";
    public const string Date = "date";
    public const string IdNumber = "idNumber";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Select = "select";
    public const string Checkbox = "checkbox";
    public const string Address = "address";
    public const string Group = "group";
    public const string File = "file";

    public static readonly IReadOnlyList<string> All = [Text, Textarea, Number, Date, IdNumber, Phone, Email, Select, Checkbox, Address, Group, File];

    /// <summary>Fields with one value that a condition may test.</summary>
    public static bool IsScalar(string type) => type is not (Address or Group or File);
}

/// <summary>The citizen facts a field may be prefilled from (the identity and the population registry).</summary>
public static class PrefillSources
{
    public const string Name = "citizen.name";
    public const string DateOfBirth = "citizen.dateOfBirth";
    public const string IdNumber = "citizen.idNumber";
    public const string Address = "citizen.address";
    public const string Phone = "citizen.phone";
    public const string WardCode = "citizen.wardCode";

    public static readonly IReadOnlyList<string> All = [Name, DateOfBirth, IdNumber, Address, Phone, WardCode];

    /// <summary>The field types each source fits.</summary>
    public static bool Fits(string source, string type) => source switch
    {
        Name => type is FieldTypes.Text,
        DateOfBirth => type is FieldTypes.Date or FieldTypes.Text,
        IdNumber => type is FieldTypes.IdNumber or FieldTypes.Text,
        Address => type is FieldTypes.Address or FieldTypes.Text or FieldTypes.Textarea,
        Phone => type is FieldTypes.Phone or FieldTypes.Text,
        WardCode => type is FieldTypes.Address,
        _ => false,
    };
}
