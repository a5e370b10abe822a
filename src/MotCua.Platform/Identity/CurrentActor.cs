using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace MotCua.Platform.Identity;

/// <summary>Who is acting in this request (a staff member, a citizen, the system), for rules and the audit trail.</summary>
public sealed class CurrentActor(IHttpContextAccessor accessor)
{
    public const string UnitClaim = "motcua:unit";
    public const string UnitNameClaim = "motcua:unit_name";

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public bool IsAuthenticated => User?.Identity?.IsAuthenticated == true;

    /// <summary>The user name; "anonymous" for a request nobody signed in to; "system" outside any request (a periodic job, the console).</summary>
    public string Name => IsAuthenticated ? User!.Identity!.Name ?? "?" : accessor.HttpContext is null ? "system" : "anonymous";

    /// <summary>The full name to print on slips ("Phạm Thị Lan"); the user name when there is none.</summary>
    public string DisplayName => User?.FindFirstValue(StaffClaimsFactory.FullNameClaim) is { Length: > 0 } full ? full : Name;

    public Guid? UserId => Guid.TryParse(User?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public Guid? UnitId => Guid.TryParse(User?.FindFirstValue(UnitClaim), out var id) ? id : null;

    public string? UnitName => User?.FindFirstValue(UnitNameClaim);

    public IReadOnlyList<string> Roles => User?.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList() ?? [];

    public bool IsInRole(string role) => User?.IsInRole(role) == true;

    public string? RemoteAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
