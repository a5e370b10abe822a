using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace MotCua.Platform.Data;

/// <summary>
/// Gapless numbers per key and local day — dossier codes per agency (TT 03/2025 Art. 13), ticket numbers per point —
/// issued from any number of nodes (docs/adr/0004): one upsert of the (key, day) counter row INSIDE the transaction
/// that saves what gets the number. PostgreSQL's row lock orders concurrent issuers of the same key and day; a
/// rolled-back transaction takes its number back with it. SQLite serialises writers.
/// </summary>
public static partial class DayCounters
{
    /// <summary>
    /// The next number of <paramref name="key"/> on <paramref name="day"/> in a counter table with the columns
    /// (<paramref name="keyColumn"/>, "Day", "Last") and a unique key on the first two.
    /// </summary>
    public static Task<int> NextAsync(MotCuaDb db, string table, string keyColumn, object key, object day, CancellationToken ct)
        => NextAsync(db, table, keyColumn, key, "Day", day, ct);

    /// <summary>
    /// The next number of <paramref name="key"/> in <paramref name="period"/> (a day, a year …) in a counter table with the
    /// columns (<paramref name="keyColumn"/>, <paramref name="periodColumn"/>, "Last") and a unique key on the first two.
    /// </summary>
    public static async Task<int> NextAsync(MotCuaDb db, string table, string keyColumn, object key, string periodColumn, object period, CancellationToken ct)
    {
        _ = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException($"A number from {table} must be issued inside the transaction that saves what it numbers.");
        if (!Identifier().IsMatch(table) || !Identifier().IsMatch(keyColumn) || !Identifier().IsMatch(periodColumn))
        {
            throw new ArgumentException("Counter tables and columns are identifiers of the model, not input.");
        }

        // Identifiers come from the modules' models (checked above); the values are parameters with each provider's mapping.
        var sql = string.Concat(
            "INSERT INTO ", table, " (\"", keyColumn, "\", \"", periodColumn, "\", \"Last\") VALUES ({0}, {1}, 1) ",
            "ON CONFLICT (\"", keyColumn, "\", \"", periodColumn, "\") DO UPDATE SET \"Last\" = ", table, ".\"Last\" + 1 ",
            "RETURNING \"Last\" AS \"Value\"");
        var numbers = await db.Database.SqlQueryRaw<int>(sql, key, period).ToListAsync(ct);
        return numbers.Single();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
