using System.Globalization;
using MotCua.Organisation.Contracts;

namespace MotCua.Forms.Contracts;

/// <summary>
/// Provinces and wards for the address pickers and the validator, from the Organisation module's unit queries
/// (the service behind /api/v1/units). Wards are listed by name, Vietnamese order, for people scanning a list.
/// </summary>
public sealed class AddressBook(UnitQueries units)
{
    /// <summary>The most codes one validation looks up (an address has two; a form has few addresses).</summary>
    public const int MaxLookups = 200;

    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);

    public async Task<IReadOnlyList<AddressUnit>> ProvincesAsync(CancellationToken ct)
        => [.. (await units.ListAsync(null, null, ct)).Select(u => new AddressUnit(u.Code, u.Name, null))];

    public async Task<IReadOnlyList<AddressUnit>> WardsAsync(string provinceCode, CancellationToken ct)
        => string.IsNullOrWhiteSpace(provinceCode)
            ? []
            : [.. (await units.ListAsync(provinceCode, null, ct)).Where(u => u.Level == UnitLevel.Commune)
                .Select(u => new AddressUnit(u.Code, u.Name, u.ProvinceCode)).OrderBy(u => u.Name, ByName)];

    /// <summary>The units with these codes (unknown codes are simply absent).</summary>
    public async Task<IReadOnlyDictionary<string, AddressUnit>> LookupAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var found = new Dictionary<string, AddressUnit>(StringComparer.Ordinal);
        var queue = new Queue<string>(codes.Distinct(StringComparer.Ordinal).Take(MaxLookups));
        while (queue.TryDequeue(out var code))
        {
            if (found.ContainsKey(code) || await units.FindAsync(code, ct) is not { } unit)
            {
                continue;
            }

            found[code] = new AddressUnit(unit.Code, unit.Name, unit.Level == UnitLevel.Province ? null : unit.ProvinceCode);
            if (unit.Level != UnitLevel.Province && unit.ProvinceCode is { } province && !found.ContainsKey(province))
            {
                // The ward's province too, for the full address.
                queue.Enqueue(province);
            }
        }

        return found;
    }
}
