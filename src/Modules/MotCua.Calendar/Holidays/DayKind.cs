namespace MotCua.Calendar.Holidays;

/// <summary>What an arrangement says about a day.</summary>
public enum DayKind
{
    /// <summary>Ngày lễ, Tết (Labor Code 2019 Art. 112).</summary>
    Holiday = 1,

    /// <summary>Nghỉ bù: a holiday that fell on a weekly rest day is taken on a working day.</summary>
    CompensatoryDayOff = 2,

    /// <summary>Ngày nghỉ hoán đổi: a working day swapped for a make-up working day by a government notice.</summary>
    SwappedDayOff = 3,

    /// <summary>Ngày làm bù: a Saturday (or Sunday) worked in exchange for a swapped day off.</summary>
    MakeUpWorkingDay = 4,
}
