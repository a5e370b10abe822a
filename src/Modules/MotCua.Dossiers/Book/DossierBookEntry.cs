namespace MotCua.Dossiers;

/// <summary>
/// The dossier's line in the tracking book (TT 03/2025 form 07) and what form 01 says about it: the book of its receiving
/// unit for the year of reception ("quyển số"), its entry number there ("số thứ tự"), and the number of sets received.
/// </summary>
internal sealed partial class Dossier
{
    /// <summary>The number of sets (bộ) of the dossier handed over (form 01 "Số lượng hồ sơ", form 07 "Số bộ"); 1 online.</summary>
    public int SetsReceived { get; private set; } = 1;

    /// <summary>The book (local year of reception) of <see cref="ReceivingUnitId"/> the dossier is entered in; null until received.</summary>
    public int? BookYear { get; private set; }

    /// <summary>The entry number in that book: 1, 2 … per receiving unit and year, issued at reception, never reused.</summary>
    public int? BookNumber { get; private set; }

    /// <summary>Enters a received dossier in its book once; later calls keep the first entry.</summary>
    internal void EnterInBook(int year, int number)
    {
        if (BookNumber is null)
        {
            BookYear = year;
            BookNumber = number;
        }
    }
}
