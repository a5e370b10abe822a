using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;

namespace MotCua.IntegrationTests.Access;

/// <summary>
/// THE ACCESS MATRIX: every endpoint and page the running app maps (read from its endpoint data source, so a
/// new endpoint without a line here fails) × every demo role, anonymous, the dossier's owner, another citizen
/// and staff of another branch and another ward — each request sent over real HTTP and its answer compared
/// with the line's rule. The fixture dossier is received at Chi nhánh số 1 (tiepnhan) for Phường Ba Đình's
/// People's Committee (chuyenvien, lanhdao), filed for citizen 001090000001; Công an Phường Ba Đình (congan),
/// Chi nhánh số 2 (quanly2, tiepnhan2) and Phường Ngọc Hà (chuyenvien2, lanhdao2) have nothing to do with it.
/// Requests carry empty bodies: an allowed caller gets a validation answer (400, 409, 422) or the page, a
/// refused one 401, 403 or the sign-in page — and nothing is changed by a refused call.
/// </summary>
[Collection("sqlite")]
public sealed class AccessMatrixTests(SqliteApp fixture)
{
    private const string Owner = "001090000001";
    private const string OtherCitizen = "001085000002";
    private const string Procedure = Dossiers.Reception.BirthRegistration;

    private static readonly string[] Staff = ["admin", "giamdoc", "quanly", "tiepnhan", "chuyenvien", "lanhdao", "congan", "thanhtra", "quanly2", "tiepnhan2", "chuyenvien2", "lanhdao2"];

    // The units of the fixture dossier: who may read it, act at its desk, act on its steps (the entity then asks
    // for a real step: an empty body is a 400), act on the step open now (still at the branch: ask for a
    // supplement, a fee, attach the result), decide as the deciding agency's leader (extension, stop).
    private static readonly string[] Readers = ["giamdoc", "quanly", "tiepnhan", "chuyenvien", "lanhdao", "thanhtra"];
    private static readonly string[] Desk = ["giamdoc", "quanly", "tiepnhan"];
    private static readonly string[] Workers = ["giamdoc", "quanly", "tiepnhan", "chuyenvien", "lanhdao"];
    private static readonly string[] Holders = ["giamdoc", "quanly", "tiepnhan"];
    private static readonly string[] Leaders = ["giamdoc", "lanhdao"];

    private static readonly string[] Receivers = ["giamdoc", "quanly", "tiepnhan", "quanly2", "tiepnhan2"];
    private static readonly string[] Administrators = ["admin"];
    private static readonly string[] AnyStaff = Staff;
    private static readonly string[] WorkLists = ["giamdoc", "quanly", "tiepnhan", "chuyenvien", "lanhdao", "congan", "quanly2", "tiepnhan2", "chuyenvien2", "lanhdao2"];
    private static readonly string[] Books = ["giamdoc", "quanly", "tiepnhan", "thanhtra", "quanly2", "tiepnhan2"];

    // Counters of Chi nhánh số 1: its own desk, the director and the administrator (who sets counters up).
    private static readonly string[] Counters = ["admin", "giamdoc", "quanly", "tiepnhan"];
    // Kiosks of Chi nhánh số 1: the administrator and the branch's own manager register and revoke them.
    private static readonly string[] Kiosks = ["admin", "quanly"];
    private static readonly string[] Planning = ["admin", "giamdoc", "quanly", "quanly2"];

    /// <summary>Method and route pattern → who may. Pages are probed with GET (their form posts run the same use cases).</summary>
    private static readonly Dictionary<string, Rule> Matrix = new()
    {
        // Public: health, documents, catalog, network, tracking by code, the citizen's e-ID sign-in, queues in the hall.
        ["* /health/live"] = Rule.Anyone,
        ["* /health/ready"] = Rule.Anyone,
        ["GET /openapi/{documentName}.json"] = Rule.Anyone,
        ["GET /api-docs/scalar.js"] = Rule.Anyone,
        ["GET /api-docs/scalar.aspnetcore.js"] = Rule.Anyone,
        ["GET /api-docs/favicon.svg"] = Rule.Anyone,
        ["GET /api-docs/{documentName?}"] = Rule.Anyone,
        ["GET /culture"] = Rule.Anyone,
        ["POST /account/logout"] = Rule.Anyone,
        ["POST /portal/logout"] = Rule.Anyone,
        ["GET /portal/login"] = Rule.Anyone,
        ["GET /connect/authorize"] = Rule.Anyone,
        ["GET /connect/userinfo"] = Rule.Always(Answer.Refused), // an access token, never a cookie
        ["GET /connect/endsession"] = Rule.Anyone,
        ["GET /connect/login"] = Rule.Anyone,
        ["GET /api/v1/life-events"] = Rule.Anyone,
        ["GET /api/v1/rating-criteria"] = Rule.Anyone,
        ["GET /api/v1/units"] = Rule.Anyone,
        ["GET /api/v1/units/{code}"] = Rule.Anyone,
        ["GET /api/v1/branches"] = Rule.Anyone,
        ["GET /api/v1/branches/{code}"] = Rule.Anyone,
        ["GET /api/v1/agencies"] = Rule.Anyone,
        ["GET /api/v1/calendar/{year:int}"] = Rule.Anyone,
        ["GET /api/v1/procedures/"] = Rule.Anyone,
        ["GET /api/v1/procedures/facets"] = Rule.Anyone,
        ["GET /api/v1/procedures/{code}"] = Rule.Anyone,
        ["GET /api/v1/forms/{procedureCode}"] = Rule.Anyone,
        ["POST /api/v1/forms/{procedureCode}/validation"] = Rule.Anyone,
        ["GET /api/v1/tracking/{code}"] = Rule.Anyone,
        ["GET /api/v1/service-groups"] = Rule.Anyone,
        ["GET /api/v1/recommendations"] = Rule.Anyone,
        ["GET /api/v1/points/{point}/board"] = Rule.Anyone,
        ["GET /api/v1/points/{point}/board/events"] = Rule.Anyone,
        ["GET /api/v1/appointments/slots"] = Rule.Anyone,
        ["POST /api/v1/appointments/{code}/check-in"] = Rule.Anyone,
        ["GET /api/v1/tickets/{token}"] = Rule.Anyone,
        ["DELETE /api/v1/tickets/{token}"] = Rule.Anyone,
        ["POST /api/v1/tickets"] = Rule.Always(Answer.Refused), // a registered kiosk's credential, never a person's session
        ["GET /_framework/opaque-redirect"] = Rule.Anyone,
        ["GET /error"] = Rule.Always(Answer.ServerError), // the page of an unexpected error says so
        ["GET /error/{Status:int}"] = Rule.Anyone,
        ["GET /not-found"] = Rule.Anyone,
        ["GET /account/access-denied"] = Rule.Always(Answer.Refused),
        ["GET /account/login"] = Rule.Anyone,
        ["GET /account/2fa"] = Rule.Always(Answer.Refused), // only after a correct password (a pending sign-in): else back to the sign-in page
        ["GET /"] = Rule.Anyone,
        ["GET /network"] = Rule.Anyone,
        ["GET /network/{Code}"] = Rule.Anyone,
        ["GET /procedures"] = Rule.Anyone,
        ["GET /procedures/{Code}"] = Rule.Anyone,
        ["GET /portal/login-failed"] = Rule.Anyone,
        ["GET /tra-cuu"] = Rule.Anyone,
        ["GET /q/{Token}"] = Rule.Anyone,
        ["GET /noi-phuc-vu"] = Rule.Anyone,
        ["GET /kiosk"] = Rule.Anyone,
        ["GET /kiosk/{Point}"] = Rule.Anyone, // in Development the demo enrols the browser as a kiosk; without it: KioskEnrolmentTests
        ["GET /kiosk/{Point}/qr"] = Rule.Anyone,
        ["GET /kiosk/{Point}/ve/{Token}"] = Rule.Anyone,
        ["GET /kiosk/{Point}/hen"] = Rule.Anyone,
        ["GET /lay-so/{Point}"] = Rule.Anyone,
        ["GET /bang/{Point}"] = Rule.Anyone,
        ["GET /hen/{Code}/check-in"] = Rule.Anyone,

        // Uploads belong to a signed-in session, citizen or staff (or to a form's upload token, which no caller here has).
        ["POST /api/v1/attachments"] = Rule.SignedIn,

        // The citizen's own account (the e-ID session; staff sessions are not citizens).
        ["GET /api/v1/me"] = Rule.Citizens,
        ["GET /api/v1/me/dossiers"] = Rule.Citizens,
        ["POST /api/v1/me/applications"] = Rule.Citizens,
        ["GET /api/v1/me/documents"] = Rule.Citizens,
        ["GET /api/v1/me/access-log"] = Rule.Citizens,
        ["POST /api/v1/me/tickets"] = Rule.Citizens,
        ["GET /api/v1/me/appointments/"] = Rule.Citizens,
        ["POST /api/v1/me/appointments/"] = Rule.Citizens,
        ["GET /api/v1/me/appointments/{code}"] = Rule.Citizens,
        ["DELETE /api/v1/me/appointments/{code}"] = Rule.Citizens,
        ["GET /portal/giay-to/{id:guid}"] = Rule.Citizens,
        ["GET /portal/nhat-ky-truy-cap"] = Rule.Citizens,
        ["GET /portal/giay-to"] = Rule.Citizens,
        ["GET /portal/ho-so"] = Rule.Citizens,
        ["GET /portal/nop/{ProcedureCode}"] = Rule.Citizens,
        ["GET /portal/lich-hen"] = Rule.Citizens,
        ["GET /portal/lich-hen/{Code}"] = Rule.Citizens,
        ["GET /portal/dat-lich"] = Rule.Citizens,

        // ... and the owner's dossier: another citizen is told it does not exist.
        ["GET /api/v1/me/dossiers/{code}"] = Rule.OwnerOnly,
        ["POST /api/v1/me/dossiers/{code}/supplements"] = Rule.OwnerOnly,
        ["POST /api/v1/me/dossiers/{code}/withdrawals"] = Rule.OwnerOnly,
        ["POST /api/v1/me/dossiers/{code}/ratings"] = Rule.OwnerOnly,
        ["GET /portal/ho-so/{Code}"] = Rule.OwnerOnly,
        ["GET /portal/ho-so/{code}/ket-qua/{sha}"] = Rule.OwnerOnly,

        // One dossier, by DossierAccess.
        ["GET /api/v1/dossiers/{code}"] = Rule.StaffOnly(Readers),
        ["GET /dossiers/{Code}"] = Rule.StaffOnly(Readers),
        ["GET /api/v1/dossiers/{code}/slip"] = Rule.StaffOnly(Readers),
        ["GET /dossiers/{code}/slip.pdf"] = Rule.StaffOnly(Readers),
        ["GET /api/v1/dossiers/{code}/clock"] = Rule.StaffOnly(Readers),
        ["GET /api/v1/dossiers/{code}/control-sheet"] = Rule.StaffOnly(Readers),
        ["GET /api/v1/dossiers/{code}/apology"] = Rule.StaffOnly(Readers),
        ["GET /api/v1/dossiers/{code}/stop-notice"] = Rule.StaffOnly(Readers),
        ["POST /api/v1/dossiers/{code}/supplements"] = Rule.StaffOnly(Desk),
        ["POST /api/v1/dossiers/{code}/payments"] = Rule.StaffOnly(Desk),
        ["POST /api/v1/dossiers/{code}/returns"] = Rule.StaffOnly(Desk),
        ["POST /api/v1/dossiers/{code}/withdrawals"] = Rule.StaffOnly(Desk),
        ["POST /api/v1/dossiers/{code}/assignments"] = Rule.StaffOnly(Workers),
        ["POST /api/v1/dossiers/{code}/forwards"] = Rule.StaffOnly(Workers),
        ["POST /api/v1/dossiers/{code}/send-backs"] = Rule.StaffOnly(Workers),
        ["POST /api/v1/dossiers/{code}/consultations"] = Rule.StaffOnly(Workers),
        ["POST /api/v1/dossiers/{code}/supplement-requests"] = Rule.StaffOnly(Holders),
        ["POST /api/v1/dossiers/{code}/financial-obligations"] = Rule.StaffOnly(Holders),
        ["POST /api/v1/dossiers/{code}/approvals"] = Rule.StaffOnly(Workers),
        ["POST /api/v1/dossiers/{code}/results"] = Rule.StaffOnly(Holders),
        ["POST /api/v1/dossiers/{code}/extensions"] = Rule.StaffOnly(Leaders),
        ["POST /api/v1/dossiers/{code}/stops"] = Rule.StaffOnly(Leaders),

        // Reception, work lists, the tracking book.
        ["POST /api/v1/dossiers"] = Rule.StaffOnly(Receivers),
        ["GET /api/v1/dossiers/waiting"] = Rule.StaffOnly(Receivers),
        ["POST /api/v1/dossiers/{code}/receptions"] = Rule.StaffOnly(Receivers),
        ["GET /reception"] = Rule.StaffOnly(Receivers),
        ["GET /reception/online"] = Rule.StaffOnly(Receivers),
        ["GET /api/v1/work"] = Rule.StaffOnly(WorkLists),
        ["GET /api/v1/work/alerts"] = Rule.StaffOnly(WorkLists),
        ["GET /api/v1/work/late-apologies"] = Rule.StaffOnly(["giamdoc", "quanly", "lanhdao", "quanly2", "lanhdao2"]),
        ["GET /work"] = Rule.StaffOnly(WorkLists),
        ["GET /api/v1/work/summary"] = Rule.StaffOnly(WorkLists),
        ["GET /staff"] = Rule.StaffOnly(AnyStaff),
        ["GET /api/v1/book"] = Rule.StaffOnly(Books),
        ["GET /dossiers/book"] = Rule.StaffOnly(Books),
        ["GET /api/v1/indicators/digitization"] = Rule.StaffOnly(Books),

        // The system's set-up: catalog, forms, processes, network, calendar.
        ["PUT /api/v1/procedures/{code}"] = Rule.StaffOnly(Administrators),
        ["GET /api/v1/admin/deciding-agencies/"] = Rule.StaffOnly(Administrators),
        ["PUT /api/v1/admin/deciding-agencies/{code}"] = Rule.StaffOnly(Administrators),
        ["POST /api/v1/staff/{userName}/two-factor/reset"] = Rule.StaffOnly(Administrators),
        ["PUT /api/v1/branches/{code}"] = Rule.StaffOnly(Administrators),
        ["POST /api/v1/calendar/days"] = Rule.StaffOnly(Administrators),
        ["DELETE /api/v1/calendar/days/{date}"] = Rule.StaffOnly(Administrators),
        ["POST /api/v1/forms/{procedureCode}/versions/{procedureVersion:int}/drafts"] = Rule.StaffOnly(Administrators),
        ["GET /api/v1/forms/definitions/{id:guid}"] = Rule.StaffOnly(AnyStaff),
        ["POST /api/v1/forms/definitions/{id:guid}/publication"] = Rule.StaffOnly(Administrators),
        ["GET /api/v1/processes/{procedureCode}"] = Rule.StaffOnly(AnyStaff),
        ["GET /api/v1/processes/{procedureCode}/current"] = Rule.StaffOnly(AnyStaff),
        ["GET /api/v1/processes/definitions/{id:guid}"] = Rule.StaffOnly(AnyStaff),
        ["POST /api/v1/processes/{procedureCode}/versions/{procedureVersion:int}/drafts"] = Rule.StaffOnly(Administrators),
        ["POST /api/v1/processes/definitions/{id:guid}/publication"] = Rule.StaffOnly(Administrators),
        ["GET /admin/calendar"] = Rule.StaffOnly(Administrators),
        ["GET /admin/kiosks/{Point}"] = Rule.StaffOnly(Kiosks),
        ["GET /admin/audit"] = Rule.StaffOnly(["admin", "thanhtra"]),
        ["GET /admin/network/{Code}"] = Rule.StaffOnly(Administrators),
        ["GET /admin/procedures/{Code}"] = Rule.StaffOnly(Administrators),
        ["GET /admin/forms/{ProcedureCode}"] = Rule.StaffOnly(Administrators),
        ["GET /admin/processes/{ProcedureCode}"] = Rule.StaffOnly(Administrators),

        // A branch at work: its counters, the load across branches, planning.
        ["POST /api/v1/points/{point}/tickets"] = Rule.StaffOnly(Counters),
        ["GET /api/v1/points/{point}/counters/"] = Rule.StaffOnly(Counters),
        ["POST /api/v1/points/{point}/counters/{number:int}/open"] = Rule.StaffOnly(Counters),
        ["POST /api/v1/points/{point}/counters/{number:int}/close"] = Rule.StaffOnly(Counters),
        ["PUT /api/v1/points/{point}/counters/{number:int}/profile"] = Rule.StaffOnly(Counters),
        ["POST /api/v1/points/{point}/counters/{number:int}/call-next"] = Rule.StaffOnly(Counters),
        ["POST /api/v1/points/{point}/counters/{number:int}/recall"] = Rule.StaffOnly(Counters),
        ["POST /api/v1/points/{point}/counters/{number:int}/start"] = Rule.StaffOnly(Counters),
        ["POST /api/v1/points/{point}/counters/{number:int}/finish"] = Rule.StaffOnly(Counters),
        ["POST /api/v1/points/{point}/counters/{number:int}/no-show"] = Rule.StaffOnly(Counters),
        ["POST /api/v1/points/{point}/counters/{number:int}/transfer"] = Rule.StaffOnly(Counters),
        ["POST /api/v1/points/{point}/counters/{number:int}/link"] = Rule.StaffOnly(Counters),
        ["POST /api/v1/points/{point}/counters/{number:int}/priority"] = Rule.StaffOnly(Counters),
        ["GET /api/v1/points/{point}/kiosks/"] = Rule.StaffOnly(Kiosks),
        ["POST /api/v1/points/{point}/kiosks/"] = Rule.StaffOnly(Kiosks),
        ["POST /api/v1/points/{point}/kiosks/{id:guid}/revoke"] = Rule.StaffOnly(Kiosks),
        ["GET /quay"] = Rule.StaffOnly(Receivers.Append("admin").ToArray()),
        ["GET /quay/{Point}/{Number:int}"] = Rule.StaffOnly(Counters),
        ["GET /api/v1/live-load"] = Rule.StaffOnly(Planning),
        ["POST /api/v1/live-load/moves"] = Rule.StaffOnly(Planning),
        ["GET /quan-ly/tai"] = Rule.StaffOnly(Planning),
        ["GET /api/v1/live-load/branches"] = Rule.StaffOnly(Planning),
        ["GET /api/v1/live-load/branches/{code}"] = Rule.StaffOnly(Planning),
        ["GET /quan-ly/tai/{Branch}"] = Rule.StaffOnly(Planning),
        ["GET /api/v1/planning/coverage"] = Rule.StaffOnly(Planning),
        ["GET /api/v1/planning/staffing"] = Rule.StaffOnly(Planning),
        ["GET /admin/planning/staffing"] = Rule.StaffOnly(Planning),
        ["GET /admin/planning/coverage"] = Rule.StaffOnly(Planning),

        // The simulators of outside systems (Development, or switched on): their pages and controls for the administrator; the
        // simulated registry answers only the app itself (its key), so every caller here is refused a look-up.
        ["GET /simulators"] = Rule.StaffOnly(Administrators),
        ["GET /simulators/registry"] = Rule.StaffOnly(Administrators),
        ["GET /simulators/registry/api/citizens/{idNumber}"] = Rule.Always(Answer.Refused),
        ["POST /simulators/registry/api/faults"] = Rule.StaffOnly(Administrators),
        ["GET /simulators/registry/api/received"] = Rule.StaffOnly(Administrators),
    };

    [Fact]
    public void Every_endpoint_the_app_maps_has_a_line_in_the_matrix_and_every_line_an_endpoint()
    {
        var mapped = Endpoints().Select(e => e.Key).ToHashSet();
        mapped.Except(Matrix.Keys).Order().ToList().ShouldBeEmpty("endpoints without a line in the access matrix");
        Matrix.Keys.Except(mapped).Order().ToList().ShouldBeEmpty("matrix lines for endpoints the app no longer maps");
    }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_matrix_says()
    {
        var app = fixture.App;
        using var officer = await app.SignedInAsync("tiepnhan");
        var code = await ReceiveAsync(officer);
        var sha = await Dossiers.Reception.UploadAsync(officer, Dossiers.Reception.Pdf, "giay-to.pdf");

        var callers = new List<Caller> { new("anonymous", Kind.Anonymous, app.Client()) };
        callers.Add(new("owner", Kind.Owner, (await CitizenFlow.SignedInAsync(app, Owner)).Http));
        callers.Add(new("other citizen", Kind.OtherCitizen, (await CitizenFlow.SignedInAsync(app, OtherCitizen)).Http));
        foreach (var user in Staff)
        {
            callers.Add(new(user, Kind.Staff, await app.SignedInAsync(user)));
        }

        // The branch's own people come on duty at a closed counter of their own first, so that acting on it is
        // theirs to do; everyone else is sent to the first of those.
        var director = callers.Single(c => c.Name == "giamdoc").Client;
        var closed = (await director.GetFromJsonAsync<JsonElement[]>("/api/v1/points/CN01/counters/"))!
            .Where(c => !c.GetProperty("isOpen").GetBoolean()).Select(c => c.GetProperty("number").GetInt32()).ToList();
        var counters = new Dictionary<string, int>();
        foreach (var caller in callers.Where(c => Counters.Contains(c.Name)))
        {
            counters[caller.Name] = closed[counters.Count];
            var opened = await caller.Client.PostAsJsonAsync($"/api/v1/points/CN01/counters/{counters[caller.Name]}/open", new { });
            opened.StatusCode.ShouldBe(HttpStatusCode.OK, $"{caller.Name}: {await opened.Content.ReadAsStringAsync()}");
        }

        var wrong = new List<string>();
        // Closing a counter goes last: until then its officer is on duty.
        foreach (var endpoint in Endpoints().OrderBy(e => e.Key.EndsWith("/close", StringComparison.Ordinal)).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            var rule = Matrix[endpoint.Key];
            foreach (var caller in callers)
            {
                var url = Url(endpoint.Pattern, code, sha, counters.GetValueOrDefault(caller.Name, closed[0]));
                var expected = rule.For(caller);
                var answer = await SendAsync(caller, endpoint.Method, url);
                var seen = Classify(answer);

                // The fixture dossier exists: whoever may see it must find it. Made-up tokens, an empty queue are not found.
                var mayBeMissing = !url.Contains(code, StringComparison.Ordinal) || url.Contains(sha, StringComparison.Ordinal);
                if (seen != expected && !(expected == Answer.Allowed && seen == Answer.Missing && mayBeMissing))
                {
                    wrong.Add($"{endpoint.Key} as {caller.Name}: expected {expected}, got {(int)answer.Status} {answer.Location}");
                }
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_state_changing_API_endpoint_refuses_a_cookie_call_without_the_cross_site_proof()
    {
        var app = fixture.App;
        using var officer = await app.SignedInAsync("admin");
        var citizen = (await CitizenFlow.SignedInAsync(app, Owner)).Http;
        var changes = Endpoints().Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal) && e.Method is "POST" or "PUT" or "PATCH" or "DELETE").ToList();
        changes.Count.ShouldBeGreaterThan(40);

        var wrong = new List<string>();
        foreach (var caller in new[] { ("admin", officer), ("citizen", citizen) })
        {
            // What another site can make the browser send: the sign-in cookie, no X-MotCua-Request header.
            caller.Item2.DefaultRequestHeaders.Remove(MotCuaApp.CrossSiteHeader);
            foreach (var endpoint in changes)
            {
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), Url(endpoint.Pattern, "000.00.01.H26-010101-0001", new string('0', 64), 1));
                using var answer = await caller.Item2.SendAsync(request);
                var body = await answer.Content.ReadAsStringAsync();
                if (answer.StatusCode != HttpStatusCode.Forbidden || !body.Contains("\"csrf-header-missing\"", StringComparison.Ordinal))
                {
                    wrong.Add($"{endpoint.Key} as {caller.Item1}: {(int)answer.StatusCode} {body}");
                }
            }
        }

        wrong.ShouldBeEmpty();
    }

    private const string Fake = "khong-co";

    private IEnumerable<(string Key, string Method, string Pattern)> Endpoints()
        => fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods, Pattern: e.RoutePattern.RawText!))
            .Select(e => e.Methods is null
                ? ($"* {e.Pattern}", "GET", e.Pattern)
                : ($"{e.Methods[0]} {e.Pattern}", e.Methods[0], e.Pattern));

    /// <summary>The concrete address: the fixture dossier, the birth-registration procedure, branch CN01, counter 1; made-up tokens elsewhere.</summary>
    private static string Url(string pattern, string code, string sha, int counter)
    {
        var dossierRoutes = new[] { "/api/v1/dossiers/{code}", "/dossiers/{Code}", "/dossiers/{code}", "/api/v1/me/dossiers/{code}", "/portal/ho-so/{Code}", "/portal/ho-so/{code}", "/api/v1/tracking/{code}" };
        var unitRoutes = new[] { "/api/v1/branches/{code}", "/network/{Code}", "/admin/network/{Code}" };
        var url = pattern;
        if (dossierRoutes.Any(r => pattern.StartsWith(r, StringComparison.Ordinal)))
        {
            url = url.Replace("{code}", code, StringComparison.Ordinal).Replace("{Code}", code, StringComparison.Ordinal);
        }
        else if (unitRoutes.Any(r => pattern.StartsWith(r, StringComparison.Ordinal)))
        {
            url = url.Replace("{code}", "CN01", StringComparison.Ordinal).Replace("{Code}", "CN01", StringComparison.Ordinal);
        }
        else if (pattern.StartsWith("/api/v1/units/{code}", StringComparison.Ordinal))
        {
            url = url.Replace("{code}", "00004", StringComparison.Ordinal);
        }
        else if (pattern.Contains("procedures/{", StringComparison.OrdinalIgnoreCase))
        {
            url = url.Replace("{code}", Procedure, StringComparison.Ordinal).Replace("{Code}", Procedure, StringComparison.Ordinal);
        }

        url = url.Replace("{procedureCode}", Procedure, StringComparison.Ordinal).Replace("{ProcedureCode}", Procedure, StringComparison.Ordinal)
            .Replace("{procedureVersion:int}", "1", StringComparison.Ordinal)
            .Replace("{point}", "CN01", StringComparison.Ordinal).Replace("{Point}", "CN01", StringComparison.Ordinal)
            .Replace("{number:int}", $"{counter}", StringComparison.Ordinal).Replace("{Number:int}", $"{counter}", StringComparison.Ordinal)
            .Replace("{sha}", sha, StringComparison.Ordinal)
            .Replace("{year:int}", "2026", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal).Replace("{documentName?}", "v1", StringComparison.Ordinal)
            .Replace("{Status:int}", "404", StringComparison.Ordinal)
            .Replace("{date}", "2099-01-01", StringComparison.Ordinal)
            .Replace("{id:guid}", Guid.Empty.ToString(), StringComparison.Ordinal);

        // Anything else (appointment codes, ticket tokens) is made up: an allowed caller is told it does not exist.
        return System.Text.RegularExpressions.Regex.Replace(url, "\\{[^}]+\\}", Fake);
    }

    private static async Task<(HttpStatusCode Status, string Location)> SendAsync(Caller caller, string method, string url)
    {
        var client = caller.Client;
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        if (url.Contains("logout", StringComparison.Ordinal) || url.Contains("endsession", StringComparison.Ordinal))
        {
            // Signing out would end the caller's session for the rest of the matrix: use a fresh client with the same rule.
            using var fresh = MotCuaApp.Http(null, client.BaseAddress!);
            using var response = await fresh.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            return (response.StatusCode, response.Headers.Location?.OriginalString ?? "");
        }

        if (caller.Name == "thanhtra")
        {
            request.RequestUri = new Uri(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "reason=" + Uri.EscapeDataString("Kiểm tra theo quyết định 12/QĐ-TTr"), UriKind.Relative);
        }

        using var answer = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return (answer.StatusCode, answer.Headers.Location?.OriginalString ?? "");
    }

    private static Answer Classify((HttpStatusCode Status, string Location) answer) => answer switch
    {
        ({ } s, _) when (int)s >= 500 => Answer.ServerError,
        (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, _) => Answer.Refused,
        ({ } s, { } to) when (int)s is >= 300 and < 400 && (to.Contains("/account/login", StringComparison.Ordinal) || to.Contains("/account/access-denied", StringComparison.Ordinal) || to.Contains("/portal/login", StringComparison.Ordinal)) => Answer.Refused,
        (HttpStatusCode.NotFound, _) => Answer.Missing,
        _ => Answer.Allowed,
    };

    private static async Task<string> ReceiveAsync(HttpClient officer)
    {
        var sha = await Dossiers.Reception.UploadAsync(officer, Dossiers.Reception.Pdf, "to-khai.pdf");
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Dossiers.Reception.Request(sha: sha, idNumber: Owner));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private enum Kind
    {
        Anonymous,
        Owner,
        OtherCitizen,
        Staff,
    }

    private enum Answer
    {
        Allowed,
        Refused,
        Missing,
        ServerError,
    }

    private sealed record Caller(string Name, Kind Kind, HttpClient Client);

    private sealed record Rule(Func<Caller, Answer> For)
    {
        public static readonly Rule Anyone = new(_ => Answer.Allowed);

        public static readonly Rule Citizens = new(c => c.Kind is Kind.Owner or Kind.OtherCitizen ? Answer.Allowed : Answer.Refused);

        public static readonly Rule SignedIn = new(c => c.Kind is Kind.Anonymous ? Answer.Refused : Answer.Allowed);

        public static readonly Rule OwnerOnly = new(c => c.Kind switch
        {
            Kind.Owner => Answer.Allowed,
            Kind.OtherCitizen => Answer.Missing,
            _ => Answer.Refused,
        });

        public static Rule Always(Answer answer) => new(_ => answer);

        public static Rule StaffOnly(string[] users) => new(c => c.Kind == Kind.Staff && users.Contains(c.Name) ? Answer.Allowed : Answer.Refused);
    }
}
