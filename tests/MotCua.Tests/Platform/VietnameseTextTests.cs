using MotCua.Platform.Text;

namespace MotCua.Tests.Platform;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Thủ tục đăng ký khai sinh", "thu tuc dang ky khai sinh")]
    [InlineData("ĐĂNG KÝ  KẾT HÔN", "dang ky ket hon")]
    [InlineData("Hồ sơ", "ho so")]
    [InlineData("", "")]
    public void Folding_removes_accents_case_and_extra_spaces(string text, string folded)
        => VietnameseText.Fold(text).ShouldBe(folded);

    [Fact]
    public void Old_and_new_tone_placements_become_one_name()
    {
        VietnameseText.Canonical("Phường Thuỷ Khuê").ShouldBe(VietnameseText.Canonical("Phường Thủy Khuê"));
        VietnameseText.Canonical("Hoà Bình").ShouldBe("Hòa Bình");
        VietnameseText.Canonical("Xã Đoài Phương").ShouldBe("Xã Đoài Phương", "the mark stays before a following vowel");
    }

    [Theory]
    [InlineData("Phường Hoàng Liệt")]
    [InlineData("Phường Quỳnh Mai")]
    [InlineData("Xã Quý Lộc")]
    [InlineData("Phường Khương Đình")]
    [InlineData("Xã Thuỵ Lâm")]
    public void A_syllable_that_goes_on_after_the_pair_keeps_its_mark(string name)
        => VietnameseText.Canonical(name).ShouldBe(name.Replace("Thuỵ", "Thụy", StringComparison.Ordinal));

    [Fact]
    public void Csv_fields_keep_quoted_commas_quotes_and_line_breaks()
    {
        var table = CsvTable.Read(new StringReader("code,name,note\n1,\"Đăng ký, khai sinh\",\"dòng 1\ndòng 2\"\n2,\"Nói \"\"xin chào\"\"\",\n3,ngắn\n"));

        table.Rows.Count.ShouldBe(3);
        table.Rows[0]["name"].ShouldBe("Đăng ký, khai sinh");
        table.Rows[0]["note"].ShouldBe("dòng 1\ndòng 2");
        table.Rows[1]["name"].ShouldBe("Nói \"xin chào\"");
        table.Rows[2]["note"].ShouldBe("");
        table.Rows[2].Line.ShouldBe(5);
    }
}
