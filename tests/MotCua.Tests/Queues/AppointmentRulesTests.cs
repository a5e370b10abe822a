using MotCua.Queues.Appointments;

namespace MotCua.Tests.Queues;

/// <summary>The pure rules of appointments: slot starts, slot capacity, the release window, codes, the check-in window.</summary>
public sealed class AppointmentRulesTests
{
    private static readonly TimeSpan Local = TimeSpan.FromHours(7);

    [Fact]
    public void Slots_run_from_eight_to_four_every_half_hour_each_ending_by_four()
    {
        var starts = SlotPlan.Starts(new TimeOnly(8, 0), new TimeOnly(16, 0), 30);
        starts.Count.ShouldBe(16);
        starts[0].ShouldBe(new TimeOnly(8, 0));
        starts[^1].ShouldBe(new TimeOnly(15, 30));
        SlotPlan.Starts(new TimeOnly(8, 0), new TimeOnly(9, 10), 20).ShouldBe([new TimeOnly(8, 0), new TimeOnly(8, 20), new TimeOnly(8, 40)]);
    }

    [Theory]
    [InlineData(1, 30, 12, 0.5, 1)] // 1 × 30 / 12 × 0.5 = 1.25
    [InlineData(3, 30, 10, 0.5, 4)] // 3 × 30 / 10 × 0.5 = 4.5
    [InlineData(2, 30, 10, 0.5, 3)] // exactly 3.0 stays 3
    [InlineData(4, 30, 5, 1.0, 24)]
    [InlineData(1, 30, 20, 0.5, 1)] // 0.75 → at least one
    [InlineData(0, 30, 10, 0.5, 1)] // no counter serves the group: still one
    public void Capacity_is_counters_times_slot_over_service_time_times_the_bookable_share_floored_and_at_least_one(int counters, int slotMinutes, double average, double share, int expected)
        => SlotPlan.Capacity(counters, slotMinutes, average, share).ShouldBe(expected);

    [Fact]
    public void A_day_opens_at_seven_local_time_the_configured_days_before()
    {
        var day = new DateOnly(2026, 12, 14);
        var opens = SlotPlan.OpensAt(day, 6, new TimeOnly(7, 0));
        opens.ShouldBe(new DateTimeOffset(2026, 12, 8, 7, 0, 0, Local));

        SlotPlan.IsReleased(day, new DateTimeOffset(2026, 12, 8, 6, 59, 59, Local), 6, new TimeOnly(7, 0)).ShouldBeFalse();
        SlotPlan.IsReleased(day, new DateTimeOffset(2026, 12, 8, 7, 0, 0, Local), 6, new TimeOnly(7, 0)).ShouldBeTrue();
        // 00:30 UTC is 07:30 in Hanoi: already released although the UTC date is the day before.
        SlotPlan.IsReleased(day, new DateTimeOffset(2026, 12, 8, 0, 30, 0, TimeSpan.Zero), 6, new TimeOnly(7, 0)).ShouldBeTrue();
    }

    [Fact]
    public void Before_seven_the_last_day_ahead_is_not_yet_released()
    {
        var early = SlotPlan.ReleasedDays(new DateTimeOffset(2026, 12, 8, 6, 0, 0, Local), 6, new TimeOnly(7, 0));
        early.ShouldBe([.. Enumerable.Range(0, 6).Select(i => new DateOnly(2026, 12, 8).AddDays(i))]);
        var later = SlotPlan.ReleasedDays(new DateTimeOffset(2026, 12, 8, 7, 0, 0, Local), 6, new TimeOnly(7, 0));
        later[^1].ShouldBe(new DateOnly(2026, 12, 14));
        later.Count.ShouldBe(7);
    }

    [Fact]
    public void Codes_are_easy_to_read_aloud_and_typed_input_is_forgiven()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = AppointmentCodes.New();
            code.ShouldStartWith("HK-");
            code.Length.ShouldBe(11);
            code[3..].ShouldAllBe(c => "ACDEFHJKMNPRTUVWXY34679".Contains(c));
            AppointmentCodes.Normalize(code).ShouldBe(code);
        }

        AppointmentCodes.Normalize("hk-acde 3469").ShouldBe("HK-ACDE3469");
        AppointmentCodes.Normalize("ACDE3469").ShouldBe("HK-ACDE3469");
        AppointmentCodes.Normalize("HK-ACDE346O").ShouldBeNull("O looks like 0 and is not in the alphabet");
        AppointmentCodes.Normalize("HK-ACD").ShouldBeNull();
        AppointmentCodes.Normalize(" ").ShouldBeNull();
    }

    [Fact]
    public void Check_in_opens_thirty_minutes_before_the_slot_and_closes_at_the_no_show_limit()
    {
        var starts = new DateTimeOffset(2026, 12, 9, 9, 0, 0, Local);
        var appointment = new Appointment { Code = "HK-ACDE3469", Day = new DateOnly(2026, 12, 9), SlotStart = new TimeOnly(9, 0), StartsAt = starts };

        appointment.CanCheckIn(starts.AddMinutes(-31), 30).ShouldNotBeNull().Message.ShouldContain("Chưa đến giờ");
        appointment.CanCheckIn(starts.AddMinutes(-30), 30).ShouldBeNull();
        appointment.CanCheckIn(starts.AddMinutes(30), 30).ShouldBeNull();
        appointment.CanCheckIn(starts.AddMinutes(31), 30).ShouldNotBeNull().Status.ShouldBe(409);
        appointment.IsNoShowAt(starts.AddMinutes(31), 30).ShouldBeTrue();
        appointment.IsNoShowAt(starts.AddMinutes(29), 30).ShouldBeFalse();
    }

    [Fact]
    public void The_holder_cancels_only_before_the_slot_starts_and_only_once()
    {
        var starts = new DateTimeOffset(2026, 12, 9, 9, 0, 0, Local);
        var late = new Appointment { Code = "HK-ACDE3469", StartsAt = starts };
        late.Cancel(starts).ShouldNotBeNull().Message.ShouldContain("đã đến giờ hẹn");
        late.Status.ShouldBe(AppointmentStatus.Booked);

        var early = new Appointment { Code = "HK-ACDE3469", StartsAt = starts };
        early.Cancel(starts.AddHours(-1)).ShouldBeNull();
        early.Status.ShouldBe(AppointmentStatus.Cancelled);
        early.Cancel(starts.AddHours(-1)).ShouldNotBeNull().Status.ShouldBe(409);
    }
}
