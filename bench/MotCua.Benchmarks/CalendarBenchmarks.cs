using BenchmarkDotNet.Attributes;
using MotCua.Calendar.Clock;
using MotCua.Calendar.Working;

namespace MotCua.Benchmarks;

/// <summary>
/// Due-instant computation for 1–60 working days from receptions in the weeks before Tết (2021–2030, so every
/// budget spans the Tết days off), on the bundled arrangements and the default periods. Each benchmark runs
/// <see cref="Batch"/> computations: BenchmarkDotNet's "Op" is one computation. Target: ≥ 1,000,000 a second
/// on one core (≤ 1 µs each).
/// </summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private const int Batch = 4096;

    private readonly DeadlineClock clock = new(WorkingCalendar.Default, TimeProvider.System);
    private readonly DateTimeOffset[] receptions = new DateTimeOffset[Batch];
    private readonly ClockBudget[] budgets = new ClockBudget[Batch];
    private readonly ClockRequest[] pausedRequests = new ClockRequest[Batch];

    [GlobalSetup]
    public void Prepare()
    {
        var random = new Random(2026);
        var offset = TimeSpan.FromHours(7);
        for (var i = 0; i < Batch; i++)
        {
            var year = 2021 + random.Next(10);
            var received = new DateTimeOffset(year, 1, 2, 0, 0, 0, offset).AddDays(random.Next(40)).AddMinutes(random.Next(24 * 60));
            receptions[i] = received;
            budgets[i] = ClockBudget.WorkingDays(1 + random.Next(60));
            var pauseStart = received.AddHours(1 + random.Next(72));
            pausedRequests[i] = new ClockRequest(received, budgets[i])
            {
                Pauses = [new ClockPause(pauseStart, pauseStart.AddHours(1 + random.Next(24 * 10)))],
            };
        }

        // Build the tables before measuring.
        _ = clock.DueAt(receptions[0], budgets[0]);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "due instant, 1–60 working days over Tết")]
    public long DueInstants()
    {
        long sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += clock.DueAt(receptions[i], budgets[i]).UtcTicks;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "due instant with one pause, 1–60 working days over Tết")]
    public long DueInstantsWithAPause()
    {
        long sum = 0;
        for (var i = 0; i < Batch; i++)
        {
            sum += clock.Compute(pausedRequests[i]).Due!.Value.UtcTicks;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "working day? (one table look-up)")]
    public int WorkingDays()
    {
        var count = 0;
        var calendar = clock.Calendar;
        for (var i = 0; i < Batch; i++)
        {
            if (calendar.IsWorkingDay(DateOnly.FromDateTime(receptions[i].DateTime)))
            {
                count++;
            }
        }

        return count;
    }
}
