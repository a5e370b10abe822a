using Microsoft.EntityFrameworkCore;
using MotCua.Calendar.Holidays;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Text;

namespace MotCua.Organisation.WorkingCalendar;

internal sealed record NewCalendarDay(DateOnly Date, DayKind Kind, string? NameVi, string? NameEn, string? LegalDocument);

/// <summary>
/// An administrator adds or removes a day of a year's arrangements, always with the legal document as the
/// reason; the change is audited and affects clocks computed afterwards. Adding to a year that had no
/// entries first writes that year's Labor Code days, since an entered year is complete as entered.
/// </summary>
internal sealed class ChangeCalendarDay(MotCuaDb db, CalendarProvider calendars, AuditTrail audit, CurrentActor actor, TimeProvider time)
{
    public async Task<Result<Done>> AddAsync(NewCalendarDay day, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(day.LegalDocument))
        {
            errors.Add(Error.Required("legalDocument", "văn bản pháp lý (số hiệu hoặc nguồn) làm căn cứ"));
        }

        TextLimits.Check(day.LegalDocument?.Trim(), TextLimits.LegalDocument, "legalDocument", "văn bản pháp lý", errors);
        TextLimits.Check(day.NameVi?.Trim(), TextLimits.Name, "nameVi", "tên ngày", errors);
        TextLimits.Check(day.NameEn?.Trim(), TextLimits.Name, "nameEn", "tên ngày (tiếng Anh)", errors);
        if (string.IsNullOrWhiteSpace(day.NameVi))
        {
            errors.Add(Error.Required("nameVi", "tên ngày nghỉ hoặc ngày làm bù"));
        }

        if (day.Date.Year is < 1900 or > 2100)
        {
            errors.Add(Error.Invalid("date", "Năm phải từ 1900 đến 2100."));
        }

        var weekend = LaborCodeHolidays.IsWeekend(day.Date);
        if (day.Kind == DayKind.MakeUpWorkingDay && !weekend)
        {
            errors.Add(Error.Invalid("kind", "Ngày làm bù phải là Thứ Bảy hoặc Chủ nhật."));
        }

        if (day.Kind is DayKind.CompensatoryDayOff or DayKind.SwappedDayOff && weekend)
        {
            errors.Add(Error.Invalid("kind", "Ngày nghỉ bù hoặc nghỉ hoán đổi phải là ngày trong tuần (Thứ Hai đến Thứ Sáu)."));
        }

        if (!Enum.IsDefined(day.Kind))
        {
            errors.Add(Error.Invalid("kind", "Loại ngày không hợp lệ."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (await db.Set<CalendarDay>().AnyAsync(d => d.Date == day.Date, ct))
        {
            return Error.Conflict($"Ngày {day.Date:dd/MM/yyyy} đã có trong lịch; xóa ngày đó trước khi nhập lại.");
        }

        var now = time.GetUtcNow();
        var year = day.Date.Year;
        if (!await db.Set<CalendarDay>().AnyAsync(d => d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31), ct))
        {
            foreach (var e in LaborCodeHolidays.Generate(year).Where(e => e.Date != day.Date))
            {
                db.Add(new CalendarDay { Date = e.Date, Kind = e.Kind, NameVi = e.NameVi, NameEn = e.NameEn, Source = e.Source, LegalBasisVi = e.LegalBasisVi, CreatedAt = now, CreatedBy = actor.Name });
            }
        }

        db.Add(new CalendarDay
        {
            Date = day.Date,
            Kind = day.Kind,
            NameVi = day.NameVi!.Trim(),
            NameEn = string.IsNullOrWhiteSpace(day.NameEn) ? day.NameVi.Trim() : day.NameEn.Trim(),
            Source = day.LegalDocument!.Trim(),
            LegalBasisVi = day.LegalDocument!.Trim(),
            CreatedAt = now,
            CreatedBy = actor.Name,
        });
        audit.Record("calendar.day.added", $"calendar:{day.Date:yyyy-MM-dd}", $"{day.Kind}; {day.NameVi}; {day.LegalDocument}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator entered the same day (or the same year) at the same moment.
            return Error.Conflict($"Ngày {day.Date:dd/MM/yyyy} vừa được người khác nhập; tải lại lịch và thử lại.");
        }

        calendars.Invalidate();
        return Done.Value;
    }

    public async Task<Result<Done>> RemoveAsync(DateOnly date, string? legalDocument, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(legalDocument))
        {
            return Error.Required("legalDocument", "văn bản pháp lý làm căn cứ cho việc xóa");
        }

        if (TextLimits.Check(legalDocument.Trim(), TextLimits.LegalDocument, "legalDocument", "văn bản pháp lý") is { } tooLong)
        {
            return tooLong;
        }

        var day = await db.Set<CalendarDay>().FirstOrDefaultAsync(d => d.Date == date, ct);
        if (day is null)
        {
            return Error.NotFound($"ngày {date:dd/MM/yyyy} trong lịch đã nhập");
        }

        db.Remove(day);
        audit.Record("calendar.day.removed", $"calendar:{date:yyyy-MM-dd}", $"{day.Kind}; {day.NameVi}; căn cứ: {legalDocument.Trim()}");
        await db.SaveChangesAsync(ct);
        calendars.Invalidate();
        return Done.Value;
    }
}
