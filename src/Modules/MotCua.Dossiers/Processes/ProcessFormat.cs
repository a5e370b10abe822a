using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using MotCua.Platform.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MotCua.Dossiers.Processes;

/// <summary>
/// A process definition as a file an administrator can read, edit, keep and import: JSON with the options of
/// <see cref="ProcessDefinition.Json"/> (camelCase, enums as names) or the same document as YAML. Bad input
/// gives an <see cref="Error"/> in Vietnamese with its line and column, never an exception.
/// </summary>
internal static partial class ProcessFormat
{
    public const string JsonMediaType = "application/json";
    public const string YamlMediaType = "text/yaml";

    private const int MaxDepth = 32;
    private const int MaxNodes = 20_000;

    /// <summary>
    /// <see cref="ProcessDefinition.Json"/>, indented, readable Vietnamese, and without the members computed
    /// from the others (<see cref="ProcessSpec.First"/>, <see cref="ProcessSpec.Rules"/>): what is written is what can be read back.
    /// </summary>
    public static readonly JsonSerializerOptions JsonOptions = new(ProcessDefinition.Json)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutComputedMembers } },
    };

    /// <summary>For YAML, where a plain scalar such as 12.5 reaches the serializer as a string.</summary>
    private static readonly JsonSerializerOptions YamlReadOptions = new(JsonOptions)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>"json" or "yaml" (null or empty means JSON); anything else is an error.</summary>
    public static bool TryParseName(string? name, out bool yaml)
    {
        yaml = string.Equals(name, "yaml", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "yml", StringComparison.OrdinalIgnoreCase);
        return yaml || string.IsNullOrEmpty(name) || string.Equals(name, "json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a request's Content-Type is YAML (application/yaml, text/yaml, and their x- forms).</summary>
    public static bool IsYamlMediaType(string? contentType)
        => contentType?.Split(';')[0].Trim().ToLowerInvariant() is "application/yaml" or "text/yaml" or "application/x-yaml" or "text/x-yaml";

    public static string ToJson(ProcessSpec spec) => JsonSerializer.Serialize(spec, JsonOptions);

    public static JsonElement ToJsonElement(ProcessSpec spec) => JsonSerializer.SerializeToElement(spec, JsonOptions);

    public static (ProcessSpec? Spec, Error? Error) FromJson(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Empty());
        }

        try
        {
            return JsonSerializer.Deserialize<ProcessSpec>(text, JsonOptions) is { } spec
                ? (Normalize(spec), null)
                : (null, Error.Invalid("spec", "Nội dung JSON phải là một đối tượng quy trình { \"steps\": [...] }."));
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? (int)l + 1 : (int?)null;
            var column = ex.LineNumber is { } ln && ex.BytePositionInLine is { } bytes ? CharColumn(text, (int)ln, (int)bytes) : (int?)null;
            return Syntax(ex) is { } syntax
                ? (null, ReadError("JSON", null, line, column, syntax))
                : (null, ReadError("JSON", ex.Path, line, column, null));
        }
    }

    public static (ProcessSpec? Spec, Error? Error) FromYaml(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, Empty());
        }

        var marks = new Dictionary<string, Mark>(StringComparer.Ordinal);
        JsonNode? root;
        try
        {
            root = new YamlReader(text, marks).ReadDocument();
        }
        catch (RefusedYaml ex)
        {
            return (null, Error.Invalid("spec", $"Không đọc được YAML ở dòng {ex.Start.Line}, cột {ex.Start.Column}: {ex.Reason}"));
        }
        catch (YamlException ex)
        {
            return (null, ReadError("YAML", null, (int)ex.Start.Line, (int)ex.Start.Column, YamlDetail(ex)));
        }

        if (root is not JsonObject)
        {
            return (null, Error.Invalid("spec", "Nội dung YAML phải là một quy trình dạng các khóa steps, supplementMode, … (không phải một danh sách hay một giá trị đơn)."));
        }

        try
        {
            return root.Deserialize<ProcessSpec>(YamlReadOptions) is { } spec
                ? (Normalize(spec), null)
                : (null, Empty());
        }
        catch (JsonException ex)
        {
            var mark = ex.Path is { } path && marks.TryGetValue(path, out var m) ? m : (Mark?)null;
            return (null, ReadError("YAML", ex.Path, (int?)mark?.Line, (int?)mark?.Column, null));
        }
    }

    /// <summary>Reads JSON or YAML; YAML when <paramref name="yaml"/> is set.</summary>
    public static (ProcessSpec? Spec, Error? Error) Read(string? text, bool yaml) => yaml ? FromYaml(text) : FromJson(text);

    /// <summary>The spec as YAML (same keys and values as <see cref="ToJson"/>), with an optional comment on top.</summary>
    public static string ToYaml(ProcessSpec spec, string? comment = null)
    {
        var node = JsonSerializer.SerializeToNode(spec, JsonOptions)!.AsObject();
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        foreach (var line in (comment ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            text.Write("# ");
            text.Write(line.TrimEnd('\r'));
            text.Write('\n');
        }

        var emitter = new Emitter(text, new EmitterSettings().WithBestIndent(2).WithBestWidth(int.MaxValue).WithIndentedSequences().WithNewLine("\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));

        // Settings first, then the steps: easier to read than a long list followed by two lines.
        foreach (var (key, value) in node.OrderBy(p => p.Value is JsonArray or JsonObject ? 1 : 0))
        {
            emitter.Emit(new Scalar(key));
            Emit(emitter, value);
        }

        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    /// <summary>Trims ids, names, roles and codes and replaces missing lists, so the rules see what was meant.</summary>
    public static ProcessSpec Normalize(ProcessSpec spec) => spec with
    {
        Steps = [.. (spec.Steps ?? []).Select(s => s is null ? new ProcessStep() : s with
        {
            Id = (s.Id ?? "").Trim(),
            Name = (s.Name ?? "").Trim().Normalize(),
            Role = (s.Role ?? "").Trim(),
            UnitCode = string.IsNullOrWhiteSpace(s.UnitCode) ? null : s.UnitCode.Trim(),
            Next = [.. (s.Next ?? []).Select(n => (n ?? "").Trim())],
        })],
    };

    private static void WithoutComputedMembers(JsonTypeInfo info)
    {
        if (info.Type != typeof(ProcessSpec))
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Set is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    emitter.Emit(new Scalar(key));
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                var flow = array.All(v => v is JsonValue);
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var s = value.GetValue<string>();
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, s, NeedsQuotes(s) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));
                break;
            case JsonValue value:
                // Numbers and booleans as written by the serializer (12.5, true).
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value.ToJsonString(), ScalarStyle.Plain, true, false));
                break;
            default:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, "null", ScalarStyle.Plain, true, false));
                break;
        }
    }

    /// <summary>Strings another YAML reader would take for a number, a boolean, a time or null are quoted.</summary>
    private static bool NeedsQuotes(string s)
        => s.Length == 0 || s != s.Trim() || IsNullWord(s) || IsBoolWord(s) || NumberLike().IsMatch(s)
            || s is "yes" or "Yes" or "YES" or "no" or "No" or "NO" or "on" or "On" or "ON" or "off" or "Off" or "OFF" or "y" or "n";

    private static bool IsNullWord(string s) => s is "~" or "null" or "Null" or "NULL";

    private static bool IsBoolWord(string s) => s is "true" or "True" or "TRUE" or "false" or "False" or "FALSE";

    [GeneratedRegex(@"^[-+.]?[0-9][0-9_:.eE+-]*$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$")]
    private static partial Regex NumberLike();

    private static Error Empty() => Error.Required("spec", "nội dung quy trình (JSON hoặc YAML)");

    private static Error ReadError(string format, string? path, int? line, int? column, string? detail)
    {
        var where = line is null ? "" : column is null ? $" ở dòng {line}" : $" ở dòng {line}, cột {column}";
        var field = FieldOf(path);
        var message = field is null
            ? $"Không đọc được {format}{where}: sai cú pháp."
            : $"Không đọc được {format}{where}: giá trị của \"{field}\" không đúng kiểu.{Hint(field)}";
        if (detail is { Length: > 0 })
        {
            message += $" (Chi tiết: {detail})";
        }

        return Error.Invalid(field is null ? "spec" : field, message);
    }

    /// <summary>"$.steps[2].performer" → "steps[2].performer"; null for the root.</summary>
    private static string? FieldOf(string? path)
        => path is null || path == "$" || !path.StartsWith("$.", StringComparison.Ordinal) ? null : path[2..];

    private static string Hint(string field)
    {
        var last = field[(field.LastIndexOf('.') + 1)..];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            last = last[..bracket];
        }

        return last switch
        {
            "performer" => " Giá trị hợp lệ: Center, ReceivingUnit, Agency, WardAgency, Unit.",
            "kind" => " Giá trị hợp lệ: Work, Approval, Return.",
            "wardAgencyKind" => " Giá trị hợp lệ: CommuneCommittee, CommunePolice.",
            "supplementMode" => " Giá trị hợp lệ: Pause, Restart.",
            "budgetPercent" => " Phải là một số, ví dụ 12.5.",
            "cutOff" => " Phải là giờ dạng \"HH:mm:ss\", ví dụ \"16:30:00\".",
            "delegated" => " Phải là true hoặc false.",
            "next" => " Phải là một danh sách mã bước, ví dụ [phe-duyet].",
            "steps" => " Phải là một danh sách các bước.",
            _ => " Phải là một chuỗi ký tự.",
        };
    }

    /// <summary>The reader's own text when the JSON itself is broken (not a value of the wrong kind); null otherwise.</summary>
    private static string? Syntax(JsonException ex)
    {
        if (ex.InnerException is not { } inner || !inner.GetType().Name.Contains("Reader", StringComparison.Ordinal))
        {
            return null;
        }

        // "… Change the reader options. LineNumber: 2 | BytePositionInLine: 22." — the position is already in the message.
        var message = inner.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string YamlDetail(YamlException ex)
    {
        // "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 6, Idx: 21): message"
        var message = ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message;
    }

    /// <summary>The 1-based column in characters from the reader's 0-based line and byte offset.</summary>
    private static int CharColumn(string text, int line, int bytes)
    {
        var lines = text.Split('\n');
        if (line >= lines.Length)
        {
            return bytes + 1;
        }

        var utf8 = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(utf8, 0, Math.Min(bytes, utf8.Length)) + 1;
    }

    /// <summary>A YAML document this reader refuses although it is well-formed, with a Vietnamese reason.</summary>
    private sealed class RefusedYaml(Mark start, Mark end, string reason) : YamlException(start, end, reason)
    {
        public string Reason { get; } = reason;
    }

    /// <summary>
    /// Reads one YAML document into JSON nodes, keeping where each value was written (by its JSON path) for the
    /// error messages. Aliases, complex keys and duplicate keys are refused; the size and depth are bounded.
    /// </summary>
    private sealed class YamlReader(string text, Dictionary<string, Mark> marks)
    {
        private readonly Parser parser = new(new StringReader(text));
        private int nodes;

        public JsonNode? ReadDocument()
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = parser.Accept<DocumentEnd>(out _) ? null : Read("$", 0);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _) && parser.Current is { } extra)
            {
                throw new RefusedYaml(extra.Start, extra.End, "chỉ được có một tài liệu YAML (bỏ dòng ---).");
            }

            return root;
        }

        private JsonNode? Read(string path, int depth)
        {
            var current = parser.Current ?? throw new RefusedYaml(Mark.Empty, Mark.Empty, "tài liệu YAML kết thúc đột ngột.");
            if (++nodes > MaxNodes || depth > MaxDepth)
            {
                throw new RefusedYaml(current.Start, current.End, "tài liệu YAML quá lớn hoặc lồng quá sâu.");
            }

            marks[path] = current.Start;
            switch (current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    return FromScalar(scalar);
                case SequenceStart:
                    parser.MoveNext();
                    var array = new JsonArray();
                    for (var i = 0; !parser.TryConsume<SequenceEnd>(out _); i++)
                    {
                        array.Add(Read($"{path}[{i}]", depth + 1));
                    }

                    return array;
                case MappingStart:
                    parser.MoveNext();
                    var obj = new JsonObject();
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        if (parser.Current is not Scalar key)
                        {
                            var at = parser.Current!;
                            throw new RefusedYaml(at.Start, at.End, "khóa phải là một tên đơn giản.");
                        }

                        if (obj.ContainsKey(key.Value))
                        {
                            throw new RefusedYaml(key.Start, key.End, $"khóa \"{key.Value}\" bị lặp lại.");
                        }

                        parser.MoveNext();
                        obj[key.Value] = Read($"{path}.{key.Value}", depth + 1);
                    }

                    return obj;
                default:
                    throw new RefusedYaml(current.Start, current.End, "không dùng neo và bí danh (&, *) trong quy trình.");
            }
        }

        /// <summary>Quoted scalars are strings; plain ones are null, booleans or strings (numbers are read from strings).</summary>
        private static JsonNode? FromScalar(Scalar scalar)
        {
            if (scalar.Style is not ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str"))
            {
                return JsonValue.Create(scalar.Value);
            }

            return scalar.Value switch
            {
                "" or "~" or "null" or "Null" or "NULL" => null,
                "true" or "True" or "TRUE" => JsonValue.Create(true),
                "false" or "False" or "FALSE" => JsonValue.Create(false),
                _ => JsonValue.Create(scalar.Value),
            };
        }
    }
}
