using MotCua.Catalog.Browse;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Procedures;

namespace MotCua.Tests.Catalog;

/// <summary>How the procedure page words the catalog's values.</summary>
public sealed class LabelsTests
{
    [Theory]
    [InlineData("Miễn phí", true, false, null)]
    [InlineData("Miễn phí(Không quy định.)", true, false, "Không quy định.")]
    [InlineData("Miễn phí. 06 ngày làm việc, kể từ ngày nhận đủ hồ sơ", true, false, "06 ngày làm việc, kể từ ngày nhận đủ hồ sơ")]
    [InlineData("Không có thông tin07 ngày làm việc (Sở: 03 ngày)", false, true, "07 ngày làm việc (Sở: 03 ngày)")]
    [InlineData("Miễn phí(Mức lệ phí (nếu có) theo quyết định của HĐND.)", true, false, "Mức lệ phí (nếu có) theo quyết định của HĐND.")]
    [InlineData("70,000 VNĐ(70.000 đồng/Giấy chứng nhận)", false, false, "70,000 VNĐ(70.000 đồng/Giấy chứng nhận)")]
    public void A_fee_note_keeps_what_the_catalog_says_beyond_the_label(string text, bool free, bool unspecified, string? note)
    {
        var terms = new ChannelTerms(Channel.Online, new ProcessingTime(1, TimeUnit.WorkingDays, "1"), free || unspecified ? [] : [70000], free, unspecified, text);
        ProcedureLabels.FeeNote(terms).ShouldBe(note);
    }
}
