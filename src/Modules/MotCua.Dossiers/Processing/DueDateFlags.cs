using MotCua.Calendar.Working;
using MotCua.Dossiers.Processing;

namespace MotCua.Dossiers;

/// <summary>
/// Two facts about the dates a dossier was given, stored when they are given and never recomputed:
/// <list type="bullet">
/// <item><b>Provisional</b> (tạm tính): the date was computed across a year whose arrangement the government had
/// not announced (no entered data: the Labor Code rules stood in for it, see
/// <see cref="MotCua.Calendar.Holidays.HolidayArrangements.IsAnnounced"/>). When the real arrangement is entered
/// later, the date already given stays as it is — and stays flagged — so the receipt, the book and the dossier
/// keep telling the same story; only dates computed afterwards use the new arrangement.</item>
/// <item><b>Late apology</b> (xin lỗi muộn): Decree 118/2025 wants the apology and new date (form 04) to reach the
/// citizen at least one working day before the due instant; an extension recorded later is still allowed (the
/// citizen must be told) but is recorded as late, shown on the dossier and counted.</item>
/// </list>
/// </summary>
internal sealed partial class Dossier
{
    /// <summary>The first appointment (<see cref="OriginalDueAt"/>, printed on form 01) depended on a year computed from the rules.</summary>
    public bool OriginalDueProvisional { get; private set; }

    /// <summary>The appointment in force (<see cref="DueAt"/>) depended on a year computed from the rules when it was computed.</summary>
    public bool DueProvisional { get; private set; }

    /// <summary>The apology and new date (form 04) was recorded less than one working day before the due instant.</summary>
    public bool ApologyLate { get; private set; }

    /// <summary>The years the appointment in force depends on that are not announced in <paramref name="calendar"/> (empty when none).</summary>
    public IReadOnlyList<int> ProvisionalYears(WorkingCalendar calendar)
        => ReceivedAt is { } r && DueAt is { } due ? calendar.Arrangements.ProvisionalYears(WorkingCalendar.LocalDate(r), WorkingCalendar.LocalDate(due)) : [];

    /// <summary>At reception (and whenever the due instant is recomputed): flag the date just given.</summary>
    private void FlagProvisional(WorkingCalendar calendar, bool original)
    {
        DueProvisional = ProvisionalYears(calendar).Count > 0;
        if (original)
        {
            OriginalDueProvisional = DueProvisional;
        }
    }

    /// <summary>Whether an apology recorded at <paramref name="now"/> for the due instant <paramref name="due"/> is late (less than one working day before it).</summary>
    public static bool IsLateApology(WorkingCalendar calendar, DateTimeOffset due, DateTimeOffset now)
        => now >= due || calendar.WorkingTimeBetween(now, due) < calendar.Hours.DayLength;

    private void FlagApology(ProcessContext ctx, DateTimeOffset due, DateTimeOffset now)
        => ApologyLate = IsLateApology(ctx.Clock.Calendar, due, now);
}
