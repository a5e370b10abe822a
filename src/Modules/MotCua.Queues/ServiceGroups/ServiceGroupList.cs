using System.Text.Json;
using MotCua.Platform.Text;
using MotCua.Queues.Contracts;

namespace MotCua.Queues.ServiceGroups;

/// <summary>The service groups, read once from the embedded service-groups.json and checked at start-up.</summary>
internal sealed class ServiceGroupList : IServiceGroups
{
    IReadOnlyList<ServiceGroupInfo> IServiceGroups.All => [.. All.Select(g => new ServiceGroupInfo(g.Code, g.Name.ToString(), g.AverageServiceMinutes))];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, ServiceGroup> byCode;
    private readonly Dictionary<string, ServiceGroup> byField;

    public ServiceGroupList(IReadOnlyList<ServiceGroup> groups)
    {
        var problems = Check(groups);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("service-groups.json: " + string.Join("; ", problems));
        }

        All = groups;
        byCode = groups.ToDictionary(g => g.Code, StringComparer.OrdinalIgnoreCase);
        byField = groups.SelectMany(g => g.Fields.Select(f => (Field: VietnameseText.Fold(f), Group: g)))
            .ToDictionary(x => x.Field, x => x.Group, StringComparer.Ordinal);
        Fallback = groups.Single(g => g.Fallback);
    }

    public IReadOnlyList<ServiceGroup> All { get; }

    public ServiceGroup Fallback { get; }

    public ServiceGroup? Find(string? code) => code is not null && byCode.TryGetValue(code, out var g) ? g : null;

    /// <summary>The group serving a catalog field (the fallback group for a field no group lists).</summary>
    public ServiceGroup ForField(string? field)
        => field is { Length: > 0 } && byField.TryGetValue(VietnameseText.Fold(field), out var g) ? g : Fallback;

    public static ServiceGroupList Embedded()
    {
        using var stream = typeof(ServiceGroupList).Assembly.GetManifestResourceStream("service-groups.json")
            ?? throw new InvalidOperationException("service-groups.json is not embedded.");
        return new ServiceGroupList(JsonSerializer.Deserialize<List<ServiceGroup>>(stream, Json) ?? []);
    }

    private static List<string> Check(IReadOnlyList<ServiceGroup> groups)
    {
        var problems = new List<string>();
        if (groups.Count(g => g.Fallback) != 1)
        {
            problems.Add("exactly one group must be the fallback");
        }

        problems.AddRange(groups.GroupBy(g => g.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"code {g.Key} twice"));
        problems.AddRange(groups.GroupBy(g => g.Letter, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"letter {g.Key} twice"));
        problems.AddRange(groups.Where(g => g.Letter is not { Length: 1 } || !char.IsAsciiLetterUpper(g.Letter[0])).Select(g => $"{g.Code}: the letter must be one capital A–Z"));
        problems.AddRange(groups.Where(g => g.AverageServiceMinutes is <= 0 or > 240).Select(g => $"{g.Code}: averageServiceMinutes must be in (0, 240]"));
        problems.AddRange(groups.SelectMany(g => g.Fields.Select(f => (g.Code, Field: VietnameseText.Fold(f))))
            .GroupBy(x => x.Field).Where(x => x.Count() > 1).Select(x => $"field {x.Key} in {string.Join(", ", x.Select(y => y.Code))}"));
        return problems;
    }
}
