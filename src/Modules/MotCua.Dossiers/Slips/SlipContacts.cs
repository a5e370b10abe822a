using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Organisation.Contracts;
using MotCua.Platform;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.Slips;

/// <summary>
/// What the forms print besides the dossier: the contact phone of the officer who guided the applicant (form 02 "liên hệ
/// cán bộ … số điện thoại …" — the staff account's phone, else the receiving unit's public phone, else the hotline), and
/// the place of the dateline (form 04 "Hà Nội, ngày …": <c>MotCua:Center:Place</c>, else the center's province).
/// </summary>
internal sealed class SlipContacts(MotCuaDb db, OrgDirectory directory, IOptions<CenterOptions> center)
{
    /// <summary>The public hotline of the one-stop network, when neither the officer nor the unit has a phone.</summary>
    public const string Hotline = "1022";

    public async Task<string> OfficerPhoneAsync(Dossier d, CancellationToken ct)
    {
        if (d.ReceivedById is { } officer
            && await db.Set<StaffUser>().AsNoTracking().Where(u => u.Id == officer).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct) is { Length: > 0 } own)
        {
            return own;
        }

        return d.ReceivingUnitId is { } unit && await directory.UnitPhoneAsync(unit, ct) is { Length: > 0 } unitPhone ? unitPhone : Hotline;
    }

    public async Task<string> PlaceAsync(CancellationToken ct)
        => center.Value.Place is { Length: > 0 } configured
            ? configured.Trim()
            : await directory.ProvinceShortNameAsync(center.Value.ProvinceCode, ct) ?? "";
}
