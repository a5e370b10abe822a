using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MotCua.Platform.Identity;

/// <summary>Puts the staff member's unit and full name into the sign-in cookie.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<StaffRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, StaffRole>(users, roles, options)
{
    public const string FullNameClaim = "motcua:full_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FullNameClaim, user.FullName));
        if (user.UnitId is { } unit)
        {
            identity.AddClaim(new Claim(CurrentActor.UnitClaim, unit.ToString()));
            identity.AddClaim(new Claim(CurrentActor.UnitNameClaim, user.UnitName ?? ""));
        }

        return identity;
    }
}
