using Microsoft.EntityFrameworkCore;
using MotCua.Calendar.Holidays;
using MotCua.Platform.Data;
using MotCua.Platform.Startup;

namespace MotCua.Organisation.WorkingCalendar;

/// <summary>Loads the bundled arrangements 2020–2026 (seed/vn_holidays_2020_2026.csv) into an empty table.</summary>
internal sealed class CalendarDaySeeder(MotCuaDb db, TimeProvider time) : ISeeder
{
    public int Order => 15;

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<CalendarDay>().AnyAsync(ct))
        {
            return;
        }

        var now = time.GetUtcNow();
        foreach (var e in HolidayArrangements.ReadBundled())
        {
            db.Add(new CalendarDay { Date = e.Date, Kind = e.Kind, NameVi = e.NameVi, NameEn = e.NameEn, Source = e.Source, CreatedAt = now, CreatedBy = "seed" });
        }

        await db.SaveChangesAsync(ct);
    }
}
