using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Startup;
using MotCua.Queues.ServiceGroups;

namespace MotCua.Queues.Counters;

/// <summary>
/// Demo counters for every branch (6), reception point (3) and commune service point (2), each with a profile of
/// service groups (in order of preference) so that every group is served at every point; all closed, except the
/// first two of the demo officers' branch (CN01) so that its queue has a wait estimate from the start. Adds counters
/// only to points that have none yet, so it is idempotent and picks up points created later.
/// </summary>
internal sealed class CounterSeeder(MotCuaDb db, OrgDirectory org, ServiceGroupList groups, TimeProvider time) : ISeeder
{
    /// <summary>The branch whose first counters start open (the demo reception officer's branch).</summary>
    public const string DemoBranch = "CN01";

    public static readonly IReadOnlyList<string> BranchProfiles = ["HT,CA", "CA,HT", "DD,KD", "KD,DD", "XH,GT,TR", "KH,TR,HT,CA,DD,KD,XH,GT"];
    public static readonly IReadOnlyList<string> ReceptionPointProfiles = ["HT,CA,TR", "DD,KD,XH", "GT,KH,TR,HT,CA,DD,KD,XH"];
    public static readonly IReadOnlyList<string> ServicePointProfiles = ["HT,CA,XH,TR", "DD,KD,GT,KH,TR,HT,CA,XH"];

    public int Order => 40;

    public async Task SeedAsync(CancellationToken ct)
    {
        var known = groups.All.Select(g => g.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var places = await org.ServicePlacesAsync(ct);
        var equipped = (await db.Set<Counter>().Select(c => c.PointId).Distinct().ToListAsync(ct)).ToHashSet();
        var now = time.GetUtcNow();
        foreach (var place in places.Where(p => !equipped.Contains(p.Id)))
        {
            var profiles = place.Kind switch
            {
                OrgUnitKind.Branch => BranchProfiles,
                OrgUnitKind.ReceptionPoint => ReceptionPointProfiles,
                _ => ServicePointProfiles,
            };
            for (var i = 0; i < profiles.Count; i++)
            {
                var counter = new Counter
                {
                    PointId = place.Id,
                    Number = i + 1,
                    ServiceGroups = string.Join(',', profiles[i].Split(',').Where(known.Contains)),
                };
                if (place.Code == DemoBranch && i < 2)
                {
                    counter.Open(officerUserName: null, "Cán bộ trực (dữ liệu mẫu)", now);
                }

                db.Add(counter);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
