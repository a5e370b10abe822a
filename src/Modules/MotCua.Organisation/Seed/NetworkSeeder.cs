using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Network;
using MotCua.Organisation.Units;
using MotCua.Platform;
using MotCua.Platform.Data;
using MotCua.Platform.Startup;
using MotCua.Platform.Text;

namespace MotCua.Organisation.Seed;

/// <summary>
/// The demo center and its network, placed at real ward centroids (<see cref="NetworkPlanner"/>), and the
/// deciding agencies the seeded procedures need. Runs only when no center exists yet. Electronic IDs of
/// agencies follow the QĐ 20/2020 shape but are DEMO values [check]: administrators enter the real ones.
/// </summary>
internal sealed class NetworkSeeder(MotCuaDb db, IOptions<SeedOptions> options, IOptions<CenterOptions> centerOptions) : ISeeder
{
    public const string CenterCode = Contracts.DemoStaff.CenterCode;

    private static readonly (string Code, string Name, AgencyKind Kind)[] CityAgencies =
    [
        ("UBND-TP", "Ủy ban nhân dân thành phố Hà Nội", AgencyKind.CityCommittee),
        ("CA-TP", "Công an thành phố Hà Nội", AgencyKind.CityPolice),
        ("SO-TP", "Sở Tư pháp", AgencyKind.Department),
        ("SO-NV", "Sở Nội vụ", AgencyKind.Department),
        ("SO-TC", "Sở Tài chính", AgencyKind.Department),
        ("SO-XD", "Sở Xây dựng", AgencyKind.Department),
        ("SO-NNMT", "Sở Nông nghiệp và Môi trường", AgencyKind.Department),
        ("SO-CT", "Sở Công Thương", AgencyKind.Department),
        ("SO-YT", "Sở Y tế", AgencyKind.Department),
        ("SO-GDDT", "Sở Giáo dục và Đào tạo", AgencyKind.Department),
        ("SO-VHTT", "Sở Văn hóa và Thể thao", AgencyKind.Department),
        ("SO-DL", "Sở Du lịch", AgencyKind.Department),
        ("SO-KHCN", "Sở Khoa học và Công nghệ", AgencyKind.Department),
        ("SO-DTNG", "Sở Dân tộc và Tôn giáo", AgencyKind.Department),
        ("BHXH-TP", "Bảo hiểm xã hội thành phố Hà Nội", AgencyKind.Other),
        ("THUE-TP", "Thuế thành phố Hà Nội", AgencyKind.Other),
    ];

    public int Order => 20;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<OrgUnit>().AnyAsync(u => u.Kind == OrgUnitKind.Center, ct))
        {
            return;
        }

        var o = options.Value;
        var province = centerOptions.Value.ProvinceCode;
        var wards = await db.Set<AdministrativeUnit>()
            .Where(u => u.ProvinceCode == province && u.Level == UnitLevel.Commune && u.Latitude != null)
            .OrderBy(u => u.Code)
            .ToListAsync(ct);
        var sites = wards.Select(w => new Site(w.Code, w.Name, w.Latitude!.Value, w.Longitude!.Value, w.Population ?? 0)).ToList();

        var center = new OrgUnit
        {
            Code = CenterCode,
            Name = "Trung tâm Phục vụ hành chính công thành phố Hà Nội",
            Kind = OrgUnitKind.Center,
            Address = "258 Võ Chí Công, phường Phú Thượng, Hà Nội",
            OpeningHours = "T2-T6 08:00-12:00,13:00-17:00; T7 08:00-12:00",
            Phone = "1022",
        };
        Add(center);

        var taken = new HashSet<string>();
        var branches = NetworkPlanner.Place(sites, o.Branches, taken);
        var branchUnits = new List<(OrgUnit Unit, Site Site)>();
        for (var i = 0; i < branches.Count; i++)
        {
            var site = branches[i];
            taken.Add(site.WardCode);
            var unit = Point(OrgUnitKind.Branch, $"CN{i + 1:00}", $"Chi nhánh số {i + 1} ({site.WardName})", center.Id, site);
            unit.OpeningHours = "T2-T6 08:00-12:00,13:00-17:00; T7 08:00-12:00";
            branchUnits.Add((unit, site));
        }

        var centres = branchUnits.Select(b => (b.Site.Latitude, b.Site.Longitude)).ToList();
        Guid ParentBranch(Site s) => centres.Count == 0 ? center.Id : branchUnits[NetworkPlanner.Nearest(centres, (s.Latitude, s.Longitude))].Unit.Id;

        // A branch's service area: the wards nearest to it.
        foreach (var s in sites)
        {
            if (centres.Count > 0)
            {
                branchUnits[NetworkPlanner.Nearest(centres, (s.Latitude, s.Longitude))].Unit.Wards.Add(new OrgUnitWard { WardCode = s.WardCode });
            }
        }

        var points = NetworkPlanner.Place(sites, o.ReceptionPoints, taken);
        for (var i = 0; i < points.Count; i++)
        {
            var site = points[i];
            taken.Add(site.WardCode);
            Point(OrgUnitKind.ReceptionPoint, $"DTN{i + 1:00}", $"Điểm tiếp nhận số {i + 1} ({site.WardName})", ParentBranch(site), site);
        }

        if (o.ServicePoints)
        {
            foreach (var site in sites)
            {
                Point(OrgUnitKind.ServicePoint, $"DPV-{site.WardCode}", $"Điểm phục vụ {site.WardName}", ParentBranch(site), site);
            }
        }

        for (var i = 0; i < CityAgencies.Length; i++)
        {
            var (code, name, kind) = CityAgencies[i];
            Add(new OrgUnit
            {
                Code = code,
                Name = name,
                Kind = OrgUnitKind.Agency,
                AgencyKind = kind,
                ElectronicId = string.Create(CultureInfo.InvariantCulture, $"000.00.{i:00}.H26"),
                Address = "Hà Nội",
            });
        }

        for (var i = 0; i < wards.Count; i++)
        {
            var w = wards[i];
            var eid = string.Create(CultureInfo.InvariantCulture, $"000.{(i + 1) / 100:00}.{(i + 1) % 100:00}.H26");
            var committee = Agency($"UBND-{w.Code}", $"Ủy ban nhân dân {w.Name}", AgencyKind.CommuneCommittee, eid, w);
            var police = Agency($"CA-{w.Code}", $"Công an {w.Name}", AgencyKind.CommunePolice, eid.Replace("000.", "001.", StringComparison.Ordinal), w);
            committee.Wards.Add(new OrgUnitWard { WardCode = w.Code });
            police.Wards.Add(new OrgUnitWard { WardCode = w.Code });
        }

        await db.SaveChangesAsync(ct);

        OrgUnit Point(OrgUnitKind kind, string code, string name, Guid parent, Site site)
        {
            var unit = new OrgUnit
            {
                Code = code,
                Name = name,
                Kind = kind,
                ParentId = parent,
                WardCode = site.WardCode,
                Latitude = site.Latitude,
                Longitude = site.Longitude,
                Address = $"Trụ sở {site.WardName}, Hà Nội",
            };
            if (kind != OrgUnitKind.Branch)
            {
                unit.Wards.Add(new OrgUnitWard { WardCode = site.WardCode });
            }

            return Add(unit);
        }

        OrgUnit Agency(string code, string name, AgencyKind kind, string eid, AdministrativeUnit ward) => Add(new OrgUnit
        {
            Code = code,
            Name = name,
            Kind = OrgUnitKind.Agency,
            AgencyKind = kind,
            ElectronicId = eid,
            WardCode = ward.Code,
            Latitude = ward.Latitude,
            Longitude = ward.Longitude,
            Address = $"{ward.Name}, Hà Nội",
        });
    }

    private OrgUnit Add(OrgUnit unit)
    {
        unit.FoldedName = VietnameseText.Fold(unit.Name);
        db.Add(unit);
        return unit;
    }
}
