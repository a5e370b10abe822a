using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using MotCua.Forms.Contracts;
using MotCua.Platform.Errors;

namespace MotCua.Forms;

/// <summary>
/// The JSON of a form definition: camelCase, unknown properties refused (a typo such as "requried" must not
/// silently drop a rule), strings trimmed and missing lists made empty after reading.
/// </summary>
internal static class FormFormat
{
    /// <summary>The largest definition accepted (a 100-field form is about 20 KB).</summary>
    public const int MaxChars = 256 * 1024;

    public const string JsonMediaType = "application/json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    private static readonly JsonSerializerOptions Indented = new(Json)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static (FormDefinition? Definition, Error? Error) Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Error.Invalid("definition", "Vui lòng nhập mẫu đơn (JSON)."));
        }

        if (text.Length > MaxChars)
        {
            return (null, Error.Invalid("definition", $"Mẫu đơn quá lớn (tối đa {MaxChars / 1024} KB)."));
        }

        try
        {
            var definition = JsonSerializer.Deserialize<FormDefinition>(text, Json);
            return definition is null
                ? (null, Error.Invalid("definition", "Mẫu đơn phải là một đối tượng JSON ({ \"title\": …, \"sections\": [ … ] })."))
                : (Normalize(definition), null);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (dòng {line + 1}, cột {(ex.BytePositionInLine ?? 0) + 1}{(string.IsNullOrEmpty(ex.Path) ? "" : $", tại {ex.Path}")})" : "";
            var what = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "có thuộc tính không được hỗ trợ (kiểm tra chính tả tên thuộc tính)"
                : ex.Message.Contains("could not be converted", StringComparison.Ordinal)
                    ? "có giá trị sai kiểu (ví dụ số viết trong dấu ngoặc kép, hoặc true/false viết sai)"
                    : "không đúng cú pháp JSON";
            return (null, Error.Invalid("definition", $"Mẫu đơn {what}{where}."));
        }
    }

    /// <summary>Indented, Vietnamese letters unescaped: what administrators edit.</summary>
    public static string ToJson(FormDefinition definition) => JsonSerializer.Serialize(definition, Indented);

    /// <summary>Compact, for storage.</summary>
    public static string ToStoredJson(FormDefinition definition) => JsonSerializer.Serialize(definition, Json);

    public static FormDefinition FromStoredJson(string json) => Normalize(JsonSerializer.Deserialize<FormDefinition>(json, Json) ?? new FormDefinition());

    public static JsonElement ToJsonElement(FormDefinition definition) => JsonSerializer.SerializeToElement(definition, Json);

    /// <summary>Trimmed strings, no null lists (JSON null becomes empty), so the rules and the page need no null checks.</summary>
    public static FormDefinition Normalize(FormDefinition d) => d with
    {
        Title = Trim(d.Title),
        Help = TrimOrNull(d.Help),
        Sections = [.. (d.Sections ?? []).Select(s => s is null ? new FormSection() : s with
        {
            Title = Trim(s.Title),
            Help = TrimOrNull(s.Help),
            Fields = [.. (s.Fields ?? []).Select(Normalize)],
        })],
    };

    private static FormField Normalize(FormField? f) => f is null ? new FormField() : f with
    {
        Key = Trim(f.Key),
        Type = Trim(f.Type),
        Label = Trim(f.Label),
        Help = TrimOrNull(f.Help),
        Pattern = string.IsNullOrEmpty(f.Pattern) ? null : f.Pattern,
        PatternMessage = TrimOrNull(f.PatternMessage),
        Prefill = TrimOrNull(f.Prefill),
        Autocomplete = TrimOrNull(f.Autocomplete),
        MinDate = TrimOrNull(f.MinDate),
        MaxDate = TrimOrNull(f.MaxDate),
        ItemLabel = TrimOrNull(f.ItemLabel),
        AddLabel = TrimOrNull(f.AddLabel),
        Document = TrimOrNull(f.Document),
        VisibleWhen = Normalize(f.VisibleWhen),
        RequiredWhen = Normalize(f.RequiredWhen),
        Options = f.Options is null ? null : [.. f.Options.Select(o => o is null ? new FieldOption() : new FieldOption { Value = Trim(o.Value), Label = Trim(o.Label) })],
        Fields = f.Fields is null ? null : [.. f.Fields.Select(Normalize)],
        Accept = f.Accept is null ? null : [.. f.Accept.Select(a => Trim(a).ToLowerInvariant())],
    };

    private static FieldCondition? Normalize(FieldCondition? c) => c is null ? null : c with { Field = Trim(c.Field) };

    private static string Trim(string? text) => text?.Trim() ?? "";

    private static string? TrimOrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
