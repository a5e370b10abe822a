using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.WorkingCalendar;
using MotCua.Platform.Data;
using MotCua.Platform.Time;
using MotCua.Queues.Appointments;
using MotCua.Queues.Tickets;

namespace MotCua.IntegrationTests.Queues;

/// <summary>
/// Appointments through the real host and database: the caps (per person and per sector a day, days ahead, past and
/// non-working days) refuse in Vietnamese and store nothing, parallel bookings never overbook a slot, cancelling
/// gives the place back, a check-in issues its ticket once, the sweep marks no-shows and sends each reminder once.
/// </summary>
public abstract class AppointmentTests(MotCuaApp app)
{
    [Fact]
    public async Task Booking_caps_refuse_with_a_Vietnamese_message_and_store_nothing()
    {
        const string holder = "001078000003";
        using var signedIn = await CitizenFlow.SignedInAsync(app, holder);
        var client = signedIn.Http;
        var points = await PointsAsync();
        var day = await NextBookableDayAsync();

        var first = await client.PostAsJsonAsync("/api/v1/me/appointments", Booking(points[0], "HT", day, "08:00"));
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!.ShouldStartWith("HK-");

        await RefusedAsync(client, Booking(points[1], "HT", day, "09:00"), HttpStatusCode.Conflict, "mỗi lĩnh vực chỉ đặt 1 lịch hẹn một ngày");
        (await client.PostAsJsonAsync("/api/v1/me/appointments", Booking(points[1], "CA", day, "09:00"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await RefusedAsync(client, Booking(points[1], "DD", day, "10:00"), HttpStatusCode.Conflict, "mỗi người đặt tối đa 2 lịch hẹn một ngày");

        var today = VietnamTime.DayOf(DateTimeOffset.UtcNow);
        await RefusedAsync(client, Booking(points[0], "DD", today.AddDays(7), "10:00"), HttpStatusCode.BadRequest, "Chỉ đặt lịch trước tối đa 6 ngày");
        await RefusedAsync(client, Booking(points[0], "DD", today.AddDays(-1), "10:00"), HttpStatusCode.BadRequest, "đã qua");
        await RefusedAsync(client, Booking(points[0], "DD", await NonWorkingDayAsync(), "10:00"), HttpStatusCode.BadRequest, "là ngày nghỉ");
        await RefusedAsync(client, Booking(points[0], "DD", day, "08:10"), HttpStatusCode.BadRequest, "Không có khung giờ");
        await RefusedAsync(client, Booking("KHONG-CO", "DD", day, "10:00"), HttpStatusCode.BadRequest, "Không có điểm phục vụ");

        var mine = (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/me/appointments"))!;
        mine.Length.ShouldBe(2);
        using var scope = app.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<Appointment>().CountAsync(a => a.HolderIdNumber == holder)).ShouldBe(2, "refused bookings store nothing");

        using var anonymous = app.Client();
        (await anonymous.PostAsJsonAsync("/api/v1/me/appointments", Booking(points[0], "DD", day, "10:00"))).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2101-01-01")]
    public async Task A_day_outside_the_calendar_is_a_400_on_the_day_not_a_500(string day)
    {
        using var client = app.Client();
        var response = await client.GetAsync($"/api/v1/appointments/slots?point=CN01&group=HT&day={day}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("day")[0].GetString()!.ShouldContain("năm-tháng-ngày");
    }

    [Fact]
    public async Task Parallel_bookings_never_overbook_a_slot()
    {
        var point = (await PointsAsync())[2];
        var day = await NextBookableDayAsync();
        var capacity = await CapacityAsync(point, "TR", day, "10:00");
        var attempts = capacity + 6;

        var results = await Task.WhenAll(Enumerable.Range(0, attempts).Select(i => BookAsync(point, "TR", day, "10:00", Holder(200 + i))));

        results.Count(r => r.Booked is not null).ShouldBe(capacity);
        results.Where(r => r.Booked is null).ShouldAllBe(r => r.Errors[0].Message.Contains("đã hết chỗ"));
        (await CapacityAsync(point, "TR", day, "10:00", free: true)).ShouldBe(0);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var place = (await scope.ServiceProvider.GetRequiredService<OrgDirectory>().ServicePlaceAsync(point, CancellationToken.None))!;
        (await db.Set<Appointment>().CountAsync(a => a.PointId == place.Id && a.Day == day && a.ServiceGroup == "TR" && a.SlotStart == new TimeOnly(10, 0))).ShouldBe(capacity);
    }

    [Fact]
    public async Task Cancelling_gives_the_place_back_to_the_slot()
    {
        var point = (await PointsAsync())[3];
        var day = await NextBookableDayAsync();
        var capacity = await CapacityAsync(point, "HT", day, "11:00");
        var codes = new List<string>();
        for (var i = 0; i < capacity; i++)
        {
            codes.Add((await BookAsync(point, "HT", day, "11:00", Holder(300 + i))).Booked!.Code);
        }

        (await BookAsync(point, "HT", day, "11:00", Holder(399))).Errors.Single().Message.ShouldContain("đã hết chỗ");

        using (var scope = app.Services.CreateScope())
        {
            var cancel = scope.ServiceProvider.GetRequiredService<CancelAppointment>();
            (await cancel.RunAsync(Holder(398), codes[0], CancellationToken.None)).Error!.Status.ShouldBe(404, "only the holder cancels");
            (await cancel.RunAsync(Holder(300), codes[0], CancellationToken.None)).Succeeded.ShouldBeTrue();
            (await cancel.RunAsync(Holder(300), codes[0], CancellationToken.None)).Error!.Status.ShouldBe(409, "cancelled once");
        }

        (await CapacityAsync(point, "HT", day, "11:00", free: true)).ShouldBe(1);
        (await BookAsync(point, "HT", day, "11:00", Holder(399))).Booked.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_check_in_issues_its_ticket_once_and_again_answers_the_same_ticket()
    {
        var points = await PointsAsync();
        var point = points[4];
        var day = await NextBookableDayAsync();
        var booked = (await BookAsync(point, "CA", day, "09:30", Holder(400))).Booked!;

        // Through the API now: the slot is days away.
        using var kiosk = app.Client();
        var early = await kiosk.PostAsJsonAsync($"/api/v1/appointments/{booked.Code}/check-in", new { point });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadAsStringAsync()).ShouldContain("Chưa đến giờ xác nhận");

        var at = new ShiftedTime(booked.StartsAt.AddMinutes(-10));
        (await CheckInAsync(booked.Code, points[5], at)).Error!.Message.ShouldContain("không phải ở điểm này");
        var checks = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => CheckInAsync(booked.Code.ToLowerInvariant(), point, at)));
        var again = await CheckInAsync(booked.Code, point, at);

        again.Ticket.ShouldNotBeNull().Again.ShouldBeTrue();
        checks.Where(c => c.Ticket is not null).ShouldAllBe(c => c.Ticket!.TicketNumber == again.Ticket!.TicketNumber);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var appointment = await db.Set<Appointment>().SingleAsync(a => a.Code == booked.Code);
        appointment.Status.ShouldBe(AppointmentStatus.CheckedIn);
        var tickets = await db.Set<Ticket>().Where(t => t.AppointmentId == appointment.Id).ToListAsync();
        tickets.Count.ShouldBe(1, "one appointment, one ticket");
        tickets[0].Id.ShouldBe(appointment.TicketId!.Value);
        tickets[0].Channel.ShouldBe(TicketChannel.Appointment);
        tickets[0].Priority.ShouldBe(TicketPriority.None, "bookings get no priority by default: they join the FIFO queue at check-in");
        tickets[0].Display.ShouldBe(again.Ticket!.TicketNumber);
        (await db.Outbox.CountAsync(m => m.Type == "queue.appointment-checked-in" && m.Subject == booked.Code)).ShouldBe(1);
    }

    [Fact]
    public async Task The_sweep_marks_no_shows_and_sends_each_reminder_once()
    {
        var point = (await PointsAsync())[5];
        var day = await NextBookableDayAsync();
        var remind = (await BookAsync(point, "KH", day, "14:00", Holder(500))).Booked!;
        var late = (await BookAsync(point, "XH", day, "08:00", Holder(501))).Booked!;

        var dayBefore = new ShiftedTime(VietnamTime.At(day.AddDays(-1), new TimeOnly(9, 0)));
        await Task.WhenAll(SweepAsync(dayBefore), SweepAsync(dayBefore));
        await SweepAsync(dayBefore);

        var noShowTime = new ShiftedTime(late.StartsAt.AddMinutes(31));
        await Task.WhenAll(SweepAsync(noShowTime), SweepAsync(noShowTime));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        (await db.Outbox.CountAsync(m => m.Type == "queue.appointment-reminder" && m.Subject == remind.Code)).ShouldBe(1);
        (await db.Set<Appointment>().SingleAsync(a => a.Code == late.Code)).Status.ShouldBe(AppointmentStatus.NoShow);
        (await db.Set<Appointment>().SingleAsync(a => a.Code == remind.Code)).Status.ShouldBe(AppointmentStatus.Booked, "its slot (14:00) is not past yet");
        (await db.Outbox.CountAsync(m => m.Type == "queue.appointment-no-show" && m.Subject == late.Code)).ShouldBe(1);
    }

    private static object Booking(string point, string group, DateOnly day, string start)
        => new { point, serviceGroup = group, day = AppointmentText.Day(day), start };

    private static string Holder(int i) => $"0010990{i:00000}";

    private static async Task RefusedAsync(HttpClient client, object booking, HttpStatusCode status, string message)
    {
        var response = await client.PostAsJsonAsync("/api/v1/me/appointments", booking);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        body.ShouldContain(message);
    }

    private async Task<List<string>> PointsAsync()
    {
        using var scope = app.Services.CreateScope();
        return [.. (await scope.ServiceProvider.GetRequiredService<OrgDirectory>().ServicePlacesAsync(CancellationToken.None)).Select(p => p.Code).Order(StringComparer.Ordinal)];
    }

    /// <summary>The first released working day after today (its slots are all ahead).</summary>
    private async Task<DateOnly> NextBookableDayAsync()
    {
        using var scope = app.Services.CreateScope();
        var days = await scope.ServiceProvider.GetRequiredService<AppointmentSlots>().BookableDaysAsync(CancellationToken.None);
        return days.First(d => d > VietnamTime.DayOf(DateTimeOffset.UtcNow));
    }

    private async Task<DateOnly> NonWorkingDayAsync()
    {
        using var scope = app.Services.CreateScope();
        var calendar = (await scope.ServiceProvider.GetRequiredService<CalendarProvider>().ClockAsync(CancellationToken.None)).Calendar;
        return SlotPlan.ReleasedDays(DateTimeOffset.UtcNow, 6, new TimeOnly(7, 0)).First(d => !calendar.IsWorkingDay(d));
    }

    private async Task<int> CapacityAsync(string point, string group, DateOnly day, string start, bool free = false)
    {
        using var client = app.Client();
        var slots = await client.GetFromJsonAsync<JsonElement>($"/api/v1/appointments/slots?point={point}&group={group}&day={AppointmentText.Day(day)}");
        var slot = slots.GetProperty("slots").EnumerateArray().Single(s => s.GetProperty("start").GetString() == start);
        return slot.GetProperty(free ? "free" : "capacity").GetInt32();
    }

    private async Task<(AppointmentView? Booked, IReadOnlyList<MotCua.Platform.Errors.Error> Errors)> BookAsync(string point, string group, DateOnly day, string start, string holder)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var book = scope.ServiceProvider.GetRequiredService<BookAppointment>();
        var (booked, errors) = await book.RunAsync(new BookingRequest(point, group, AppointmentText.Day(day), start), holder, "Người Thử", CancellationToken.None);
        return (booked, errors);
    }

    private async Task<(CheckedIn? Ticket, MotCua.Platform.Errors.Error? Error)> CheckInAsync(string code, string point, TimeProvider at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var checkIn = ActivatorUtilities.CreateInstance<CheckInAppointment>(scope.ServiceProvider, at);
        var checkedIn = await checkIn.RunAsync(code, point, CancellationToken.None);
        return (checkedIn.Value, checkedIn.Error);
    }

    private async Task SweepAsync(TimeProvider at)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<SweepAppointments>(scope.ServiceProvider, at).RunAsync(CancellationToken.None);
    }

    /// <summary>The clock of the app moved to a given instant (and running on from it).</summary>
    private sealed class ShiftedTime(DateTimeOffset to) : TimeProvider
    {
        private readonly TimeSpan by = to - TimeProvider.System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + by;
    }
}

[Collection("sqlite")]
public sealed class AppointmentsOnSqlite(SqliteApp fixture) : AppointmentTests(fixture.App);

[Collection("postgres")]
public sealed class AppointmentsOnPostgres(PostgresApp fixture) : AppointmentTests(fixture.App);
