using MotCua.Dossiers.Applicants;

namespace MotCua.Tests.Dossiers;

/// <summary>The enterprise code (mã số doanh nghiệp): 10 digits, or 13 written 10-3.</summary>
public sealed class EnterpriseCodeTests
{
    [Theory]
    [InlineData("0101234567", "0101234567")]
    [InlineData(" 0101 234 567 ", "0101234567")]
    [InlineData("0101234567-001", "0101234567-001")]
    [InlineData("0101234567001", "0101234567-001")]
    public void A_code_of_10_or_13_digits_is_written_10_or_10_3(string typed, string written)
        => EnterpriseCode.Normalize(typed).ShouldBe(written);

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("010123456")]
    [InlineData("01012345678")]
    [InlineData("0101234567-01")]
    [InlineData("010123456-0001")]
    [InlineData("0101234567_001")]
    [InlineData("01012345６7")]
    public void Anything_else_is_not_an_enterprise_code(string typed)
        => EnterpriseCode.Normalize(typed).ShouldBeNull();
}
