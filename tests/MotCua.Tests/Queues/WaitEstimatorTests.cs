using MotCua.Queues.Contracts;
using MotCua.Queues.Waits;

namespace MotCua.Tests.Queues;

public sealed class WaitEstimatorTests
{
    [Fact]
    public void Ten_ahead_at_two_free_counters_of_twelve_minutes_wait_sixty_minutes()
        // W = n·s/c = 10 · 12 / 2 = 60; a counter is free, so no residual service is added.
        => WaitEstimator.Minutes(new QueueState(Ahead: 10, OpenCounters: 2, BusyCounters: 1, ServiceMinutes: 12)).ShouldBe(60);

    [Fact]
    public void When_every_counter_is_busy_half_a_service_is_added_for_the_one_in_progress()
        // 10 · 12 / 2 + 12 / 2 = 66.
        => WaitEstimator.Minutes(new QueueState(10, 2, 2, 12)).ShouldBe(66);

    [Fact]
    public void An_empty_queue_at_a_free_counter_is_no_wait()
        => WaitEstimator.Rounded(new QueueState(0, 3, 0, 10)).ShouldBe(0);

    [Fact]
    public void Without_an_open_counter_the_wait_is_unknown_rather_than_invented()
    {
        WaitEstimator.Minutes(new QueueState(5, 0, 0, 10)).ShouldBeNull();
        WaitEstimator.Rounded(new QueueState(5, 0, 0, 10)).ShouldBeNull();
    }

    [Fact]
    public void People_are_told_whole_minutes_rounded_up()
        // 1 · 5 / 3 = 1.67 → 2.
        => WaitEstimator.Rounded(new QueueState(1, 3, 0, 5)).ShouldBe(2);

    [Fact]
    public void Service_times_below_half_a_minute_are_not_believed()
        // A burst of instant "finishes" must not make the wait look like zero: s is at least 0.5 minutes.
        => WaitEstimator.Minutes(new QueueState(4, 1, 0, 0.01)).ShouldBe(2);
}
