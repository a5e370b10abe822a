using MotCua.Organisation.Contracts;

namespace MotCua.Tests.Organisation;

public sealed class OpeningHoursTextTests
{
    [Fact]
    public void Consecutive_days_with_equal_hours_are_grouped_and_spelled_out()
    {
        const string posted = "T2-T6 08:00-12:00,13:00-17:00; T7 08:00-12:00";

        OpeningHoursText.Format(posted, english: false).ShouldBe("Thứ Hai–Thứ Sáu 8:00–12:00, 13:00–17:00; Thứ Bảy 8:00–12:00");
        OpeningHoursText.Format(posted, english: true).ShouldBe("Mon–Fri 8:00–12:00, 13:00–17:00; Sat 8:00–12:00");
    }

    [Fact]
    public void Days_entered_one_by_one_are_grouped_when_their_hours_match()
    {
        const string posted = "T2 07:30-11:30,13:30-17:00; T3 07:30-11:30,13:30-17:00; T4 07:30-11:30,13:30-17:00; T5 07:30-11:30; T6 07:30-11:30,13:30-17:00";

        OpeningHoursText.Format(posted, english: false)
            .ShouldBe("Thứ Hai–Thứ Tư 7:30–11:30, 13:30–17:00; Thứ Năm 7:30–11:30; Thứ Sáu 7:30–11:30, 13:30–17:00");
    }

    [Fact]
    public void Two_consecutive_days_are_joined_with_a_comma_and_a_gap_breaks_a_group()
    {
        OpeningHoursText.Format("T7-CN 08:00-11:30", english: false).ShouldBe("Thứ Bảy, Chủ Nhật 8:00–11:30");
        OpeningHoursText.Format("T2 08:00-17:00; T4 08:00-17:00", english: true).ShouldBe("Mon 8:00–17:00; Wed 8:00–17:00");
    }

    [Fact]
    public void Text_that_does_not_parse_is_shown_as_stored()
    {
        OpeningHoursText.Format("Theo lịch của phường", english: false).ShouldBe("Theo lịch của phường");
        OpeningHoursText.Format((string?)null, english: false).ShouldBe("");
    }
}
