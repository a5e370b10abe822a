using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers.MyDossiers;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Portal;

/// <summary>
/// A citizen's own dossiers: the list, a supplement supplied online item by item into the same dossier,
/// withdrawal, the rating, the access log — and nothing of anybody else's, whatever code is guessed.
/// </summary>
public abstract class CitizenDossierTests(MotCuaApp app)
{
    private const string Owner = "001090000001";
    private const string Stranger = "001085000002";

    [Fact]
    public async Task A_citizen_supplies_each_listed_item_online_into_the_same_dossier_and_the_clock_resumes()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var code = await ReceiveAsync(officer);
        (await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplement-requests", new
        {
            items = new[] { new { document = "Giấy chứng sinh", reason = "Bản chụp mờ" }, new { document = "Tờ khai đăng ký khai sinh", reason = "Thiếu chữ ký" } },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var scope = app.Services.CreateScope();
        var mine = scope.ServiceProvider.GetRequiredService<CitizenDossiers>();
        var actions = scope.ServiceProvider.GetRequiredService<CitizenActions>();
        (await mine.ListAsync(Owner, CancellationToken.None)).ShouldContain(d => d.Code == code && d.ActionNeeded == "Cần bổ sung hồ sơ");
        var detail = (await mine.FindAsync(Owner, code, CancellationToken.None))!;
        detail.Missing.Select(m => m.Document).ShouldBe(["Giấy chứng sinh", "Tờ khai đăng ký khai sinh"]);
        detail.Timeline.ShouldNotContain(t => t.Text.Contains("Phạm Thị Lan"));

        // Somebody else's code is simply not found.
        (await mine.FindAsync(Stranger, code, CancellationToken.None)).ShouldBeNull();
        (await mine.ListAsync(Stranger, CancellationToken.None)).ShouldNotContain(d => d.Code == code);
        var first = await Reception.UploadAsync(officer, Reception.Pdf, "giay-chung-sinh.pdf");
        (await actions.SupplyAsync(Stranger, code, [new SuppliedItem(0, first, "a.pdf"), new SuppliedItem(1, first, "b.pdf")], null, CancellationToken.None)).Errors
            .Single().Status.ShouldBe(404);

        // Every listed item is needed; nothing changes until they all are there.
        var partial = await actions.SupplyAsync(Owner, code, [new SuppliedItem(0, first, "giay-chung-sinh.pdf")], null, CancellationToken.None);
        partial.Errors.ShouldContain(e => e.Message.Contains("Tờ khai đăng ký khai sinh"));
        (await mine.FindAsync(Owner, code, CancellationToken.None))!.Status.ShouldBe("supplement-requested");

        // Only the citizen's own files: an officer's upload is not theirs to send; their own uploads are.
        using var owner = await CitizenFlow.SignedInAsync(app, Owner);
        var officers = await Reception.UploadAsync(officer, Reception.PdfWith($"can bo {Guid.NewGuid()}"), "to-khai.pdf");
        var notTheirs = await owner.Http.PostAsJsonAsync($"/api/v1/me/dossiers/{code}/supplements", new { items = new[] { new { item = 0, sha256 = officers, fileName = "a.pdf" }, new { item = 1, sha256 = officers, fileName = "b.pdf" } } });
        notTheirs.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await mine.FindAsync(Owner, code, CancellationToken.None))!.Status.ShouldBe("supplement-requested");

        var own = await Reception.UploadAsync(owner.Http, Reception.PdfWith($"giay chung sinh {Guid.NewGuid()}"), "giay-chung-sinh.pdf");
        var second = await Reception.UploadAsync(owner.Http, Reception.PdfWith($"to khai {Guid.NewGuid()}"), "to-khai.pdf");
        var supplied = await owner.Http.PostAsJsonAsync($"/api/v1/me/dossiers/{code}/supplements", new
        {
            items = new[] { new { item = 0, sha256 = own, fileName = "giay-chung-sinh.pdf" }, new { item = 1, sha256 = second, fileName = "to-khai.pdf" } },
            note = "Đã ký",
        });
        supplied.StatusCode.ShouldBe(HttpStatusCode.NoContent, await supplied.Content.ReadAsStringAsync());

        var staff = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        staff.GetProperty("status").GetString().ShouldBe("in-progress");
        staff.GetProperty("dueAt").ValueKind.ShouldBe(JsonValueKind.String);
        staff.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("sha256").GetString()).ShouldContain(second);
        staff.GetProperty("timeline").EnumerateArray().ShouldContain(e => e.GetProperty("kind").GetString() == "supplemented" && e.GetProperty("unit").GetString() == "Cổng dịch vụ công");

        // The citizen sees which unit and role opened their dossier — never the officer's user name.
        var log = await scope.ServiceProvider.GetRequiredService<AccessLog>().RunAsync(Owner, CancellationToken.None);
        log.ShouldContain(e => e.DossierCode == code && e.Unit.StartsWith("Chi nhánh số 1", StringComparison.Ordinal) && e.Role == "Cán bộ tiếp nhận");
        log.ShouldNotContain(e => e.Unit.Contains("tiepnhan", StringComparison.Ordinal) || e.Role.Contains("tiepnhan", StringComparison.Ordinal));
        (await scope.ServiceProvider.GetRequiredService<AccessLog>().RunAsync(Stranger, CancellationToken.None)).ShouldNotContain(e => e.DossierCode == code);
    }

    [Fact]
    public async Task A_citizen_withdraws_their_own_dossier_only_and_rates_only_a_finished_one_once()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var code = await ReceiveAsync(officer);
        using var scope = app.Services.CreateScope();
        var actions = scope.ServiceProvider.GetRequiredService<CitizenActions>();
        var rating = new RatingRequest(MotCua.Dossiers.Ratings.RatingCriteria.Indices.Concat(MotCua.Dossiers.Ratings.RatingCriteria.Questions).ToDictionary(c => c.Key, _ => 2), null, true, "Nhanh, gọn");

        (await actions.RateAsync(Owner, code, rating, CancellationToken.None)).Errors.Single().Status.ShouldBe(409, "nothing to rate before the result");
        (await actions.WithdrawAsync(Stranger, code, "Không cần nữa", CancellationToken.None)).Errors.Single().Status.ShouldBe(404);
        (await actions.WithdrawAsync(Owner, code, " ", CancellationToken.None)).Errors.Single().Field.ShouldBe("reason");
        (await actions.WithdrawAsync(Owner, code, "Đã đăng ký ở nơi khác", CancellationToken.None)).Errors.ShouldBeEmpty();
        (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}")).GetProperty("nationalStatus").GetInt32().ShouldBe(7);

        var finished = await ReceiveAsync(officer);
        await Life.ResolveAsync(app, officer, finished);
        var incomplete = new RatingRequest(new Dictionary<string, int> { ["overall"] = 2 }, null, null, null);
        (await actions.RateAsync(Owner, finished, incomplete, CancellationToken.None)).Errors.ShouldContain(e => e.Field == "scores.total-time");
        (await actions.RateAsync(Owner, finished, rating with { Scores = new Dictionary<string, int>(rating.Scores!) { ["overall"] = 7 } }, CancellationToken.None)).Errors
            .ShouldContain(e => e.Field == "scores.overall");
        (await actions.RateAsync(Stranger, finished, rating, CancellationToken.None)).Errors.Single().Status.ShouldBe(404);
        (await actions.RateAsync(Owner, finished, rating, CancellationToken.None)).Errors.ShouldBeEmpty();
        (await actions.RateAsync(Owner, finished, rating, CancellationToken.None)).Errors.Single().Status.ShouldBe(409, "once per dossier");

        var mine = scope.ServiceProvider.GetRequiredService<CitizenDossiers>();
        var detail = (await mine.FindAsync(Owner, finished, CancellationToken.None))!;
        detail.Rated.ShouldBeTrue();
        detail.ResultDocuments.Count.ShouldBe(1, "the electronic result can be downloaded");
    }

    private static async Task<string> ReceiveAsync(HttpClient officer)
    {
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "to-khai.pdf");
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha, idNumber: Owner));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }
}

[Collection("sqlite")]
public sealed class CitizenDossiersOnSqlite(SqliteApp fixture) : CitizenDossierTests(fixture.App);

[Collection("postgres")]
public sealed class CitizenDossiersOnPostgres(PostgresApp fixture) : CitizenDossierTests(fixture.App);
