using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Platform.Data;

namespace MotCua.Queues.Tickets;

/// <summary>
/// Issues ticket numbers unique per point and local day, never twice, from several app instances and concurrent
/// kiosks: one upsert of the point's day counter INSIDE the transaction that inserts the ticket (the same
/// approach as dossier codes, docs/adr/0004). PostgreSQL's row lock orders concurrent issuers at one point; a
/// rolled-back transaction takes its number back. SQLite serialises writers.
/// </summary>
internal static class TicketNumbers
{
    public static async Task<int> NextAsync(MotCuaDb db, Guid pointId, DateOnly day, CancellationToken ct)
    {
        _ = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A ticket number must be issued inside the transaction that saves the ticket.");

        // Not composed, so EF sends it as written; the parameters get each provider's Guid/DateOnly mapping.
        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO queue_ticket_counters ("PointId", "Day", "Last") VALUES ({pointId}, {day}, 1)
            ON CONFLICT ("PointId", "Day") DO UPDATE SET "Last" = queue_ticket_counters."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return numbers.Single();
    }

    public static string Format(string letter, int number) => string.Create(CultureInfo.InvariantCulture, $"{letter}-{number:0000}");
}
