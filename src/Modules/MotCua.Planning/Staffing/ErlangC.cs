using MotCua.Planning;
using MotCua.Planning.Staffing;

namespace MotCua.Planning.Staffing;

/// <summary>
/// The M/M/c queue (Erlang C): arrivals at rate λ, exponential service at rate μ per counter, c counters,
/// one shared queue (one ticket number sequence per point). Offered load a = λ/μ erlangs; stable only if c &gt; a.
/// <list type="bullet">
/// <item>Erlang B by the recurrence B(0, a) = 1, B(n, a) = a·B(n−1, a) / (n + a·B(n−1, a)) — no factorials,
/// no overflow, stable for any c.</item>
/// <item>Erlang C from B: C(c, a) = c·B / (c − a·(1 − B)), the probability that an arrival has to wait.</item>
/// <item>P(wait ≤ t) = 1 − C(c, a)·e^{−(cμ − λ)t}; mean wait W = C(c, a) / (cμ − λ).</item>
/// </list>
/// </summary>
internal static class ErlangC
{
    public static double ErlangB(int counters, double load)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(counters);
        ArgumentOutOfRangeException.ThrowIfNegative(load);
        var b = 1.0;
        for (var n = 1; n <= counters; n++)
        {
            b = load * b / (n + (load * b));
        }

        return b;
    }

    /// <summary>C(c, a): the probability of waiting. Refuses an unstable queue (c ≤ a), where the queue grows without bound.</summary>
    public static double WaitProbability(int counters, double load)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(load);
        if (counters <= load)
        {
            throw new PlanningInputException(
                $"Hàng đợi không ổn định: {counters} quầy không đủ cho tải {PlanningText.Number(load, 3)} erlang (cần số quầy lớn hơn tải).");
        }

        var b = ErlangB(counters, load);
        return counters * b / (counters - (load * (1 - b)));
    }
}

/// <summary>The wait figures of one point (times in minutes).</summary>
internal sealed record StaffingResult(
    int Counters,
    double ArrivalsPerHour,
    double ServiceMinutes,
    double Load,
    double Occupancy,
    double WaitProbability,
    double ServiceLevel,
    double WithinMinutes,
    double MeanWaitMinutes);

/// <summary>How many counters keep a service level (default 90 % of waits ≤ 15 minutes), by Erlang C.</summary>
internal static class CounterStaffing
{
    public const double DefaultTarget = 0.9;
    public const double DefaultWithinMinutes = 15;

    /// <summary>The wait figures for a given number of counters (refused if unstable).</summary>
    public static StaffingResult Evaluate(int counters, double arrivalsPerHour, double serviceMinutes, double withinMinutes = DefaultWithinMinutes)
    {
        Check(arrivalsPerHour, serviceMinutes, withinMinutes);
        var lambda = arrivalsPerHour / 60.0; // per minute
        var mu = 1.0 / serviceMinutes;
        var load = lambda / mu;
        if (arrivalsPerHour == 0)
        {
            return new StaffingResult(counters, 0, serviceMinutes, 0, 0, 0, 1, withinMinutes, 0);
        }

        var c = ErlangC.WaitProbability(counters, load);
        var drain = (counters * mu) - lambda;
        return new StaffingResult(
            counters, arrivalsPerHour, serviceMinutes, load, load / counters, c,
            1 - (c * Math.Exp(-drain * withinMinutes)), withinMinutes, c / drain);
    }

    /// <summary>The fewest counters c &gt; a with P(wait ≤ t) ≥ target; 0 when nobody comes.</summary>
    public static StaffingResult MinimumCounters(double arrivalsPerHour, double serviceMinutes, double target = DefaultTarget, double withinMinutes = DefaultWithinMinutes)
    {
        Check(arrivalsPerHour, serviceMinutes, withinMinutes);
        if (!(target > 0 && target < 1))
        {
            throw new PlanningInputException("Mục tiêu phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0,9).");
        }

        if (arrivalsPerHour == 0)
        {
            return Evaluate(0, 0, serviceMinutes, withinMinutes);
        }

        var load = arrivalsPerHour * serviceMinutes / 60.0;
        var counters = (int)Math.Floor(load) + 1;
        while (true)
        {
            var result = Evaluate(counters, arrivalsPerHour, serviceMinutes, withinMinutes);
            if (result.ServiceLevel >= target)
            {
                return result;
            }

            counters++;
        }
    }

    private static void Check(double arrivalsPerHour, double serviceMinutes, double withinMinutes)
    {
        if (!(arrivalsPerHour >= 0 && arrivalsPerHour <= 100_000))
        {
            throw new PlanningInputException("Số lượt đến mỗi giờ phải từ 0 đến 100.000.");
        }

        if (!(serviceMinutes > 0 && serviceMinutes <= 1_440))
        {
            throw new PlanningInputException("Thời gian phục vụ trung bình phải lớn hơn 0 và không quá 1.440 phút.");
        }

        if (!(withinMinutes >= 0 && withinMinutes <= 1_440))
        {
            throw new PlanningInputException("Thời gian chờ mục tiêu phải từ 0 đến 1.440 phút.");
        }
    }
}

/// <summary>One point's forecast: arrivals per hour for each opening hour of the day.</summary>
internal sealed record PointForecast(string PointCode, string PointName, IReadOnlyList<double> ArrivalsPerHour);

internal sealed record PointStaffing(string PointCode, string PointName, int PeakHourIndex, double PeakArrivalsPerHour, StaffingResult AtPeak);

internal sealed record StaffingPlan(IReadOnlyList<PointStaffing> Points, int TotalCounters, int StaffTarget)
{
    /// <summary>Counters needed minus the staff target (positive: more than the target).</summary>
    public int DifferenceFromTarget => TotalCounters - StaffTarget;
}

/// <summary>
/// The counters of each point from its hourly forecast: the peak hour (highest arrivals, first if tied)
/// drives the counters, one staff member per open counter; the city total is compared with the staff target
/// (184 in the founding plan).
/// </summary>
internal static class StaffingPlanner
{
    public const int CityStaffTarget = 184;

    public static StaffingPlan Plan(IEnumerable<PointForecast> forecasts, double serviceMinutes, double target = CounterStaffing.DefaultTarget,
        double withinMinutes = CounterStaffing.DefaultWithinMinutes, int staffTarget = CityStaffTarget)
    {
        var rows = new List<PointStaffing>();
        foreach (var f in forecasts)
        {
            if (f.ArrivalsPerHour.Count == 0)
            {
                throw new PlanningInputException($"Điểm {f.PointCode} không có dự báo lượt đến.");
            }

            var peak = 0;
            for (var h = 1; h < f.ArrivalsPerHour.Count; h++)
            {
                if (f.ArrivalsPerHour[h] > f.ArrivalsPerHour[peak])
                {
                    peak = h;
                }
            }

            var atPeak = CounterStaffing.MinimumCounters(f.ArrivalsPerHour[peak], serviceMinutes, target, withinMinutes);
            rows.Add(new PointStaffing(f.PointCode, f.PointName, peak, f.ArrivalsPerHour[peak], atPeak));
        }

        return new StaffingPlan(rows, rows.Sum(r => r.AtPeak.Counters), staffTarget);
    }
}
