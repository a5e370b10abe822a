using Microsoft.EntityFrameworkCore;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.Appointments;

/// <summary>A citizen's own appointments (newest day first), or one of them by its code; never anybody else's.</summary>
internal sealed class MyAppointments(MotCuaDb db, OrgDirectory org, ServiceGroupList groups, TimeProvider time)
{
    public async Task<IReadOnlyList<AppointmentView>> ListAsync(string holderIdNumber, CancellationToken ct)
    {
        var mine = await db.Set<Appointment>().AsNoTracking().Where(a => a.HolderIdNumber == holderIdNumber)
            .OrderByDescending(a => a.Day).ThenByDescending(a => a.SlotStart).Take(100).ToListAsync(ct);
        return await ViewsAsync(mine, ct);
    }

    public async Task<Result<AppointmentView>> FindAsync(string holderIdNumber, string? code, CancellationToken ct)
    {
        var normalized = AppointmentCodes.Normalize(code);
        var found = normalized is null || string.IsNullOrEmpty(holderIdNumber)
            ? null
            : await db.Set<Appointment>().AsNoTracking().FirstOrDefaultAsync(a => a.Code == normalized && a.HolderIdNumber == holderIdNumber, ct);
        return found is null ? Error.NotFound("lịch hẹn này") : (await ViewsAsync([found], ct))[0];
    }

    internal async Task<IReadOnlyList<AppointmentView>> ViewsAsync(IReadOnlyList<Appointment> appointments, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ticketIds = appointments.Where(a => a.TicketId is not null).Select(a => a.TicketId!.Value).ToList();
        var tickets = ticketIds.Count == 0
            ? []
            : await db.Set<Ticket>().AsNoTracking().Where(t => ticketIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => (t.Display, t.Token), ct);
        var points = new Dictionary<Guid, UnitRef?>();
        var views = new List<AppointmentView>(appointments.Count);
        foreach (var a in appointments)
        {
            if (!points.TryGetValue(a.PointId, out var point))
            {
                point = points[a.PointId] = await org.UnitAsync(a.PointId, ct);
            }

            (string, string)? ticket = a.TicketId is { } id && tickets.TryGetValue(id, out var t) ? t : null;
            views.Add(AppointmentView.Of(a, point?.Code ?? "", point?.Name ?? "", groups.Find(a.ServiceGroup) ?? groups.Fallback, ticket, now));
        }

        return views;
    }
}
