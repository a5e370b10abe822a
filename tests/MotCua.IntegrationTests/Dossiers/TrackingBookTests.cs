using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>
/// Forms 01 and 07 agree (TT 03/2025): the tracking book's entry number (per receiving unit and book year, issued at
/// reception, gapless under concurrency) and the number of sets, read back from the PDFs; the receipt keeps its appointment.
/// </summary>
public abstract class TrackingBookTests(MotCuaApp app)
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Fact]
    public async Task Form_01_and_form_07_print_the_same_entry_number_and_number_of_sets()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var request = await RequestAsync(officer);
        request["sets"] = 3;
        var three = await CreateAsync(officer, request);
        var one = await CreateAsync(officer, await RequestAsync(officer));

        var (year, first) = await EntryAsync(officer, three);
        var (_, second) = await EntryAsync(officer, one);
        second.ShouldBe(first + 1, "the next reception of the unit takes the next entry of its book");

        var receipt = await TextAsync(officer, $"/api/v1/dossiers/{three}/slip");
        receipt.ShouldContain($"Quyển số {year}, số thứ tự {first} (");
        receipt.ShouldContain("03 (ba) bộ");
        receipt.ShouldNotContain("01 (một) bộ");
        (await TextAsync(officer, $"/api/v1/dossiers/{one}/slip")).ShouldContain("01 (một) bộ");

        // Form 07 of that book: the row of each dossier starts with its entry number and says the same number of sets.
        using var book = await PdfAsync(officer, $"/api/v1/book?year={year}");
        Row(book, three).ShouldStartWith($"{first} {three} ");
        Row(book, three).Split(' ').ShouldContain("03", "form 07's \"Số bộ\" (03 (ba) bộ, wrapped in its narrow column)");
        Row(book, one).ShouldStartWith($"{second} {one} ");
        Row(book, one).Split(' ').ShouldContain("01");
        string.Join(" ", book.GetPages().Select(p => p.Text)).ShouldContain($"Quyển số {year}");

        // The book page shows the entry number too.
        var page = await officer.GetStringAsync($"/dossiers/book?year={year}");
        page.ShouldContain($"<td>{first}</td>");
    }

    [Fact]
    public async Task Concurrent_receptions_at_one_unit_take_distinct_consecutive_entries()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var requests = new List<JsonObject>();
        for (var i = 0; i < 6; i++)
        {
            requests.Add(await RequestAsync(officer));
        }

        var codes = await Task.WhenAll(requests.Select(r => CreateAsync(officer, r)));
        var numbers = new List<int>();
        foreach (var code in codes)
        {
            numbers.Add((await EntryAsync(officer, code)).Number);
        }

        numbers.Distinct().Count().ShouldBe(6);
        (numbers.Max() - numbers.Min()).ShouldBe(5, "gapless: six receptions, six consecutive numbers");
    }

    [Fact]
    public async Task An_online_dossier_is_entered_in_the_book_when_it_is_received_not_when_it_is_submitted()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, "001085000002");
        var submitted = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", await ApplicationAsync(citizen.Http, "001085000002"));
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        using var officer = await app.SignedInAsync("tiepnhan");
        var waiting = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        waiting.GetProperty("bookNumber").ValueKind.ShouldBe(JsonValueKind.Null);
        var before = await CreateAsync(officer, await RequestAsync(officer));
        var (_, previous) = await EntryAsync(officer, before);

        await Life.ReceiveOnlineAsync(officer, code);

        var (year, number) = await EntryAsync(officer, code);
        number.ShouldBe(previous + 1);
        var dossier = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        dossier.GetProperty("setsReceived").GetInt32().ShouldBe(1);
        var receipt = await TextAsync(officer, $"/api/v1/dossiers/{code}/slip");
        receipt.ShouldContain($"Quyển số {year}, số thứ tự {number} (");
        receipt.ShouldContain("01 (một) bộ");
        using var book = await PdfAsync(officer, $"/api/v1/book?year={year}");
        Row(book, code).ShouldStartWith($"{number} {code} ");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public async Task A_number_of_sets_outside_1_to_20_is_refused_in_Vietnamese_and_nothing_is_stored(int sets)
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var request = await RequestAsync(officer);
        request["sets"] = sets;
        var before = (await EntryAsync(officer, await CreateAsync(officer, await RequestAsync(officer)))).Number;

        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("sets");
        body.ShouldContain("Số bộ hồ sơ phải là số nguyên từ 1 đến 20");
        (await EntryAsync(officer, await CreateAsync(officer, await RequestAsync(officer)))).Number.ShouldBe(before + 1, "the refused reception took no entry");
    }

    [Fact]
    public async Task A_reprinted_receipt_after_an_extension_keeps_the_appointment_given_at_reception()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        using var leader = await app.SignedInAsync("lanhdao");
        var code = await CreateAsync(officer, await RequestAsync(officer));
        var given = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}")).GetProperty("dueAt").GetDateTimeOffset();

        var extended = await leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/extensions", new { workingDays = 3, reason = "Chờ kết quả xác minh", legalBasis = "Điều 19 NĐ 118/2025" });
        extended.StatusCode.ShouldBe(HttpStatusCode.OK, await extended.Content.ReadAsStringAsync());
        var newDue = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}")).GetProperty("dueAt").GetDateTimeOffset();
        newDue.ShouldBeGreaterThan(given);

        var receipt = await TextAsync(officer, $"/api/v1/dossiers/{code}/slip");
        receipt.ShouldContain(SlipTime(given));
        receipt.ShouldNotContain(SlipTime(newDue));

        // The extension's own letter (form 04) has the new date, with the center's province as the place of its dateline.
        var apology = await TextAsync(officer, $"/api/v1/dossiers/{code}/apology");
        apology.ShouldContain(TimeZoneInfo.ConvertTime(newDue, Vietnam).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture));
        apology.ShouldContain($"Hà Nội, ngày {TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Vietnam):dd} tháng");
    }

    [Fact]
    public async Task The_supplement_slip_gives_the_contact_phone_and_the_time_allowed()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var request = Reception.Request("RequestSupplement", documents: 0);
        request["missing"] = new JsonArray(new JsonObject { ["document"] = "Giấy chứng sinh", ["reason"] = "Chưa có bản chính" });
        var code = await CreateAsync(officer, request);

        var text = await TextAsync(officer, $"/api/v1/dossiers/{code}/slip");

        text.ShouldContain("Số điện thoại liên hệ:");
        Regex.IsMatch(text, @"Số điện thoại liên hệ:\s*\d{3,}").ShouldBeTrue(text);
        text.ShouldContain("kể từ khi nhận đủ hồ sơ hợp lệ");
        (await EntryOrNullAsync(officer, code)).ShouldBeNull("a dossier guided to supplement is not entered in the book");
    }

    [Fact]
    public async Task The_supplement_slip_gives_the_officers_own_phone_recorded_on_the_staff_account()
    {
        var userName = $"tn{Guid.NewGuid():N}"[..14];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var staff = scope.ServiceProvider.GetRequiredService<MotCua.Organisation.Staff.AddStaff>();
            (await staff.RunAsync(new MotCua.Organisation.Staff.NewStaff(userName, "Lê Văn Hướng", "ReceptionOfficer", "CN01", MotCua.Organisation.Contracts.DemoStaff.Password, "abc"), CancellationToken.None))
                .Error!.Field.ShouldBe("phone");
            (await staff.RunAsync(new MotCua.Organisation.Staff.NewStaff(userName, "Lê Văn Hướng", "ReceptionOfficer", "CN01", MotCua.Organisation.Contracts.DemoStaff.Password, "0243 825 1234"), CancellationToken.None))
                .Succeeded.ShouldBeTrue();
        }

        using var officer = await app.SignedInAsync(userName);
        var request = Reception.Request("RequestSupplement", documents: 0);
        request["missing"] = new JsonArray(new JsonObject { ["document"] = "Giấy chứng sinh", ["reason"] = "Chưa có bản chính" });
        var code = await CreateAsync(officer, request);

        var text = await TextAsync(officer, $"/api/v1/dossiers/{code}/slip");

        text.ShouldContain("Số điện thoại liên hệ:0243 825 1234");
    }

    [Fact]
    public async Task An_officer_reads_only_the_book_of_their_own_unit()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        (await officer.GetAsync($"/api/v1/book?year=2026&unit={Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.GetAsync("/api/v1/book?year=1900")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static string SlipTime(DateTimeOffset instant)
        => TimeZoneInfo.ConvertTime(instant, Vietnam).ToString("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A counter reception whose first document is scanned (a fresh file each time).</summary>
    private static async Task<JsonObject> RequestAsync(HttpClient officer)
        => Reception.Request(sha: await Reception.UploadAsync(officer, Reception.PdfWith($"to khai {Guid.NewGuid()}"), "to-khai.pdf"));

    private static async Task<string> CreateAsync(HttpClient officer, JsonObject request)
    {
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static async Task<(int Year, int Number)> EntryAsync(HttpClient officer, string code)
        => await EntryOrNullAsync(officer, code) ?? throw new ShouldAssertException($"{code} has no entry in the book");

    private static async Task<(int Year, int Number)?> EntryOrNullAsync(HttpClient officer, string code)
    {
        var d = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        return d.GetProperty("bookNumber").ValueKind == JsonValueKind.Null
            ? null
            : (d.GetProperty("bookYear").GetInt32(), d.GetProperty("bookNumber").GetInt32());
    }

    private static async Task<PdfDocument> PdfAsync(HttpClient officer, string url)
    {
        var response = await officer.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        return PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task<string> TextAsync(HttpClient officer, string url)
    {
        using var pdf = await PdfAsync(officer, url);
        return string.Join(" ", pdf.GetPages().Select(p => p.Text)).Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words printed on the first line of a row of the book's table (the line of the dossier's code), left to right.</summary>
    private static string Row(PdfDocument book, string code)
    {
        foreach (var page in book.GetPages())
        {
            var words = page.GetWords().ToList();
            if (words.FirstOrDefault(w => w.Text == code) is not { } anchor)
            {
                continue;
            }

            var line = words.Where(w => Math.Abs(w.BoundingBox.Bottom - anchor.BoundingBox.Bottom) < 1).OrderBy(w => w.BoundingBox.Left);
            return string.Join(" ", line.Select(w => w.Text)).Normalize(NormalizationForm.FormC);
        }

        throw new ShouldAssertException($"{code} is not in the book");
    }

    private static async Task<JsonObject> ApplicationAsync(HttpClient citizen, string idNumber)
    {
        var files = new JsonObject();
        foreach (var key in await Application.RequiredUploadsAsync(citizen))
        {
            var sha = await Reception.UploadAsync(citizen, Reception.PdfWith($"{key} {Guid.NewGuid()}"), $"{key}.pdf");
            files[key] = new JsonObject { ["sha256"] = sha, ["fileName"] = $"{key}.pdf" };
        }

        return await Application.ForAsync(citizen, idNumber, files);
    }
}

[Collection("sqlite")]
public sealed class TrackingBookOnSqlite(SqliteApp fixture) : TrackingBookTests(fixture.App);

[Collection("postgres")]
public sealed class TrackingBookOnPostgres(PostgresApp fixture) : TrackingBookTests(fixture.App);
