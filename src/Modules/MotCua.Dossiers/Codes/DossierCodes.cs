using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MotCua.Platform.Data;
using MotCua.Platform.Time;

namespace MotCua.Dossiers.Codes;

/// <summary>
/// Issues dossier codes "&lt;agency electronic ID&gt;-yyMMdd-NNNN" (TT 03/2025 Art. 13): the local date of issue,
/// a sequence per agency and local day from 0001, at least 4 digits. Gapless and unique under concurrency
/// (docs/adr/0004): the counter row is incremented with one upsert INSIDE the caller's transaction, which
/// also inserts the dossier. PostgreSQL's row lock makes concurrent issuers for the same agency and day
/// wait for each other; a rolled-back transaction takes its number back with it. SQLite serialises writers.
/// </summary>
internal static class DossierCodes
{
    public static async Task<(string Code, int Sequence)> NextAsync(MotCuaDb db, string agencyElectronicId, DateTimeOffset now, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A dossier code must be issued inside the transaction that saves the dossier.");
        var day = VietnamTime.ToLocal(now).ToString("yyMMdd", CultureInfo.InvariantCulture);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = """
            INSERT INTO dossier_code_counters ("AgencyId", "Day", "Last") VALUES (@agency, @day, 1)
            ON CONFLICT ("AgencyId", "Day") DO UPDATE SET "Last" = dossier_code_counters."Last" + 1
            RETURNING "Last"
            """;
        Add(command, "@agency", agencyElectronicId);
        Add(command, "@day", day);
        var sequence = Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return (Format(agencyElectronicId, day, sequence), sequence);
    }

    public static string Format(string agencyElectronicId, string day, int sequence)
        => string.Create(CultureInfo.InvariantCulture, $"{agencyElectronicId}-{day}-{sequence:0000}");

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
