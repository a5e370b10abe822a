using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using MotCua.Platform.Storage;

namespace MotCua.Forms.Contracts;

/// <summary>
/// The posted names of a form's inputs and the ids they get in the page, shared by the renderer, the
/// validator and the commands so that an error always points at the input it is about.
/// </summary>
public static class FormNames
{
    public const string Command = "FormCommand";
    public const string Province = "province";
    public const string Ward = "ward";
    public const string Street = "street";
    public const string Count = "count";

    /// <summary>The largest row index read from a post; anything beyond is ignored (a group never has more than 50 rows).</summary>
    private const int MaxRowIndex = 999;

    public static string Row(string groupKey, int index, string subKey) => $"{groupKey}[{index.ToString(CultureInfo.InvariantCulture)}].{subKey}";

    public static string Part(string addressName, string part) => $"{addressName}.{part}";

    public static string CountOf(string groupKey) => $"{groupKey}.{Count}";

    /// <summary>"members[0].name" → "f-members-0-name": a valid, unique HTML id (with the host's prefix inside).</summary>
    public static string Id(string prefixedName)
    {
        var sb = new StringBuilder("f-", prefixedName.Length + 2);
        var dash = false;
        foreach (var c in prefixedName)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                sb.Append(c);
                dash = false;
            }
            else if (!dash)
            {
                sb.Append('-');
                dash = true;
            }
        }

        return sb.ToString().TrimEnd('-');
    }

    /// <summary>
    /// How many rows a repeating group has in these values: its posted count, or one more than the highest row
    /// index posted, at least <paramref name="min"/>; capped at <paramref name="cap"/>.
    /// </summary>
    public static int RowCount(IReadOnlyDictionary<string, string> values, string groupKey, int min, int cap)
    {
        var rows = values.TryGetValue(CountOf(groupKey), out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var posted)
            ? Math.Min(posted, MaxRowIndex + 1)
            : 0;
        var open = groupKey + "[";
        foreach (var name in values.Keys)
        {
            if (name.StartsWith(open, StringComparison.Ordinal) && name.IndexOf(']', open.Length) is > 0 and var close
                && int.TryParse(name.AsSpan(open.Length, close - open.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index <= MaxRowIndex)
            {
                rows = Math.Max(rows, index + 1);
            }
        }

        return Math.Min(Math.Max(rows, min), cap);
    }

    /// <summary>The posted values of a form rendered with <paramref name="prefix"/>, without the prefix (first value of each name).</summary>
    public static Dictionary<string, string> ValuesFrom(IFormCollection form, string prefix = "")
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in form)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
            {
                values[name[prefix.Length..]] = value.FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "";
            }
        }

        return values;
    }

    /// <summary>
    /// The uploads of a form rendered with <paramref name="prefix"/>, without the prefix: each file's name, its
    /// content type sniffed from its first bytes (never the browser's word) and its size. Empty file inputs are skipped.
    /// </summary>
    public static async Task<Dictionary<string, UploadedFile>> FilesFromAsync(IFormCollection form, string prefix, CancellationToken ct)
    {
        var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        foreach (var file in form.Files)
        {
            if (!file.Name.StartsWith(prefix, StringComparison.Ordinal) || file.Name.Length == prefix.Length || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
            {
                continue;
            }

            var head = new byte[8];
            var read = 0;
            await using (var stream = file.OpenReadStream())
            {
                while (read < head.Length && await stream.ReadAsync(head.AsMemory(read), ct) is > 0 and var n)
                {
                    read += n;
                }
            }

            files[file.Name[prefix.Length..]] = new UploadedFile(file.FileName, FileKinds.Sniff(head.AsSpan(0, read)) ?? "application/octet-stream", file.Length);
        }

        return files;
    }

    /// <summary>The posted command ("add:members", "remove:members:0", "province:applicant.address"), if a command button was pressed.</summary>
    public static string? CommandFrom(IFormCollection form) => form.TryGetValue(Command, out var value) && value.Count > 0 ? value[0] : null;
}
