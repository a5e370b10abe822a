namespace MotCua.Queues.Contracts;

/// <summary>A service group as other modules see it: its code, its name and the mean time a visit takes.</summary>
public sealed record ServiceGroupInfo(string Code, string Name, double AverageServiceMinutes);

/// <summary>The service groups the kiosks offer and the counters serve (Queues/ServiceGroups/service-groups.json).</summary>
public interface IServiceGroups
{
    IReadOnlyList<ServiceGroupInfo> All { get; }
}
