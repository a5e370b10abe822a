using MotCua.Queues.Recommendations;

namespace MotCua.Tests.Queues;

public sealed class RecommendationAdviceTests
{
    private static PointChoice Choice(string name, double km, int travel, int? wait, bool nearest = false)
        => new(name, name, "Chi nhánh", "", km, travel, wait, wait is { } w ? travel + w : null, 0, wait is null ? 0 : 1, nearest);

    [Fact]
    public void A_better_point_is_named_with_its_distance_and_both_waits()
    {
        var ranked = new[] { Choice("Chi nhánh số 3", 1.8, 15, 5), Choice("Chi nhánh số 1", 0.4, 8, 40, nearest: true) };
        RecommendPoints.Advice(ranked).ShouldBe("Chi nhánh số 3, cách 1,8 km, đang chờ khoảng 5 phút thay vì 40 phút ở Chi nhánh số 1 (gần nhất).");
    }

    [Fact]
    public void No_advice_when_the_nearest_point_is_best()
        => RecommendPoints.Advice([Choice("Chi nhánh số 1", 0.4, 8, 3, nearest: true), Choice("Chi nhánh số 3", 1.8, 15, 0)]).ShouldBeNull();

    [Fact]
    public void No_advice_for_a_saving_under_five_minutes()
        // Nearest: 8 + 10 = 18; other: 12 + 2 = 14 — four minutes is not worth the trip.
        => RecommendPoints.Advice([Choice("Chi nhánh số 3", 1.0, 12, 2), Choice("Chi nhánh số 1", 0.4, 8, 10, nearest: true)]).ShouldBeNull();

    [Fact]
    public void When_the_nearest_point_has_no_open_counter_for_the_need_the_advice_says_so()
        => RecommendPoints.Advice([Choice("Điểm B", 2.5, 15, 10), Choice("Điểm A", 0.5, 8, null, nearest: true)])
            .ShouldBe("Điểm B, cách 2,5 km, đang chờ khoảng 10 phút; Điểm A (gần nhất) chưa mở quầy cho việc này.");
}
