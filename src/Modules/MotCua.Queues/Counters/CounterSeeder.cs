using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Startup;
using MotCua.Queues.ServiceGroups;

namespace MotCua.Queues.Counters;

/// <summary>
/// Demo counters for every branch (6), reception point (3) and commune service point (2), each with a profile of
/// service groups (in order of preference) so that every group is served at every point, all closed: a counter is open
/// only when a real signed-in officer opens it (an open counter with nobody on duty made the kiosk promise a wait to
/// tickets nobody called). Adds counters only to points that have none yet, so it is idempotent and picks up points
/// created later; counters an earlier version opened under a placeholder officer are closed.
/// </summary>
internal sealed class CounterSeeder(MotCuaDb db, OrgDirectory org, ServiceGroupList groups) : ISeeder
{
    public static readonly IReadOnlyList<string> BranchProfiles = ["HT,CA", "CA,HT", "DD,KD", "KD,DD", "XH,GT,TR", "KH,TR,HT,CA,DD,KD,XH,GT"];
    public static readonly IReadOnlyList<string> ReceptionPointProfiles = ["HT,CA,TR", "DD,KD,XH", "GT,KH,TR,HT,CA,DD,KD,XH"];
    public static readonly IReadOnlyList<string> ServicePointProfiles = ["HT,CA,XH,TR", "DD,KD,GT,KH,TR,HT,CA,XH"];

    public int Order => 40;

    public async Task SeedAsync(CancellationToken ct)
    {
        var known = groups.All.Select(g => g.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var places = await org.ServicePlacesAsync(ct);
        var equipped = (await db.Set<Counter>().Select(c => c.PointId).Distinct().ToListAsync(ct)).ToHashSet();
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
                db.Add(counter);
            }
        }

        // Seeded by an earlier version: open "under the duty officer (demo data)" with no account behind it.
        foreach (var placeholder in await db.Set<Counter>().Where(c => c.IsOpen && c.OfficerUserName == null).ToListAsync(ct))
        {
            placeholder.Close();
        }

        await db.SaveChangesAsync(ct);
    }
}
