using MotCua.Platform.Data;
using MotCua.Platform.Time;

namespace MotCua.Dossiers.Book;

/// <summary>
/// Issues the tracking book's entry numbers (TT 03/2025 form 01 "Vào sổ theo dõi hồ sơ: quyển số …, số thứ tự …" and form
/// 07 "STT"): per receiving unit and local year of reception, from 1, gapless and never reused, from any number of nodes —
/// the unit's year counter upserted INSIDE the transaction that saves the received dossier (as the dossier codes,
/// docs/adr/0004): a rolled-back reception takes its number back. Every reception path (the counter, an online dossier,
/// one received after a supplement) calls <see cref="AssignAsync"/> before it saves.
/// </summary>
internal static class TrackingBookNumbers
{
    public const string Table = "tracking_book_counters";

    /// <summary>Enters the dossier in its book if it is received and not yet entered; needs the saving transaction.</summary>
    public static async Task AssignAsync(MotCuaDb db, Dossier dossier, CancellationToken ct)
    {
        if (dossier.ReceivedAt is not { } received || dossier.BookNumber is not null)
        {
            return;
        }

        var year = VietnamTime.ToLocal(received).Year;
        var number = await DayCounters.NextAsync(db, Table, nameof(TrackingBookCounter.UnitId), dossier.ReceivingUnitId ?? Guid.Empty, nameof(TrackingBookCounter.Year), year, ct);
        dossier.EnterInBook(year, number);
    }
}
