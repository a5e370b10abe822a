using Microsoft.EntityFrameworkCore;
using MotCua.Calendar.Holidays;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Startup;

namespace MotCua.Organisation.WorkingCalendar;

/// <summary>
/// Loads the bundled arrangements 2020–2026 (seed/vn_holidays_2020_2026.csv) into an empty table, and at every
/// start brings a database seeded from an older file in line with the bundled one WITHOUT overwriting what an
/// administrator did:
/// <list type="bullet">
/// <item>a bundled day missing from the table is added (e.g. the make-up Saturday 10/1/2026 of the Ministry of
/// Home Affairs notice of 25/12/2025, added to the file on 2026-12-07) — only into a year that was seeded from
/// the bundle, never onto a date that has a row (an administrator's row stays as entered), and never when an
/// administrator removed that date (the audit trail's <c>calendar.day.removed</c>);</item>
/// <item>a row without a legal basis to show gets one: a seeded row the bundled <c>legal_basis_vi</c> of its
/// date; an administrator's row the legal document they entered (its <see cref="CalendarDay.Source"/>).</item>
/// </list>
/// A seeder rather than a migration's data fix: it runs on both providers from the same code, survives the
/// migrations being regenerated, and is idempotent. Each day added is on the audit trail.
/// </summary>
internal sealed class CalendarDaySeeder(MotCuaDb db, AuditTrail audit, TimeProvider time) : ISeeder
{
    public const string SeedActor = "seed";

    public int Order => 15;

    public async Task SeedAsync(CancellationToken ct)
    {
        var bundled = HolidayArrangements.ReadBundled();
        var now = time.GetUtcNow();
        var days = await db.Set<CalendarDay>().ToListAsync(ct);
        if (days.Count == 0)
        {
            foreach (var e in bundled)
            {
                db.Add(New(e, now));
            }

            await db.SaveChangesAsync(ct);
            return;
        }

        var byDate = days.ToDictionary(d => d.Date);
        var bundledByDate = bundled.ToDictionary(e => e.Date);
        foreach (var d in days.Where(d => string.IsNullOrWhiteSpace(d.LegalBasisVi)))
        {
            d.LegalBasisVi = d.CreatedBy == SeedActor && bundledByDate.TryGetValue(d.Date, out var b) ? b.LegalBasisVi : d.Source;
        }

        var seededYears = days.Where(d => d.CreatedBy == SeedActor).Select(d => d.Date.Year).ToHashSet();
        var missing = bundled.Where(e => !byDate.ContainsKey(e.Date) && seededYears.Contains(e.Date.Year)).ToList();
        if (missing.Count > 0)
        {
            var subjects = missing.Select(e => Subject(e.Date)).ToList();
            var removedByAdministrator = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == "calendar.day.removed" && subjects.Contains(a.Subject))
                .Select(a => a.Subject).ToListAsync(ct)).ToHashSet();
            foreach (var e in missing.Where(e => !removedByAdministrator.Contains(Subject(e.Date))))
            {
                db.Add(New(e, now));
                audit.Record("calendar.day.added", Subject(e.Date), $"{e.Kind}; {e.NameVi}; {e.LegalBasisVi} (bổ sung từ dữ liệu kèm theo phần mềm)");
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static string Subject(DateOnly date) => $"calendar:{date:yyyy-MM-dd}";

    private static CalendarDay New(ArrangementEntry e, DateTimeOffset now)
        => new() { Date = e.Date, Kind = e.Kind, NameVi = e.NameVi, NameEn = e.NameEn, Source = e.Source, LegalBasisVi = e.LegalBasisVi, CreatedAt = now, CreatedBy = SeedActor };
}
