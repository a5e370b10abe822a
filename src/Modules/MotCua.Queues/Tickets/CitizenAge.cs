using System.Globalization;

namespace MotCua.Queues.Tickets;

/// <summary>
/// The birth year in a 12-digit personal identification number (số định danh cá nhân, Circular 59/2021/TT-BCA
/// Art. 7): digits 1–3 the province of birth, digit 4 century and sex (0/1: 20th century, 2/3: 21st, 4/5: 22nd
/// …), digits 5–6 the last two digits of the birth year.
/// </summary>
internal static class CitizenAge
{
    public static int? BirthYear(string? idNumber)
    {
        if (idNumber is not { Length: 12 } || !idNumber.All(char.IsAsciiDigit))
        {
            return null;
        }

        var century = (idNumber[3] - '0') / 2;
        if (century > 4)
        {
            return null;
        }

        return 1900 + (century * 100) + int.Parse(idNumber.AsSpan(4, 2), CultureInfo.InvariantCulture);
    }

    /// <summary>The age reached during the given year (the rule counts the year of birth, not the day).</summary>
    public static int? AgeIn(string? idNumber, int year) => BirthYear(idNumber) is { } born ? year - born : null;
}
