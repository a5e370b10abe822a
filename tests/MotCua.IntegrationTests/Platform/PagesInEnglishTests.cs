using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;
using MotCua.IntegrationTests.Queues;

namespace MotCua.IntegrationTests.Platform;

/// <summary>
/// Issue 17: the English switch covers every page — the kiosk (its own switch, for one visitor only), the printed
/// ticket, the entrance poster, the waiting-room board, the booking pages, the staff's dossier page with its actions
/// and timeline, the process editor, the public tracking page — and each status reads the same word everywhere.
/// Each page is read in English and must show its English words and none of its Vietnamese headings.
/// </summary>
public abstract class PagesInEnglishTests(MotCuaApp app)
{
    private const string Point = "DTN18";

    [Fact]
    public async Task The_kiosk_switches_to_English_for_one_visitor_prints_the_ticket_in_English_and_greets_the_next_in_Vietnamese()
    {
        using var client = app.Client();
        // A language cookie left on the device (someone switched a site page to English) does not speak for the kiosk.
        await client.GetAsync("/culture?lang=en&returnUrl=/");

        var start = await client.GetStringAsync($"/kiosk/{Point}");
        start.ShouldContain("<html lang=\"vi\">");
        start.ShouldContain("<h1>Lấy số thứ tự — ");
        start.ShouldContain("<nav class=\"kiosk-lang no-print\"");
        start.ShouldContain($"/kiosk/{Point}?culture=en\" lang=\"en\">English</a>");

        var english = await client.GetStringAsync($"/kiosk/{Point}?culture=en");
        english.ShouldContain("<html lang=\"en\">");
        english.ShouldContain("<h1>Take a queue number — ");
        english.ShouldContain("Touch what you need to get your number.");
        english.ShouldContain("<legend>Priority (if any — an officer will check)</legend>");
        english.ShouldContain("Elderly person");
        english.ShouldContain("Civil status, certification, justice");
        english.ShouldContain("Booked an appointment? Type its code to get your number.");
        english.ShouldContain($"href=\"/kiosk/{Point}/hen?culture=en\"");
        english.ShouldContain("lang=\"vi\">Tiếng Việt</a>");
        foreach (var vietnamese in new[] { "Lấy số thứ tự", "Chạm vào việc bạn cần làm", "Ưu tiên (nếu có", "Người cao tuổi", "người đang chờ", "Đã đặt lịch hẹn?" })
        {
            english.ShouldNotContain(vietnamese);
        }

        // The visitor's choice rides along: the form posts to the English address and the ticket is printed in English.
        var taken = await KioskSteps.PostFormAsync(client, $"/kiosk/{Point}?culture=en", "take", new Dictionary<string, string>
        {
            ["Input.Group"] = "CA",
            ["Input.Priority"] = "Elderly",
        });
        taken.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = taken.Headers.Location!.IsAbsoluteUri ? taken.Headers.Location.PathAndQuery : taken.Headers.Location.OriginalString;
        location.ShouldStartWith($"/kiosk/{Point}/ve/");
        location.ShouldEndWith("?culture=en");

        var printed = await client.GetAsync(location);
        printed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ticket = await printed.Content.ReadAsStringAsync();
        ticket.ShouldContain("<html lang=\"en\">");
        ticket.ShouldContain("<h1 id=\"ticket-title\">Your queue number</h1>");
        ticket.ShouldContain("Residence, identity cards, passports");
        ticket.ShouldContain("<dt>Taken at</dt>");
        ticket.ShouldContain("<dt>People ahead</dt>");
        ticket.ShouldContain("<dt>Priority</dt><dd>Elderly person</dd>");
        ticket.ShouldContain("Scan the code to follow your turn on your phone:");
        ticket.ShouldContain(">Done — back to the start</a>");
        foreach (var vietnamese in new[] { "Số thứ tự của bạn", "Lấy lúc", "Số người chờ trước", "Thời gian chờ", "Người cao tuổi", "Quét mã để theo dõi", "về màn hình lấy số" })
        {
            ticket.ShouldNotContain(vietnamese);
        }

        // Back to the start screen (the button, the script and the Refresh header all lead to the bare address):
        // the next person is greeted in Vietnamese.
        printed.Headers.GetValues("Refresh").ShouldBe([$"45;url=/kiosk/{Point}"]);
        ticket.ShouldContain($"data-home=\"/kiosk/{Point}\"");
        var next = await client.GetStringAsync($"/kiosk/{Point}");
        next.ShouldContain("<html lang=\"vi\">");
        next.ShouldContain("Chạm vào việc bạn cần làm để nhận số thứ tự.");
        next.ShouldNotContain("Touch what you need");
    }

    [Fact]
    public async Task The_kiosk_check_in_the_entrance_poster_and_the_board_read_in_English()
    {
        using var client = app.Client();
        var checkIn = await client.GetStringAsync($"/kiosk/{Point}/hen?culture=en");
        checkIn.ShouldContain("<h1>Check in for an appointment</h1>");
        checkIn.ShouldContain("<label for=\"code\">Appointment code</label>");
        checkIn.ShouldContain(">Check in and get a number</button>");
        checkIn.ShouldContain("<nav class=\"kiosk-lang no-print\"");
        checkIn.ShouldNotContain("Xác nhận lịch hẹn");
        checkIn.ShouldNotContain("Mã lịch hẹn");

        var poster = await client.GetStringAsync($"/kiosk/{Point}/qr?culture=en");
        poster.ShouldContain("<h1>Take a queue number with your phone</h1>");
        poster.ShouldContain("Scan the QR code with your phone");
        poster.ShouldContain(">Print the poster</button>");
        poster.ShouldNotContain("Lấy số thứ tự bằng điện thoại");
        poster.ShouldNotContain("In áp phích");

        // The board follows the language cookie (a board is a screen set up once); its script gets the English words.
        var (_, token) = await KioskSteps.TakeAsync(app, Point, "HT");
        await KioskSteps.CallAsync(app, token, 7);
        await client.GetAsync("/culture?lang=en&returnUrl=/");
        var board = await client.GetStringAsync($"/bang/{Point}");
        board.ShouldContain("<html lang=\"en\">");
        board.ShouldContain("Calling board — ");
        board.ShouldContain("<h2>Now calling</h2>");
        board.ShouldContain("<h2>Latest calls</h2>");
        board.ShouldContain("<td class=\"status\">Called</td>");
        board.ShouldContain("please go to Quầy 7");
        board.ShouldContain("data-words=");
        board.ShouldContain("Turn announcements on");
        foreach (var vietnamese in new[] { "Bảng gọi số", "Đang mời", "Các số vừa gọi", "Đã gọi", "Mời số", "Cập nhật lúc", "Bật đọc loa" })
        {
            board.ShouldNotContain(vietnamese);
        }

        await client.GetAsync("/culture?lang=vi&returnUrl=/");
        var vietnameseBoard = await client.GetStringAsync($"/bang/{Point}");
        vietnameseBoard.ShouldContain("<h2>Đang mời</h2>");
        vietnameseBoard.ShouldContain("<td class=\"status\">Đã gọi</td>");
        vietnameseBoard.ShouldNotContain("data-words=");
    }

    [Fact]
    public async Task The_booking_pages_read_in_English()
    {
        using var browser = await CitizenFlow.SignedInAsync(app, "001001000006");
        var client = browser.Http;
        await client.GetAsync("/culture?lang=en&returnUrl=/");

        var book = await client.GetStringAsync("/portal/dat-lich");
        book.ShouldContain("<html lang=\"en\">");
        book.ShouldContain("<h1>Book an appointment</h1>");
        book.ShouldContain("<label for=\"day\">Day</label>");
        book.ShouldContain(">See free times</button>");
        book.ShouldNotContain("Đặt lịch hẹn");
        book.ShouldNotContain("Xem giờ trống");

        var mine = await client.GetStringAsync("/portal/lich-hen");
        mine.ShouldContain("<h1>My appointments</h1>");
        mine.ShouldContain(">Book a new appointment</a>");
        mine.ShouldNotContain("Lịch hẹn của tôi");
        mine.ShouldNotContain("Đặt lịch hẹn mới");
    }

    [Fact]
    public async Task The_staff_dossier_page_the_tracking_pages_and_the_process_editor_read_in_English_with_one_word_per_status()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var sha = await Reception.UploadAsync(officer, Reception.PdfWith($"{Guid.NewGuid()}"), "to-khai.pdf");
        var received = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha));
        received.StatusCode.ShouldBe(HttpStatusCode.Created, await received.Content.ReadAsStringAsync());
        var code = (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var status = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{Uri.EscapeDataString(code)}")).GetProperty("status").GetString();

        // Vietnamese first: the staff's own work queue is named apart from the citizen's "Hồ sơ của tôi".
        var vietnamese = await officer.GetStringAsync($"/dossiers/{Uri.EscapeDataString(code)}");
        vietnamese.ShouldContain(">Hồ sơ cần xử lý</a>");
        vietnamese.ShouldNotContain("Hồ sơ của tôi");
        vietnamese.ShouldContain("<h2>Thành phần hồ sơ</h2>");

        await officer.GetAsync("/culture?lang=en&returnUrl=/");
        var page = await officer.GetStringAsync($"/dossiers/{Uri.EscapeDataString(code)}");
        page.ShouldContain("<html lang=\"en\">");
        page.ShouldContain(">My work queue</a>");
        page.ShouldContain($"<h1>Dossier {code}</h1>");
        var statusWord = status == "received" ? "Received" : "In progress";
        page.ShouldContain($"<p class=\"status\">{statusWord}</p>");
        page.ShouldContain("<h2 id=\"clock-title\">Time limit</h2>");
        page.ShouldContain("How the time limit is counted");
        page.ShouldContain(">Print the receipt and return date (form 01)</a>");
        page.ShouldContain("<dt>Channel</dt><dd>In person</dd>");
        page.ShouldContain("<h2>Required documents</h2>");
        page.ShouldContain("Paper, scanned at the counter");
        page.ShouldContain("<td>Received the dossier</td>");
        foreach (var word in new[] { "Thành phần hồ sơ", "Quá trình xử lý", "Cách tính thời hạn", "Kênh nộp", "In giấy tiếp nhận", "Đang giải quyết", "Đã tiếp nhận", "Hồ sơ cần xử lý" })
        {
            page.ShouldNotContain(word);
        }

        // The public tracking page and the book use the same English word for the same status.
        var tracking = await officer.GetStringAsync($"/tra-cuu?code={Uri.EscapeDataString(code)}");
        tracking.ShouldContain($"<h2>Dossier {code}</h2>");
        tracking.ShouldContain($"<strong>{statusWord}</strong>");
        tracking.ShouldNotContain("Hồ sơ " + code);
        tracking.ShouldNotContain("Quá trình xử lý");

        var book = await officer.GetStringAsync("/dossiers/book");
        book.ShouldContain("<h1>Dossier tracking book (form 07)</h1>");
        book.ShouldContain($"<td>{statusWord}</td>");
        book.ShouldNotContain("Sổ theo dõi hồ sơ (mẫu 07)");

        var counters = await officer.GetStringAsync("/quay");
        counters.ShouldContain("<h1>Service counters</h1>");
        counters.ShouldNotContain("Quầy phục vụ");

        using var admin = await app.SignedInAsync("admin");
        await admin.GetAsync("/culture?lang=en&returnUrl=/");
        var process = await admin.GetStringAsync($"/admin/processes/{Reception.BirthRegistration}");
        process.ShouldContain($"<h1>Processing workflow of procedure {Reception.BirthRegistration}</h1>");
        process.ShouldContain("<h2 id=\"editor-title\">Write a new workflow version</h2>");
        process.ShouldContain("<legend>Step 1");
        process.ShouldContain("Reception officer");
        process.ShouldContain(">Save draft</button>");
        process.ShouldContain("In force");
        foreach (var word in new[] { "Quy trình xử lý thủ tục", "Soạn bản quy trình mới", "Sơ đồ luồng xử lý", "Bước tiếp theo", "Cán bộ tiếp nhận", "Lưu bản nháp" })
        {
            process.ShouldNotContain(word);
        }
    }
}

[Collection("sqlite")]
public sealed class PagesInEnglishOnSqlite(SqliteApp fixture) : PagesInEnglishTests(fixture.App);

[Collection("postgres")]
public sealed class PagesInEnglishOnPostgres(PostgresApp fixture) : PagesInEnglishTests(fixture.App);
