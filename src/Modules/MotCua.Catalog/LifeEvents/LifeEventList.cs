using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using MotCua.Platform.Text;

namespace MotCua.Catalog.LifeEvents;

/// <summary>
/// The life events, read once at start-up from the embedded life-events.json (or the file the setting
/// <see cref="FileSetting"/> names) and checked: a mistake stops the app with every problem listed.
/// </summary>
internal sealed partial class LifeEventList
{
    public const string FileSetting = "MotCua:Catalog:LifeEventsFile";
    public const string EmbeddedName = "life-events.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, LifeEvent> bySlug;

    public LifeEventList(IReadOnlyList<LifeEvent> events)
    {
        All = events;
        bySlug = events.ToDictionary(e => e.Slug, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<LifeEvent> All { get; }

    public LifeEvent? Find(string? slug) => slug is not null && bySlug.TryGetValue(slug.Trim(), out var e) ? e : null;

    /// <summary>The list the app uses: the configured file, or the embedded one. Throws when it is not valid.</summary>
    public static LifeEventList Load(IConfiguration configuration)
    {
        var path = configuration[FileSetting];
        var source = string.IsNullOrWhiteSpace(path) ? EmbeddedName : path;
        using var stream = string.IsNullOrWhiteSpace(path) ? OpenEmbedded() : File.OpenRead(path);
        var (list, problems) = Read(stream);
        return list ?? throw new InvalidOperationException(
            $"Danh sách sự kiện đời sống {source} không hợp lệ:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
    }

    public static Stream OpenEmbedded() => typeof(LifeEventList).Assembly.GetManifestResourceStream(EmbeddedName)
        ?? throw new InvalidOperationException($"{EmbeddedName} is not embedded.");

    /// <summary>Reads and checks a list; on any problem, no list and every problem found (Vietnamese).</summary>
    public static (LifeEventList? List, IReadOnlyList<string> Problems) Read(Stream stream)
    {
        Data? data;
        try
        {
            data = JsonSerializer.Deserialize<Data>(stream, Json);
        }
        catch (JsonException e)
        {
            return (null, [$"JSON không đọc được (dòng {e.LineNumber + 1}): {e.Message}"]);
        }

        if (data?.Events is not { Count: > 0 } rows)
        {
            return (null, ["Không có sự kiện nào (cần mục \"events\")."]);
        }

        var problems = new List<string>();
        var events = new List<LifeEvent>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var at = $"Sự kiện {i + 1}{(string.IsNullOrWhiteSpace(row?.Slug) ? "" : $" ({row.Slug})")}";
            if (row is null)
            {
                problems.Add($"{at}: trống.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(row.Slug) || !SlugPattern().IsMatch(row.Slug))
            {
                problems.Add($"{at}: slug phải gồm chữ thường a-z, số và dấu \"-\" (ví dụ khai-sinh).");
            }
            else if (!seen.Add(row.Slug))
            {
                problems.Add($"{at}: slug bị trùng.");
            }

            Check(row.Name, "tên", at, problems);
            Check(row.Description, "mô tả", at, problems);
            var fields = row.Fields ?? [];
            var terms = row.Terms ?? [];
            var codes = row.Codes ?? [];
            if (fields.Count + terms.Count + codes.Count == 0)
            {
                problems.Add($"{at}: cần ít nhất một lĩnh vực (fields), cụm từ (terms) hoặc mã thủ tục (codes).");
            }

            if (fields.Concat(codes).Any(string.IsNullOrWhiteSpace) || terms.Any(t => MotCua.Catalog.Search.ProcedureSearchIndex.Words(t).Length == 0))
            {
                problems.Add($"{at}: có lĩnh vực, cụm từ hoặc mã thủ tục để trống.");
            }

            if (row.Name is { Vi: { } vi, En: { } en } && row.Description is { Vi: { } dvi, En: { } den })
            {
                events.Add(new LifeEvent(row.Slug?.Trim() ?? "", new LocalText(vi.Trim(), en.Trim()), new LocalText(dvi.Trim(), den.Trim()),
                    fields.Select(f => f.Trim()).ToList(), terms.Select(t => t.Trim()).ToList(), codes.Select(c => c.Trim()).ToList()));
            }
        }

        return problems.Count > 0 ? (null, problems) : (new LifeEventList(events), []);
    }

    private static void Check(Text? text, string what, string at, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text?.Vi))
        {
            problems.Add($"{at}: thiếu {what} tiếng Việt (vi).");
        }

        if (string.IsNullOrWhiteSpace(text?.En))
        {
            problems.Add($"{at}: thiếu {what} tiếng Anh (en).");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    private sealed record Data(List<Row?>? Events);

    private sealed record Row(string? Slug, Text? Name, Text? Description, List<string>? Fields, List<string>? Terms, List<string>? Codes);

    private sealed record Text(string? Vi, string? En);
}
