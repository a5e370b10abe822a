using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Time;
using MotCua.Queues.Counters;
using MotCua.Queues.ServiceGroups;

namespace MotCua.Queues.Appointments;

/// <summary>One slot as the booking page and GET /api/v1/appointments/slots show it.</summary>
internal sealed record SlotView(string Start, int Capacity, int Booked, int Free, bool Bookable);

/// <summary>The slots of one point, group and day, with why the day cannot be booked (if so).</summary>
internal sealed record SlotDay(
    string Point,
    string PointName,
    string ServiceGroup,
    string ServiceGroupName,
    string Day,
    bool WorkingDay,
    DateTimeOffset OpensAt,
    string? Closed,
    IReadOnlyList<SlotView> Slots);

/// <summary>
/// The bookable slots of a point for a service group on a day: working days only (the working calendar in force,
/// as for dossiers' due dates), <see cref="QueueOptions.SlotsFrom"/>–<see cref="QueueOptions.SlotsUntil"/> every
/// <see cref="QueueOptions.SlotMinutes"/>, capacity from the counters serving the group (<see cref="SlotPlan.Capacity"/>),
/// days released one at a time (<see cref="SlotPlan.OpensAt"/>). Also the day rules <see cref="BookAppointment"/> applies.
/// </summary>
internal sealed class AppointmentSlots(MotCuaDb db, OrgDirectory org, ServiceGroupList groups, IDeadlineClocks calendars, TimeProvider time, IOptions<QueueOptions> options)
{
    private QueueOptions Options => options.Value;

    public async Task<Result<SlotDay>> RunAsync(string? point, string? group, string? day, CancellationToken ct)
    {
        var errors = new List<Error>();
        var place = await PointAsync(point, errors, ct);
        var serviceGroup = Group(group, errors);
        var date = AppointmentText.ParseDay(day);
        if (string.IsNullOrWhiteSpace(day))
        {
            errors.Add(Error.Required("day", "ngày hẹn"));
        }
        else if (date is null)
        {
            errors.Add(Error.Invalid("day", "Ngày hẹn phải có dạng năm-tháng-ngày (2026-12-07)."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow();
        var closed = await DayErrorAsync(date!.Value, now, ct);
        var working = (await calendars.ClockAsync(ct)).Calendar.IsWorkingDay(date.Value);
        var slots = new List<SlotView>();
        if (working)
        {
            var capacity = await CapacityAsync(place!.Id, serviceGroup!, ct);
            var booked = await db.Set<AppointmentSlot>().AsNoTracking()
                .Where(s => s.PointId == place.Id && s.Day == date.Value && s.ServiceGroup == serviceGroup!.Code)
                .ToDictionaryAsync(s => s.StartMinute, s => s.Booked, ct);
            foreach (var start in SlotPlan.Starts(Options.SlotsFrom, Options.SlotsUntil, Options.SlotMinutes))
            {
                var taken = booked.GetValueOrDefault((start.Hour * 60) + start.Minute);
                var free = Math.Max(0, capacity - taken);
                var open = closed is null && free > 0 && VietnamTime.At(date.Value, start) > now;
                slots.Add(new SlotView(AppointmentText.Time(start), capacity, taken, free, open));
            }
        }

        return new SlotDay(place!.Code, place.Name, serviceGroup!.Code, serviceGroup.Name.ToString(), AppointmentText.Day(date.Value), working,
            SlotPlan.OpensAt(date.Value, Options.BookingDaysAhead, Options.BookingReleaseAt), closed?.Message, slots);
    }

    /// <summary>The days a citizen may choose now: released, not past, working days.</summary>
    public async Task<IReadOnlyList<DateOnly>> BookableDaysAsync(CancellationToken ct)
    {
        var calendar = (await calendars.ClockAsync(ct)).Calendar;
        var now = time.GetUtcNow();
        var last = SlotPlan.Starts(Options.SlotsFrom, Options.SlotsUntil, Options.SlotMinutes).LastOrDefault();
        return [.. SlotPlan.ReleasedDays(now, Options.BookingDaysAhead, Options.BookingReleaseAt)
            .Where(d => calendar.IsWorkingDay(d) && VietnamTime.At(d, last) > now)];
    }

    /// <summary>Places one slot takes for a group at a point: the counters serving it (or the default when the point has none set up).</summary>
    public async Task<int> CapacityAsync(Guid pointId, ServiceGroup group, CancellationToken ct)
    {
        var profiles = await db.Set<Counter>().AsNoTracking().Where(c => c.PointId == pointId).Select(c => c.ServiceGroups).ToListAsync(ct);
        var counters = profiles.Count == 0
            ? Options.DefaultCountersPerGroup
            : profiles.Count(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(group.Code, StringComparer.OrdinalIgnoreCase));
        return SlotPlan.Capacity(counters, Options.SlotMinutes, group.AverageServiceMinutes, Options.BookableShare);
    }

    /// <summary>Why a day cannot be booked now (past, too far ahead, not yet released, not a working day), or null.</summary>
    public async Task<Error?> DayErrorAsync(DateOnly day, DateTimeOffset now, CancellationToken ct)
    {
        var today = VietnamTime.DayOf(now);
        if (day < today)
        {
            return Error.Invalid("day", $"Ngày {AppointmentText.Date(day)} đã qua; vui lòng chọn ngày từ hôm nay.");
        }

        if (day > today.AddDays(Options.BookingDaysAhead))
        {
            return Error.Invalid("day", $"Chỉ đặt lịch trước tối đa {Options.BookingDaysAhead} ngày (đến ngày {AppointmentText.Date(today.AddDays(Options.BookingDaysAhead))}).");
        }

        if (!SlotPlan.IsReleased(day, now, Options.BookingDaysAhead, Options.BookingReleaseAt))
        {
            var opens = SlotPlan.OpensAt(day, Options.BookingDaysAhead, Options.BookingReleaseAt);
            return Error.Invalid("day", $"Lịch hẹn ngày {AppointmentText.Date(day)} mở đặt từ {AppointmentText.Time(opens)} ngày {AppointmentText.Date(VietnamTime.DayOf(opens))}.");
        }

        if (!(await calendars.ClockAsync(ct)).Calendar.IsWorkingDay(day))
        {
            return Error.Invalid("day", $"{AppointmentText.DayName(day)} là ngày nghỉ, bộ phận một cửa không làm việc; vui lòng chọn ngày làm việc.");
        }

        return null;
    }

    internal async Task<ServicePlace?> PointAsync(string? point, List<Error> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(point))
        {
            errors.Add(Error.Required("point", "điểm phục vụ"));
            return null;
        }

        var place = await org.ServicePlaceAsync(point.Trim(), ct);
        if (place is null)
        {
            errors.Add(Error.Invalid("point", $"Không có điểm phục vụ đang hoạt động với mã \"{point}\"."));
        }

        return place;
    }

    internal ServiceGroup? Group(string? group, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(group))
        {
            errors.Add(Error.Required("serviceGroup", "lĩnh vực (nhóm dịch vụ)"));
            return null;
        }

        var found = groups.Find(group.Trim());
        if (found is null)
        {
            errors.Add(Error.Invalid("serviceGroup", $"Không có nhóm dịch vụ \"{group}\"."));
        }

        return found;
    }
}
