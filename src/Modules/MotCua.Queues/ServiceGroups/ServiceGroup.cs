
using MotCua.Platform.Text;

namespace MotCua.Queues.ServiceGroups;

/// <summary>
/// A service group (nhóm dịch vụ): what a visitor picks at the kiosk and what a counter serves. A set of
/// catalog fields; the letter prefixes the group's ticket numbers ("A-0012").
/// </summary>
internal sealed record ServiceGroup(
    string Code,
    string Letter,
    LocalText Name,
    double AverageServiceMinutes,
    IReadOnlyList<string> Fields,
    bool Fallback = false,
    bool ReturnsResults = false);
