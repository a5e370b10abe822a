using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Network;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;
using MotCua.Platform.Startup;

namespace MotCua.Organisation.Seed;

/// <summary>The roles, and one demo account per role (README "Demo accounts") when <see cref="SeedOptions.DemoStaff"/> is on.</summary>
internal sealed class DemoStaffSeeder(MotCuaDb db, UserManager<StaffUser> users, RoleManager<StaffRole> roles, IOptions<SeedOptions> options) : ISeeder
{
    public int Order => 30;

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new StaffRole(role)));
            }
        }

        if (!options.Value.DemoStaff)
        {
            return;
        }

        foreach (var (userName, fullName, role, unitCode) in DemoStaff.Accounts)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var unit = await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Code == unitCode, ct)
                       ?? await db.Set<OrgUnit>().FirstAsync(u => u.Kind == OrgUnitKind.Center, ct);
            var user = new StaffUser
            {
                Id = Guid.CreateVersion7(),
                UserName = userName,
                Email = $"{userName}@motcua.demo",
                EmailConfirmed = true,
                FullName = fullName,
                UnitId = unit.Id,
                UnitName = unit.Name,
            };
            Check(await users.CreateAsync(user, DemoStaff.Password));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
