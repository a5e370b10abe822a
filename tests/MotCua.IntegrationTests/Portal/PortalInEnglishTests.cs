using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Portal;

/// <summary>
/// The citizen's own pages follow the layout's language switch: Vietnamese by default, English after /culture?lang=en
/// (headings, buttons and choices; the data — procedure names, form labels, officers' texts — stays as entered).
/// </summary>
public abstract class PortalInEnglishTests(MotCuaApp app)
{
    private const string Citizen = "001001000006";

    [Fact]
    public async Task The_apply_page_my_dossiers_a_dossier_and_my_documents_switch_to_English()
    {
        // A dossier of this citizen with a result: the dossier page then shows the download and the rating form too.
        using var officer = await app.SignedInAsync("tiepnhan");
        var sha = await Reception.UploadAsync(officer, Reception.PdfWith($"{Guid.NewGuid()}"), "to-khai.pdf");
        var received = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha, idNumber: Citizen, firstProvision: "Uploaded"));
        received.StatusCode.ShouldBe(HttpStatusCode.Created, await received.Content.ReadAsStringAsync());
        var code = (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        await Life.ResolveAsync(app, officer, code);

        using var browser = await CitizenFlow.SignedInAsync(app, Citizen);
        var client = browser.Http;
        var apply = "/portal/nop/" + Reception.BirthRegistration;
        var dossier = $"/portal/ho-so/{Uri.EscapeDataString(code)}";

        // Vietnamese first: the default, byte for byte as before.
        var vietnamese = await client.GetStringAsync(apply);
        vietnamese.ShouldContain("<html lang=\"vi\">");
        vietnamese.ShouldContain("<h1>Nộp hồ sơ trực tuyến</h1>");
        vietnamese.ShouldContain(">Lưu nháp</button>");
        (await client.GetStringAsync(dossier)).ShouldContain("<h2>Quá trình giải quyết</h2>");

        var switched = await client.GetAsync("/culture?lang=en&returnUrl=" + Uri.EscapeDataString(apply));
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var form = await client.GetStringAsync(apply);
        form.ShouldContain("<html lang=\"en\">");
        form.ShouldContain("<h1>Apply online</h1>");
        form.ShouldContain("<legend>Applying for</legend>");
        form.ShouldContain(">Myself</label>");
        form.ShouldContain("Choose<span class=\"visually-hidden\"> whom the application is for</span>");
        form.ShouldContain("<legend>Reuse a document you already have");
        form.ShouldContain("<legend>Receiving the result</legend>");
        form.ShouldContain(">Continue</button>");
        form.ShouldContain(">Save draft</button>");
        form.ShouldContain("(required)</label>");
        form.ShouldNotContain("Lưu nháp");
        form.ShouldNotContain("Tiếp tục");
        form.ShouldNotContain("(bắt buộc)");

        var list = await client.GetStringAsync("/portal/ho-so");
        list.ShouldContain("<html lang=\"en\">");
        list.ShouldContain("<h1>My dossiers</h1>");
        list.ShouldContain("<h2>Submitted dossiers</h2>");
        list.ShouldContain("<th scope=\"col\">Dossier code</th>");
        list.ShouldContain("<td>Result ready</td>");
        list.ShouldContain("<td>Rate your satisfaction</td>");
        list.ShouldContain(">My documents</a>");
        list.ShouldNotContain("Hồ sơ của tôi");

        var page = await client.GetStringAsync(dossier);
        page.ShouldContain("<html lang=\"en\">");
        page.ShouldContain($"<h1>Dossier {code}</h1>");
        page.ShouldContain("<h2>Download the electronic result</h2>");
        page.ShouldContain("<h2>Rate your satisfaction</h2>");
        page.ShouldContain(">Send the rating</button>");
        page.ShouldContain("<h2>Processing history</h2>");
        page.ShouldNotContain("Quá trình giải quyết");

        var documents = await client.GetStringAsync("/portal/giay-to");
        documents.ShouldContain("<html lang=\"en\">");
        documents.ShouldContain("<h1>My documents</h1>");
        documents.ShouldContain("<h2>Results</h2>");
        documents.ShouldContain("<h2>Submitted documents</h2>");
        documents.ShouldContain("<th scope=\"col\">File</th>");
        documents.ShouldNotContain("Giấy tờ của tôi");

        var log = await client.GetStringAsync("/portal/nhat-ky-truy-cap");
        log.ShouldContain("<h1>Who has seen my data</h1>");
        log.ShouldContain(">Viewed the dossier</td>");

        // And back: the switch works both ways.
        await client.GetAsync("/culture?lang=vi&returnUrl=/");
        (await client.GetStringAsync("/portal/giay-to")).ShouldContain("<h1>Giấy tờ của tôi</h1>");
    }

    [Fact]
    public async Task The_sign_in_pages_follow_the_language_cookie()
    {
        using var browser = CitizenFlow.Browser(app);
        var client = browser.Http;
        await client.GetAsync("/culture?lang=en&returnUrl=/");

        var page = await CitizenFlow.StartAsync(client);
        var signIn = await client.GetStringAsync(page);
        signIn.ShouldContain("<html lang=\"en\">");
        signIn.ShouldContain("<h1>Sign in with your electronic ID account</h1>");
        signIn.ShouldContain("<label for=\"vneid-id\">Personal ID number</label>");
        signIn.ShouldContain(">Sign in</button>");

        var failed = await client.GetStringAsync("/portal/login-failed");
        failed.ShouldContain("<h1>Sign-in failed</h1>");
        failed.ShouldContain(">Sign in again with your electronic ID account</a>");
    }
}

[Collection("sqlite")]
public sealed class PortalInEnglishOnSqlite(SqliteApp fixture) : PortalInEnglishTests(fixture.App);

[Collection("postgres")]
public sealed class PortalInEnglishOnPostgres(PostgresApp fixture) : PortalInEnglishTests(fixture.App);
