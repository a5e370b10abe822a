using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Text;

namespace MotCua.Organisation.Network;

internal sealed record PointChange(string Name, string Address, string OpeningHours, string? Phone, double? Latitude, double? Longitude, bool IsActive);

/// <summary>An administrator edits a branch, point or agency: name, address, hours, phone, position.</summary>
internal sealed class UpdatePoint(MotCuaDb db, AuditTrail audit)
{
    public async Task<Result<Done>> RunAsync(string code, PointChange change, CancellationToken ct)
    {
        var unit = await db.Set<OrgUnit>().FirstOrDefaultAsync(u => u.Code == code, ct);
        if (unit is null)
        {
            return Error.NotFound($"đơn vị có mã {code}");
        }

        var errors = Validate(change);
        if (errors.Count > 0)
        {
            return errors;
        }

        unit.Name = change.Name.Trim();
        unit.FoldedName = VietnameseText.Fold(unit.Name);
        unit.Address = change.Address.Trim();
        unit.OpeningHours = OpeningHours.Parse(change.OpeningHours)!.ToString();
        unit.Phone = change.Phone?.Trim() ?? "";
        unit.Latitude = change.Latitude;
        unit.Longitude = change.Longitude;
        unit.IsActive = change.IsActive;
        audit.Record("org.unit.updated", $"org-unit:{unit.Code}", $"{unit.Name}; {unit.Address}; {unit.OpeningHours}");
        await db.SaveChangesAsync(ct);
        return Done.Value;
    }

    public static List<Error> Validate(PointChange change)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(change.Name))
        {
            errors.Add(Error.Required("name", "tên đơn vị"));
        }
        else if (change.Name.Length > 300)
        {
            errors.Add(Error.Invalid("name", "Tên đơn vị dài quá 300 ký tự."));
        }

        if (string.IsNullOrWhiteSpace(change.Address))
        {
            errors.Add(Error.Required("address", "địa chỉ"));
        }

        TextLimits.Check(change.Address, TextLimits.Address, "address", "địa chỉ", errors);
        TextLimits.Check(change.Phone, TextLimits.Phone, "phone", "số điện thoại", errors);
        if (!TextLimits.Check(change.OpeningHours, 300, "openingHours", "giờ làm việc", errors))
        {
            return errors;
        }

        if (OpeningHours.TryParse(change.OpeningHours, out var hoursError) is null)
        {
            errors.Add(Error.Invalid("openingHours", hoursError!));
        }

        if (change.Latitude is { } lat && (lat < 8 || lat > 24))
        {
            errors.Add(Error.Invalid("latitude", "Vĩ độ phải nằm trong lãnh thổ Việt Nam (8 đến 24)."));
        }

        if (change.Longitude is { } lon && (lon < 102 || lon > 118))
        {
            errors.Add(Error.Invalid("longitude", "Kinh độ phải nằm trong lãnh thổ Việt Nam (102 đến 118)."));
        }

        if ((change.Latitude is null) != (change.Longitude is null))
        {
            errors.Add(Error.Invalid("latitude", "Nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai."));
        }

        return errors;
    }
}
