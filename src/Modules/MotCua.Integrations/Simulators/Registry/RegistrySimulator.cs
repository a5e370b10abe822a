using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using MotCua.Integrations.Contracts;
using MotCua.Platform.Text;

namespace MotCua.Integrations.Simulators;

/// <summary>Where the registry simulator answers inside the app.</summary>
internal static class RegistrySimulatorPaths
{
    public const string Page = "/simulators/registry";

    /// <summary>The simulator's API (the registry's <c>BaseUrl</c> when the app asks its own simulator).</summary>
    public const string Api = "/simulators/registry/api/";
}

/// <summary>What the simulator does with the next look-ups: answer, answer late, answer 500, or not at all until a time.</summary>
internal enum RegistryFaultKind
{
    None,
    Slow,
    Error,
}

/// <summary>A fault, for every ID number or for one, until a time.</summary>
internal sealed record RegistryFault(RegistryFaultKind Kind, DateTimeOffset Until, int DelayMilliseconds = 0, string? IdNumber = null);

/// <summary>One look-up the simulator received, as its page shows it.</summary>
internal sealed record RegistryLookup(DateTimeOffset At, string IdNumber, int Status, string? Name);

/// <summary>
/// The population registry's simulator: the demo citizens of <c>citizens.csv</c> (389 fictitious people in two households
/// of each of Hanoi's 126 wards and communes; <c>make_citizens.py</c> writes it), what it received, and the faults it was told
/// to play. The same class serves the in-app simulator and the tests' separate simulator servers.
/// </summary>
internal sealed class RegistrySimulator(TimeProvider time)
{
    private const int Kept = 200;

    private static readonly Lazy<IReadOnlyList<Citizen>> Data = new(Load);

    private readonly ConcurrentQueue<RegistryLookup> received = new();
    private readonly ConcurrentDictionary<string, RegistryFault> faults = new();

    /// <summary>Every demo citizen of the simulator's data file.</summary>
    public static IReadOnlyList<Citizen> Citizens => Data.Value;

    /// <summary>The six demo citizens the README and the bundled e-ID provider name (the first rows of the file).</summary>
    public static IReadOnlyList<Citizen> NamedCitizens => Data.Value.Take(6).ToList();

    public IReadOnlyList<RegistryLookup> Received => received.Reverse().ToList();

    public IReadOnlyList<RegistryFault> Faults => faults.Values.Where(f => f.Until > time.GetUtcNow()).OrderBy(f => f.IdNumber).ToList();

    /// <summary>Plays <paramref name="fault"/> from now on (for all, or for its ID number); <see cref="RegistryFaultKind.None"/> clears it.</summary>
    public void Set(RegistryFault fault)
    {
        var key = fault.IdNumber ?? "";
        if (fault.Kind == RegistryFaultKind.None)
        {
            faults.TryRemove(key, out _);
        }
        else
        {
            faults[key] = fault;
        }
    }

    /// <summary>The fault that applies to a look-up of <paramref name="idNumber"/> now, if any (its own first, then the general one).</summary>
    public RegistryFault? FaultFor(string idNumber)
    {
        var now = time.GetUtcNow();
        return faults.TryGetValue(idNumber, out var own) && own.Until > now ? own
            : faults.TryGetValue("", out var all) && all.Until > now ? all
            : null;
    }

    public Citizen? Find(string idNumber) => Citizens.FirstOrDefault(c => c.IdNumber == idNumber);

    public void Record(string idNumber, int status, Citizen? found)
    {
        received.Enqueue(new RegistryLookup(time.GetUtcNow(), idNumber.Length > 20 ? idNumber[..20] : idNumber, status, found?.FullName));
        while (received.Count > Kept && received.TryDequeue(out _))
        {
        }
    }

    private static IReadOnlyList<Citizen> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MotCua.Integrations.Simulators.Registry.citizens.csv")
            ?? throw new InvalidOperationException("The registry simulator's citizens.csv is not embedded.");
        using var reader = new StreamReader(stream);
        return CsvTable.Read(reader).Rows.Select(r => new Citizen(
            r["id_number"], r["full_name"], DateOnly.ParseExact(r["date_of_birth"], "dd/MM/yyyy", CultureInfo.InvariantCulture), r["sex"],
            r["permanent_address"], r["ward_code"], r["phone"])
        {
            TemporaryAddress = r["temporary_address"] is { Length: > 0 } temporary ? temporary : null,
            HouseholdNumber = r["household_number"],
            HouseholdHead = r["household_head"],
            RelationToHead = r["relation_to_head"],
        }).ToList();
    }
}
