using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MotCua.Platform.Text;

namespace MotCua.Platform.Http;

/// <summary>
/// The rules every JSON request body is read with, in every module, before any use case sees it: no duplicate keys, no
/// NUL character in any string, no string longer than its member's limit (<see cref="TextLimits.ForMember"/> on request
/// records, <see cref="TextLimits.AnyText"/> otherwise), no null element in a list and no null dictionary value, no
/// missing or null member that is declared non-nullable, every string valid Unicode and in NFC, no list longer than <see cref="TextLimits.AnyList"/>. A body that
/// breaks one is refused as a <see cref="RejectedInput"/> (a <see cref="JsonException"/>: the host answers 400 naming the
/// field, with a Vietnamese message).
/// </summary>
public static class JsonInput
{
    /// <summary>Request records whose members are held to the named limits: the API's request vocabulary.</summary>
    private static readonly string[] RequestSuffixes = ["Request", "Input", "Decision", "Delivery", "Ref", "Item"];

    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new GuardedString(TextLimits.AnyText));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Guard);
    }

    /// <summary>The field a JSON path names, as the problem details show it: <c>$.documents[0].sha256</c> → <c>documents[0].sha256</c>.</summary>
    public static string Field(string? path, string? member = null)
    {
        var field = (path ?? "$").TrimStart('$').TrimStart('.');
        return member is null ? field : field.Length == 0 ? member : $"{field}.{member}";
    }

    private static void Guard(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Assembly.GetName().Name?.StartsWith("MotCua", StringComparison.Ordinal) != true)
        {
            return;
        }

        var isRequest = RequestSuffixes.Any(s => type.Type.Name.EndsWith(s, StringComparison.Ordinal));
        var nullability = new NullabilityInfoContext();
        var checks = new List<(string Name, Func<object, object?> Get, bool NotNull, bool IsCollection)>();
        foreach (var property in type.Properties)
        {
            if (property.PropertyType == typeof(string))
            {
                var max = (isRequest ? TextLimits.ForMember(property.Name) : null) ?? TextLimits.AnyText;
                property.CustomConverter ??= new GuardedString(max);
            }

            var notNull = !property.PropertyType.IsValueType && property.AttributeProvider is PropertyInfo info
                && nullability.Create(info).WriteState == NullabilityState.NotNull;
            var isCollection = property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType);
            if ((notNull || isCollection) && property.Get is { } get)
            {
                checks.Add((property.Name, get, notNull, isCollection));
            }
        }

        if (checks.Count == 0)
        {
            return;
        }

        var previous = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var (name, get, notNull, isCollection) in checks)
            {
                var member = get(value);
                if (member is null)
                {
                    if (notNull)
                    {
                        throw new RejectedInput(name, $"Thiếu giá trị bắt buộc \"{name}\".");
                    }

                    continue;
                }

                if (isCollection)
                {
                    CheckCollection(name, (IEnumerable)member);
                }
            }
        };
    }

    private static void CheckCollection(string name, IEnumerable collection)
    {
        var index = 0;
        foreach (var item in collection)
        {
            if (index >= TextLimits.AnyList)
            {
                throw new RejectedInput(name, $"Danh sách \"{name}\" có quá {TextLimits.AnyList.ToString("N0", Vietnamese)} phần tử.");
            }

            var element = item is DictionaryEntry entry ? entry.Value
                : item?.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? t.GetProperty("Value")!.GetValue(item)
                : item;
            if (element is null)
            {
                var key = item is DictionaryEntry e ? e.Key : item?.GetType().GetProperty("Key")?.GetValue(item);
                throw new RejectedInput(key is null ? $"{name}[{index}]" : $"{name}.{key}",
                    $"Danh sách \"{name}\" không được có phần tử rỗng (null).");
            }

            index++;
        }
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Strings without NUL, within a length, valid Unicode, read in NFC; written as usual.</summary>
    private sealed class GuardedString(int max) : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("Expected a string.");
            }

            // The raw length bounds the text before it is decoded (an escape is at most six bytes for one character).
            var raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
            string? text;
            try
            {
                text = raw > (max * 6L) + 6 ? null : reader.GetString();
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate ("\ud800") is not text.
                throw new RejectedInput(null, "chứa ký tự không hợp lệ (không phải Unicode).", aboutValue: true);
            }

            if (text is null || text.Length > max)
            {
                throw new RejectedInput(null, $"dài quá {max.ToString("N0", Vietnamese)} ký tự.", aboutValue: true);
            }

            if (text.Contains('\0', StringComparison.Ordinal))
            {
                throw new RejectedInput(null, "chứa ký tự không hợp lệ (U+0000).", aboutValue: true);
            }

            // One normal form (NFC): a name typed with combining marks is the same name, found by the same search.
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override bool HandleNull => false;
    }
}

/// <summary>A request body the server refuses to read: <see cref="Member"/> (under the exception's JSON path) and a Vietnamese message.</summary>
public sealed class RejectedInput(string? member, string vietnamese, bool aboutValue = false) : JsonException(vietnamese)
{
    /// <summary>The member below <see cref="JsonException.Path"/> the refusal is about (null: the path itself).</summary>
    public string? Member { get; } = member;

    /// <summary>The whole Vietnamese message for <paramref name="field"/>.</summary>
    public string MessageFor(string field) => aboutValue ? $"Trường \"{field}\" {Message}" : Message;
}
