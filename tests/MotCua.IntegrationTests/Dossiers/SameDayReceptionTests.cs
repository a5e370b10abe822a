using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Calendar.Working;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>
/// A same-day procedure received at the counter (birth registration: "nếu tiếp nhận hồ sơ sau 15 giờ thì … trả kết
/// quả trong ngày làm việc tiếp theo"), its appointment read back over HTTP. An app of its own, its clock set to the
/// next working day at 09:00 and then 15:30 (local time).
/// </summary>
public abstract class SameDayReceptionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly ShiftedTime time = new();
    private MotCuaApp App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = new MotCuaApp(provider, time: time);
        await App.InitializeAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    private static DateTimeOffset Local(DateOnly day, int hour, int minute)
        => new(day.ToDateTime(new TimeOnly(hour, minute)), WorkingCalendar.LocalOffset);

    [Fact]
    public async Task Received_before_the_cut_off_it_is_due_at_the_end_of_the_day_after_it_at_the_end_of_the_next_working_day()
    {
        WorkingCalendar calendar;
        using (var scope = App.Services.CreateScope())
        {
            calendar = (await scope.ServiceProvider.GetRequiredService<MotCua.Dossiers.Reception.DueDates>().ClockAsync(CancellationToken.None)).Calendar;
        }

        var day = calendar.NextWorkingDay(WorkingCalendar.LocalDate(DateTimeOffset.UtcNow));
        var next = calendar.NextWorkingDay(day);

        time.MoveTo(Local(day, 9, 0));
        using var officer = await App.SignedInAsync("tiepnhan");
        var morning = await ReceiveAsync(officer, "001090000011");
        morning.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(Local(day, 17, 0), "09:00 on a working day: 17:00 the same day, not 09:00 the next day");

        // The receipt (form 01) states the legal time as the citizen reads it, not "1 trong ngày làm việc".
        var slip = await officer.GetAsync($"/api/v1/dossiers/{morning.GetProperty("code").GetString()}/slip");
        slip.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(await slip.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor.ContentOrderTextExtractor.GetText(p))).Normalize(System.Text.NormalizationForm.FormC);
            text.ShouldContain("Trong ngày làm việc");
            text.ShouldNotContain("1 Trong ngày");
        }

        time.MoveTo(Local(day, 15, 30));
        var afternoon = await ReceiveAsync(officer, "001090000012");
        afternoon.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(Local(next, 17, 0), "15:30 is after the 15:00 cut-off: the end of the next working day");
    }

    [Fact]
    public async Task The_procedure_page_says_same_day_and_the_cut_off()
    {
        using var client = App.Client();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/procedures/{Reception.BirthRegistration}"));

        page.ShouldContain("Trong ngày làm việc");
        page.ShouldContain("tiếp nhận sau 15:00 thì tính từ ngày làm việc tiếp theo");
    }

    private static async Task<JsonElement> ReceiveAsync(HttpClient officer, string idNumber)
    {
        var sha = await Reception.UploadAsync(officer, Reception.PdfWith(idNumber), $"to-khai-{idNumber}.pdf");
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha, idNumber: idNumber));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        return await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
    }
}

public sealed class SameDayReceptionOnSqlite() : SameDayReceptionTests(DatabaseProvider.Sqlite);

public sealed class SameDayReceptionOnPostgres() : SameDayReceptionTests(DatabaseProvider.Postgres);
