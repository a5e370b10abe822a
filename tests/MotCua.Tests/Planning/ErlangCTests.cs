using MotCua.Cli.Planning;
using MotCua.Planning;
using MotCua.Planning.Siting;
using MotCua.Planning.Staffing;

namespace MotCua.Tests.Planning;

public sealed class ErlangCTests
{
    // C(c, a) = (a^c / c!)·c/(c − a) / (Σ_{k=0}^{c−1} a^k / k! + (a^c / c!)·c/(c − a))  (Erlang C, M/M/c).
    // λ = 100/h, 3 min service → a = 5 erlang; c = 6: Σ = 1 + 5 + 12.5 + 20.8333 + 26.0417 + 26.0417 = 91.4167,
    // top = 21.7014 × 6 = 130.2083; C = 130.2083 / 221.625 = 3125/5319 exactly (rational arithmetic) ≈ 0.587516.
    [Fact]
    public void Erlang_C_matches_the_closed_form_for_five_erlangs_on_six_counters()
        => ErlangC.WaitProbability(6, 5).ShouldBe(3125.0 / 5319.0, tolerance: 1e-12);

    [Fact]
    public void Erlang_B_of_one_server_is_a_over_one_plus_a()
        => ErlangC.ErlangB(1, 3).ShouldBe(0.75, tolerance: 1e-15);

    [Fact]
    public void Mean_wait_is_C_over_c_mu_minus_lambda()
    {
        // μ = 1/3 per minute, λ = 100/60 per minute: W = 0.587516 / (2 − 1.666667) = 1.762549 minutes.
        var r = CounterStaffing.Evaluate(6, 100, 3);
        r.MeanWaitMinutes.ShouldBe(3125.0 / 5319.0 / (2 - (100.0 / 60)), tolerance: 1e-12);
        r.MeanWaitMinutes.ShouldBe(1.762549, tolerance: 1e-6);
        r.Occupancy.ShouldBe(5.0 / 6, tolerance: 1e-12);
    }

    // The classic call-centre example: 100 calls per 30 minutes, 180 s handling (a = 10 erlang), target 80 % answered
    // within 20 s. 13 agents: C = 0.28527, SL = 1 − 0.28527·e^{−3·20/180} = 79.56 % (fails); 14 agents: C = 0.17413,
    // SL = 1 − 0.17413·e^{−4·20/180} = 88.84 % → 14 agents.
    [Fact]
    public void The_call_centre_example_needs_fourteen_agents()
    {
        ErlangC.WaitProbability(13, 10).ShouldBe(0.285270, tolerance: 1e-6);
        ErlangC.WaitProbability(14, 10).ShouldBe(0.174132, tolerance: 1e-6);

        var r = CounterStaffing.MinimumCounters(arrivalsPerHour: 200, serviceMinutes: 3, target: 0.8, withinMinutes: 20.0 / 60);
        r.Counters.ShouldBe(14);
        r.ServiceLevel.ShouldBe(0.888350, tolerance: 1e-6);
        CounterStaffing.Evaluate(13, 200, 3, 20.0 / 60).ServiceLevel.ShouldBe(0.795595, tolerance: 1e-6);
    }

    [Fact]
    public void Forty_an_hour_at_eight_minutes_needs_seven_counters_for_ninety_percent_within_fifteen_minutes()
    {
        var r = CounterStaffing.MinimumCounters(40, 8);
        r.Counters.ShouldBe(7);
        r.Load.ShouldBe(16.0 / 3, tolerance: 1e-12);
        r.ServiceLevel.ShouldBe(0.982006, tolerance: 1e-6);
        CounterStaffing.Evaluate(6, 40, 8).ServiceLevel.ShouldBe(0.795577, tolerance: 1e-6);
    }

    [Theory]
    [InlineData(1, 5, 0.9, 15)]
    [InlineData(12, 8, 0.9, 15)]
    [InlineData(40, 8, 0.9, 15)]
    [InlineData(95, 12, 0.8, 10)]
    [InlineData(300, 6, 0.95, 5)]
    [InlineData(30, 20, 0.9, 0)]
    [InlineData(2000, 7.5, 0.99, 2)]
    public void The_minimum_is_minimal_one_counter_less_fails(double arrivals, double minutes, double target, double within)
    {
        var r = CounterStaffing.MinimumCounters(arrivals, minutes, target, within);
        r.ServiceLevel.ShouldBeGreaterThanOrEqualTo(target);
        ((double)r.Counters).ShouldBeGreaterThan(r.Load);
        var fewer = r.Counters - 1;
        if (fewer > r.Load)
        {
            CounterStaffing.Evaluate(fewer, arrivals, minutes, within).ServiceLevel.ShouldBeLessThan(target);
        }
    }

    [Fact]
    public void Unstable_queues_are_refused()
    {
        Should.Throw<PlanningInputException>(() => ErlangC.WaitProbability(5, 5)).Message.ShouldContain("không ổn định");
        Should.Throw<PlanningInputException>(() => CounterStaffing.Evaluate(5, 100, 3));
        Should.Throw<PlanningInputException>(() => CounterStaffing.Evaluate(4, 100, 3));
    }

    [Theory]
    [InlineData(-1, 8, 0.9, 15)]
    [InlineData(40, 0, 0.9, 15)]
    [InlineData(40, 8, 1.0, 15)]
    [InlineData(40, 8, 0, 15)]
    [InlineData(40, 8, 0.9, -1)]
    [InlineData(double.NaN, 8, 0.9, 15)]
    public void Bad_input_is_refused_with_a_vietnamese_message(double arrivals, double minutes, double target, double within)
        => Should.Throw<PlanningInputException>(() => CounterStaffing.MinimumCounters(arrivals, minutes, target, within)).Message.ShouldNotBeNullOrWhiteSpace();

    [Fact]
    public void Large_systems_stay_finite()
    {
        var c = ErlangC.WaitProbability(1_000, 950);
        double.IsFinite(c).ShouldBeTrue();
        c.ShouldBeInRange(0, 1);
    }

    [Fact]
    public void Nobody_coming_needs_no_counter()
        => CounterStaffing.MinimumCounters(0, 8).Counters.ShouldBe(0);

    [Fact]
    public void The_peak_hour_drives_each_point_and_the_city_total_is_compared_with_184()
    {
        var plan = StaffingPlanner.Plan(
            [
                new PointForecast("CN01", "Chi nhánh số 1", [10, 40, 25, 40]),
                new PointForecast("DTN01", "Điểm tiếp nhận số 1", [200, 50]),
            ],
            serviceMinutes: 8);

        plan.Points[0].PeakHourIndex.ShouldBe(1);
        plan.Points[0].AtPeak.Counters.ShouldBe(7);
        plan.Points[1].PeakHourIndex.ShouldBe(0);
        plan.Points[1].AtPeak.Counters.ShouldBe(CounterStaffing.MinimumCounters(200, 8).Counters);
        plan.TotalCounters.ShouldBe(7 + plan.Points[1].AtPeak.Counters);
        plan.StaffTarget.ShouldBe(184);
        plan.DifferenceFromTarget.ShouldBe(plan.TotalCounters - 184);
    }

    [Fact]
    public void The_console_answer_gives_counters_and_waits_and_refuses_bad_input()
    {
        var ok = StaffingText.Staffing(40, 8, 0.9, 15);
        ok.ExitCode.ShouldBe(0);
        ok.Output.ShouldContain("Số quầy cần: 7");
        ok.Output.ShouldContain("Chờ không quá 15 phút: 98,2 %");
        ok.Output.ShouldContain("Với 6 quầy: 79,6 %");

        var bad = StaffingText.Staffing(40, 8, 1.5, 15);
        bad.ExitCode.ShouldBe(2);
        bad.Output.ShouldContain("Mục tiêu");
    }
}
