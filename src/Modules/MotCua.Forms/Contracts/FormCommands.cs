using System.Globalization;

namespace MotCua.Forms.Contracts;

/// <summary>The values after a command, and the posted name of the input to put the focus on (autofocus) when the page comes back.</summary>
public sealed record CommandResult(Dictionary<string, string> Values, string? Focus);

/// <summary>
/// The form's own buttons, which work without JavaScript by posting the whole form with name="FormCommand":
/// "add:members" adds an empty row to a repeating group, "remove:members:0" removes a row (the rows after it move
/// up), "province:applicant.address" shows the wards of the chosen province. The host page calls <see cref="Apply"/>
/// and renders the form again with the returned values, without validating and without losing anything typed.
/// </summary>
public static class FormCommands
{
    public const string Add = "add";
    public const string Remove = "remove";
    public const string Province = "province";

    /// <summary>The posted name of a group's add button (its id is built from it), to return the focus to.</summary>
    public static string AddButton(string groupKey) => groupKey + ".add";

    /// <summary>Null when <paramref name="command"/> is not a command of this form.</summary>
    public static CommandResult? Apply(FormDefinition definition, IReadOnlyDictionary<string, string> values, string? command)
    {
        if (string.IsNullOrWhiteSpace(command) || command.Length > 200)
        {
            return null;
        }

        var parts = command.Split(':');
        var result = new Dictionary<string, string>(values, StringComparer.Ordinal);
        switch (parts)
        {
            case [Add, var key] when Group(definition, key) is { } group:
                {
                    var (min, max) = Limits(group);
                    var rows = FormNames.RowCount(values, key, min, max);
                    if (rows >= max)
                    {
                        return new CommandResult(result, AddButton(key));
                    }

                    result[FormNames.CountOf(key)] = (rows + 1).ToString(CultureInfo.InvariantCulture);
                    return new CommandResult(result, FirstInput(group, FormNames.Row(key, rows, "")));
                }

            case [Remove, var key, var indexText] when Group(definition, key) is { } group
                && int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index):
                {
                    var (min, max) = Limits(group);
                    var rows = FormNames.RowCount(values, key, 0, max);
                    if (index >= rows)
                    {
                        return new CommandResult(result, AddButton(key));
                    }

                    for (var i = index; i < rows; i++)
                    {
                        var prefix = FormNames.Row(key, i, "");
                        foreach (var name in result.Keys.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList())
                        {
                            result.Remove(name);
                        }

                        if (i + 1 < rows)
                        {
                            var next = FormNames.Row(key, i + 1, "");
                            foreach (var (name, value) in values.Where(v => v.Key.StartsWith(next, StringComparison.Ordinal)))
                            {
                                result[prefix + name[next.Length..]] = value;
                            }
                        }
                    }

                    result[FormNames.CountOf(key)] = Math.Max(rows - 1, min).ToString(CultureInfo.InvariantCulture);
                    return new CommandResult(result, AddButton(key));
                }

            case [Province, var name] when IsAddress(definition, name):
                return new CommandResult(result, FormNames.Part(name, FormNames.Ward));

            default:
                return null;
        }
    }

    private static FormField? Group(FormDefinition definition, string key)
        => definition.Fields.FirstOrDefault(f => f.Type == FieldTypes.Group && f.Key == key);

    private static (int Min, int Max) Limits(FormField group)
    {
        var max = Math.Clamp(group.MaxItems ?? ValidateFormDefinition.DefaultMaxItems, 1, ValidateFormDefinition.MaxItemsLimit);
        return (Math.Clamp(group.MinItems ?? (group.Required ? 1 : 0), 0, max), max);
    }

    /// <summary>"applicant.address" or "members[2].address" naming an address field of the form.</summary>
    private static bool IsAddress(FormDefinition definition, string name)
    {
        var open = name.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return definition.Fields.Any(f => f.Type == FieldTypes.Address && f.Key == name);
        }

        var close = name.IndexOf("].", open, StringComparison.Ordinal);
        return close > open && Group(definition, name[..open]) is { } group
            && int.TryParse(name.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && group.Fields?.Any(f => f.Type == FieldTypes.Address && f.Key == name[(close + 2)..]) == true;
    }

    private static string? FirstInput(FormField group, string rowPrefix)
        => group.Fields is [var first, ..]
            ? first.Type == FieldTypes.Address ? FormNames.Part(rowPrefix + first.Key, FormNames.Province) : rowPrefix + first.Key
            : null;
}
