using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.Counters;

/// <summary>A counter (tracked) and the point it stands at.</summary>
internal sealed record CounterAt(ServicePlace Point, Counter Counter);

/// <summary>A member of staff who may be put on a counter, and the unit they work for.</summary>
internal sealed record CounterStaff(string UserName, string Name, ServicePlace Unit);

/// <summary>
/// Who may act on a point's counters: staff of the counter roles working for the point itself or for the unit above
/// it (its branch, or the center for a branch); the center's director and administrators everywhere. A reception
/// officer operates only the counter they opened; managers operate any counter in their scope.
/// </summary>
internal sealed class CounterScope(MotCuaDb db, OrgDirectory org, CurrentActor actor)
{
    public static readonly string[] Roles = [StaffRoles.ReceptionOfficer, StaffRoles.BranchManager, StaffRoles.CenterDirector, StaffRoles.Administrator];
    public static readonly string[] ManagerRoles = [StaffRoles.BranchManager, StaffRoles.CenterDirector, StaffRoles.Administrator];

    public bool IsManager => ManagerRoles.Any(actor.IsInRole);

    public bool IsCityWide => actor.IsInRole(StaffRoles.CenterDirector) || actor.IsInRole(StaffRoles.Administrator);

    public string UserName => actor.Name;

    public string DisplayName => actor.DisplayName;

    /// <summary>The roles of the people a manager may put on a counter.</summary>
    public static readonly string[] CounterStaffRoles = [StaffRoles.ReceptionOfficer, StaffRoles.BranchManager];

    public bool CanActAt(ServicePlace point)
        => IsCityWide || (Roles.Any(actor.IsInRole) && actor.UnitId is { } unit && (unit == point.Id || unit == point.ParentId));

    /// <summary>The point, after checking the actor may act at it.</summary>
    public async Task<Result<ServicePlace>> PointAsync(string? code, CancellationToken ct)
    {
        var point = string.IsNullOrWhiteSpace(code) ? null : await org.ServicePlaceAsync(code.Trim(), ct);
        if (point is null)
        {
            return Error.NotFound($"điểm phục vụ \"{code}\"");
        }

        return CanActAt(point)
            ? point
            : Forbidden($"Bạn không thuộc {point.Name} hay đơn vị quản lý điểm này nên không được thao tác trên quầy của điểm.");
    }

    /// <summary>The counter, tracked, after checking the actor may act at its point.</summary>
    public async Task<Result<CounterAt>> CounterAsync(string? point, int number, CancellationToken ct)
    {
        var (place, refused) = await PointAsync(point, ct);
        if (place is null)
        {
            return Result.Fail<CounterAt>(refused);
        }

        var counter = await db.Set<Counter>().FirstOrDefaultAsync(c => c.PointId == place.Id && c.Number == number, ct);
        return counter is null
            ? Error.NotFound($"Quầy {number} tại {place.Name}")
            : new CounterAt(place, counter);
    }

    /// <summary>Whether the actor may operate this counter now: the officer on duty, or a manager.</summary>
    public Error? MayOperate(Counter counter)
    {
        if (IsManager || (counter.OfficerUserName is { } officer && string.Equals(officer, actor.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return Forbidden(counter.IsOpen
            ? $"{counter.Name} do {counter.OfficerName ?? "cán bộ khác"} trực; chỉ cán bộ trực quầy hoặc quản lý được thao tác."
            : $"{counter.Name} đang đóng; hãy mở quầy trước.");
    }

    /// <summary>
    /// The staff a manager may put on a counter (open one for them): reception officers and branch managers working
    /// for a branch or point the actor may act at — a branch manager: her branch and its points; the director and
    /// administrators: every point. By name (Vietnamese order). What the pickers offer and what opening checks.
    /// </summary>
    public async Task<IReadOnlyList<CounterStaff>> StaffAsync(CancellationToken ct)
    {
        var places = (await org.ServicePlacesAsync(ct)).Where(CanActAt).ToDictionary(p => p.Id);
        var ids = places.Keys.ToList();
        var roles = db.Set<StaffRole>().Where(r => CounterStaffRoles.Contains(r.Name!)).Select(r => r.Id);
        var users = await db.Set<StaffUser>().AsNoTracking()
            .Where(u => u.UnitId != null && ids.Contains(u.UnitId.Value) && u.UserName != null
                && db.Set<IdentityUserRole<Guid>>().Any(ur => ur.UserId == u.Id && roles.Contains(ur.RoleId)))
            .Select(u => new { u.UserName, u.FullName, u.UnitId })
            .ToListAsync(ct);
        var vietnamese = StringComparer.Create(new CultureInfo("vi-VN"), ignoreCase: false);
        return [.. users.Select(u => new CounterStaff(u.UserName!, u.FullName is { Length: > 0 } full ? full : u.UserName!, places[u.UnitId!.Value]))
            .OrderBy(u => u.Name, vietnamese).ThenBy(u => u.UserName, StringComparer.Ordinal)];
    }

    /// <summary>The ticket called to or served at the counter now (tracked), or null.</summary>
    public Task<Ticket?> CurrentTicketAsync(Counter counter, CancellationToken ct)
        => db.Set<Ticket>().Where(t => t.CounterId == counter.Id && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .OrderByDescending(t => t.CalledAt).FirstOrDefaultAsync(ct);

    public async Task<string?> PointCodeAsync(Guid id, CancellationToken ct) => (await org.UnitAsync(id, ct))?.Code;

    public static Error Forbidden(string message) => new("forbidden", message, StatusCodes.Status403Forbidden);
}
