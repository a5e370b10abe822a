using MotCua.Queues.Contracts;

namespace MotCua.Planning;

/// <summary>One service group's part of the visits and its mean service time.</summary>
internal sealed record GroupShare(string Code, string Name, double Share, double MeanServiceMinutes);

/// <summary>
/// What visitors come for: the share of visits per service group (a planning assumption until tickets give
/// observed shares): civil status/certification 30 %, residence/identity 20 %, land 12 %, social affairs 10 %,
/// business 8 %, transport 8 %, results 7 %, other 5 %. A group not in this table gets 5 %; shares are then
/// normalised to 100 %. The mean service time of the mix (the staffing page's default) is Σ share × the group's
/// averageServiceMinutes (service-groups.json): 12.5 minutes with the bundled groups.
/// </summary>
internal static class ServiceMix
{
    private static readonly Dictionary<string, double> Assumed = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HT"] = 0.30,
        ["CA"] = 0.20,
        ["DD"] = 0.12,
        ["KD"] = 0.08,
        ["XH"] = 0.10,
        ["GT"] = 0.08,
        ["TR"] = 0.07,
        ["KH"] = 0.05,
    };

    public const double UnlistedShare = 0.05;

    public static IReadOnlyList<GroupShare> Of(IServiceGroups groups)
    {
        var raw = groups.All.Select(g => (Group: g, Weight: Assumed.GetValueOrDefault(g.Code, UnlistedShare))).ToList();
        var sum = raw.Sum(r => r.Weight);
        return raw.Select(r => new GroupShare(r.Group.Code, r.Group.Name, r.Weight / sum, r.Group.AverageServiceMinutes)).ToList();
    }

    public static double MeanServiceMinutes(IReadOnlyList<GroupShare> mix) => mix.Sum(g => g.Share * g.MeanServiceMinutes);
}
