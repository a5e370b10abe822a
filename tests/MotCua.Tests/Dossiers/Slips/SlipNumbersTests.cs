using MotCua.Dossiers.Slips;

namespace MotCua.Tests.Dossiers.Slips;

public sealed class SlipNumbersTests
{
    [Theory]
    [InlineData(1, "01 (một) bộ")]
    [InlineData(3, "03 (ba) bộ")]
    [InlineData(10, "10 (mười) bộ")]
    [InlineData(11, "11 (mười một) bộ")]
    [InlineData(14, "14 (mười bốn) bộ")]
    [InlineData(15, "15 (mười lăm) bộ")]
    [InlineData(20, "20 (hai mươi) bộ")]
    public void The_number_of_sets_is_written_with_two_digits_and_in_words(int sets, string expected)
        => SlipNumbers.Sets(sets).ShouldBe(expected);

    [Theory]
    [InlineData(21, "hai mươi mốt")]
    [InlineData(24, "hai mươi tư")]
    [InlineData(35, "ba mươi lăm")]
    [InlineData(105, "một trăm linh năm")]
    [InlineData(999, "chín trăm chín mươi chín")]
    public void Larger_numbers_follow_the_usual_reading(int n, string expected) => SlipNumbers.Words(n).ShouldBe(expected);
}
