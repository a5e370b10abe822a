using System.Text;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Import;
using MotCua.Catalog.Procedures;

namespace MotCua.Tests.Catalog;

/// <summary>What the catalog's words say about the time: same day and its cut-off, working vs clock hours, half days.</summary>
public sealed class ProcessingTimeTextTests
{
    private static readonly Lazy<CatalogRead> Real = new(() =>
    {
        using var stream = SeedFiles.Open("tthc_catalog_sample.json");
        return CatalogJsonReader.Read(stream, "tthc_catalog_sample.json");
    });

    private static ProcedureContent RealProcedure(string code) => Real.Value.Procedures.Single(p => p.Code == code);

    private static CatalogRead Json(string timeText, string? timeValue, string timeUnit, string feeText = "", string steps = "") => CatalogJsonReader.Read(
        new MemoryStream(Encoding.UTF8.GetBytes($$"""
            [{"code": "1.000001", "name": "Thủ tục thử", "field": "Hộ tịch", "levels": ["Cấp xã"], "steps_text": {{System.Text.Json.JsonSerializer.Serialize(steps)}},
              "channels": [{"channel": "Trực tiếp", "time_text": "{{timeText}}", "time_value": {{timeValue ?? "null"}}, "time_unit": "{{timeUnit}}", "fee_text": {{System.Text.Json.JsonSerializer.Serialize(feeText)}}, "is_free": true, "fee_unspecified": false, "fee_amounts": []}],
              "document_groups": []}]
            """)), "t.json");

    [Theory]
    [InlineData("1.001193")] // đăng ký khai sinh: "nếu tiếp nhận hồ sơ sau 15 giờ thì có Phiếu hẹn, trả kết quả … trong ngày làm việc tiếp theo"
    [InlineData("1.000656")] // đăng ký khai tử
    [InlineData("1.001766")] // khai tử có yếu tố nước ngoài
    public void Civil_status_registrations_of_the_real_catalog_are_same_day_with_a_15_00_cut_off(string code)
    {
        var p = RealProcedure(code);

        p.Channels.ShouldAllBe(c => c.Time.Unit == TimeUnit.SameDay && c.Time.Value == 1m);
        p.ReceptionCutOff.ShouldBe(new TimeOnly(15, 0));
        Real.Value.Problems.ShouldContain(x => x.ProcedureCode == code && x.Reason.Contains("read as same day", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cut_off_for_the_completeness_reply_is_not_a_same_day_procedure()
    {
        // 1.014848: "Trường hợp cơ quan tiếp nhận hồ sơ sau 16 giờ thì văn bản trả lời được gửi trong ngày làm việc tiếp theo" — 20 working days.
        var p = RealProcedure("1.014848");

        p.Channels.ShouldAllBe(c => c.Time.Unit == TimeUnit.WorkingDays && c.Time.Value == 20m);
        p.ReceptionCutOff.ShouldBeNull();
    }

    [Fact]
    public void A_longer_stated_time_beside_same_day_words_is_kept_and_reported()
    {
        // 1.011441: "giải quyết … trong ngày làm việc nhận được hồ sơ hợp lệ; … kéo dài … không quá 03 ngày làm việc".
        var p = RealProcedure("1.011441");

        p.Channels.ShouldAllBe(c => c.Time.Unit == TimeUnit.WorkingDays && c.Time.Value == 3m);
        p.ReceptionCutOff.ShouldBeNull();
        Real.Value.Problems.ShouldContain(x => x.ProcedureCode == "1.011441" && x.Reason.Contains("check whether the procedure is a same-day one", StringComparison.Ordinal));
    }

    [Fact]
    public void Working_hours_named_in_the_text_stay_working_hours()
    {
        // 1.013065: "8 Giờ", "Không quá 8 giờ làm việc, kể từ khi nhận đủ hồ sơ hợp lệ".
        RealProcedure("1.013065").Channels.Single(c => c.Channel == Channel.Online).Time.ShouldBe(new ProcessingTime(8m, TimeUnit.WorkingHours, "8 Giờ"));
    }

    [Theory]
    [InlineData("Trong ngày", null, "")]
    [InlineData("Trong ngày làm việc", null, "")]
    [InlineData("trong ngày", "1.0", "Ngày làm việc")]
    public void Trong_ngay_is_same_day(string text, string? value, string unit)
    {
        var read = Json(text, value, unit);

        var time = read.Procedures.Single().Channels.Single().Time;
        time.Unit.ShouldBe(TimeUnit.SameDay);
        time.Value.ShouldBe(1m);
        read.Problems.ShouldNotContain(p => p.Reason.Contains("no processing time", StringComparison.Ordinal));
    }

    [Fact]
    public void The_next_working_day_is_not_same_day()
        => Json("1 Ngày làm việc", "1.0", "Ngày làm việc", feeText: "Trả kết quả trong ngày làm việc tiếp theo").Procedures.Single().Channels.Single().Time.Unit.ShouldBe(TimeUnit.WorkingDays);

    [Fact]
    public void A_cut_off_with_minutes_is_read()
    {
        var p = Json("1", "1.0", "", steps: "Nếu tiếp nhận hồ sơ sau 15 giờ 30 phút thì trả kết quả trong ngày làm việc tiếp theo.").Procedures.Single();

        p.Channels.Single().Time.Unit.ShouldBe(TimeUnit.SameDay);
        p.ReceptionCutOff.ShouldBe(new TimeOnly(15, 30));
    }

    [Theory]
    [InlineData("24 Giờ", "24.0", "Giờ", "", TimeUnit.ClockHours)]
    [InlineData("2 Giờ", "2.0", "Giờ", "trong thời hạn 02 giờ liên tục kể từ khi tiếp nhận", TimeUnit.ClockHours)]
    [InlineData("8 Giờ", "8.0", "Giờ", "Không quá 8 giờ làm việc", TimeUnit.WorkingHours)]
    [InlineData("4 Giờ làm việc", "4.0", "Giờ làm việc", "", TimeUnit.WorkingHours)]
    [InlineData("3 Giờ", "3.0", "Giờ", "", TimeUnit.WorkingHours)]
    public void Hours_are_told_apart_by_the_text(string text, string value, string unit, string feeText, TimeUnit expected)
        => Json(text, value, unit, feeText).Procedures.Single().Channels.Single().Time.Unit.ShouldBe(expected);

    [Theory]
    [InlineData("0,5 Ngày làm việc", "")]
    [InlineData("0,5 ngày làm việc", "Ngày làm việc")]
    [InlineData("Nửa ngày làm việc", "")]
    public void Half_a_working_day_written_with_a_comma_is_half_a_working_day(string text, string unit)
    {
        var read = Json(text, null, unit);

        var time = read.Procedures.Single().Channels.Single().Time;
        time.Value.ShouldBe(0.5m);
        time.Unit.ShouldBe(TimeUnit.WorkingDays);
        read.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_version_without_a_cut_off_keeps_its_fingerprint()
    {
        var content = new ProcedureContent { Code = "1.000001", Name = "Thủ tục thử" };

        ProcedureJson.Serialize(content).ShouldNotContain("receptionCutOff", Case.Insensitive);
        ProcedureJson.Serialize(content with { ReceptionCutOff = new TimeOnly(15, 0) }).ShouldContain("\"receptionCutOff\":\"15:00:00\"");
        ProcedureJson.Deserialize(ProcedureJson.Serialize(content with { ReceptionCutOff = new TimeOnly(15, 0) })).ReceptionCutOff.ShouldBe(new TimeOnly(15, 0));
    }
}
