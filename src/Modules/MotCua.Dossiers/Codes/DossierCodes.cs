using System.Globalization;
using MotCua.Platform.Data;
using MotCua.Platform.Time;

namespace MotCua.Dossiers.Codes;

/// <summary>
/// Issues dossier codes "&lt;agency electronic ID&gt;-yyMMdd-NNNN" (TT 03/2025 Art. 13): the local date of issue,
/// a sequence per agency and local day from 0001, at least 4 digits. Gapless and unique under concurrency
/// (docs/adr/0004): the agency's day counter (<see cref="DayCounters"/>) inside the transaction that inserts the dossier.
/// </summary>
internal static class DossierCodes
{
    public static async Task<(string Code, int Sequence)> NextAsync(MotCuaDb db, string agencyElectronicId, DateTimeOffset now, CancellationToken ct)
    {
        var day = VietnamTime.ToLocal(now).ToString("yyMMdd", CultureInfo.InvariantCulture);
        var sequence = await DayCounters.NextAsync(db, "dossier_code_counters", "AgencyId", agencyElectronicId, day, ct);
        return (Format(agencyElectronicId, day, sequence), sequence);
    }

    public static string Format(string agencyElectronicId, string day, int sequence)
        => string.Create(CultureInfo.InvariantCulture, $"{agencyElectronicId}-{day}-{sequence:0000}");
}
