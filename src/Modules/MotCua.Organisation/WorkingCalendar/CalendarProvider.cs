using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Calendar.Clock;
using MotCua.Calendar.Holidays;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;

namespace MotCua.Organisation.WorkingCalendar;

/// <summary>
/// The working calendar in force: the entered arrangements from the database (years without entries follow
/// the Labor Code rules). Rebuilt after a change on this node and checked against the database every 30
/// seconds for changes made on other nodes. Working periods come from <see cref="CalendarOptions"/>. Dates already issued to dossiers are stored with them, so a
/// change only affects clocks computed after it.
/// </summary>
internal sealed class CalendarProvider(IServiceScopeFactory scopes, TimeProvider time, IOptions<CalendarOptions> options) : IDeadlineClocks, IDisposable
{
    private readonly MotCua.Calendar.Working.WorkingHours hours = options.Value.ToWorkingHours();

    public TimeOnly? DefaultCutOff { get; } = options.Value.ToCutOff();
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim gate = new(1, 1);
    private DeadlineClock? clock;
    private (int Count, DateTimeOffset? Last) revision = (-1, null);
    private DateTimeOffset checkedAt = DateTimeOffset.MinValue;

    public async ValueTask<DeadlineClock> ClockAsync(CancellationToken ct)
    {
        if (clock is not null && time.GetUtcNow() - checkedAt < CheckInterval)
        {
            return clock;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (clock is null || time.GetUtcNow() - checkedAt >= CheckInterval)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
                var days = db.Set<CalendarDay>();
                var current = (await days.CountAsync(ct), await days.MaxAsync(d => (DateTimeOffset?)d.CreatedAt, ct));
                if (clock is null || current != revision)
                {
                    clock = await BuildAsync(db, ct);
                    revision = current;
                }

                checkedAt = time.GetUtcNow();
            }
        }
        finally
        {
            gate.Release();
        }

        return clock;
    }

    /// <summary>Forgets the calendar so the next clock is built from the database.</summary>
    public void Invalidate() => checkedAt = DateTimeOffset.MinValue;

    public void Dispose() => gate.Dispose();

    private async Task<DeadlineClock> BuildAsync(MotCuaDb db, CancellationToken ct)
    {
        var entries = await db.Set<CalendarDay>().AsNoTracking().ToListAsync(ct);
        var arrangements = entries.Count == 0 ? HolidayArrangements.Bundled : new HolidayArrangements(entries.Select(e => e.ToEntry()));
        return new DeadlineClock(new MotCua.Calendar.Working.WorkingCalendar(arrangements, hours), time);
    }
}
