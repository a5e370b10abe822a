using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>
/// A dossier asked to be completed BEFORE reception — guided at a counter (form 02) or online while waiting —
/// is completed and then received as the same dossier: same code, history kept, the clock starting at that
/// reception and not at the first filing. The applicant may come back to any counter.
/// </summary>
public abstract class SupplementBeforeReceptionTests(MotCuaApp app)
{
    [Fact]
    public async Task A_dossier_guided_at_a_counter_is_completed_and_received_at_another_branch_under_its_code()
    {
        using var guide = await app.SignedInAsync("tiepnhan");
        var request = Reception.Request("RequestSupplement", firstProvision: "Missing");
        request["missing"] = new JsonArray(new JsonObject { ["document"] = "Tờ khai đăng ký khai sinh", ["reason"] = "Chưa có chữ ký của người yêu cầu" });
        var guided = await guide.PostAsJsonAsync("/api/v1/dossiers", request);
        guided.StatusCode.ShouldBe(HttpStatusCode.Created, await guided.Content.ReadAsStringAsync());
        var code = (await guided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var before = await guide.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        before.GetProperty("status").GetString().ShouldBe("supplement-requested");
        before.GetProperty("receivedAt").ValueKind.ShouldBe(JsonValueKind.Null);

        // Neither an auditor nor a specialist of a ward completes a dossier at the desk.
        using var specialist = await app.SignedInAsync("chuyenvien2");
        var sha = await Reception.UploadAsync(specialist, Reception.PdfWith($"to khai {Guid.NewGuid()}"), "to-khai.pdf");
        (await specialist.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { attachments = new[] { new { sha256 = sha, fileName = "to-khai.pdf", documentNumber = 1 } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Nothing handed in: refused, nothing changes.
        using var other = await app.SignedInAsync("tiepnhan2");
        var empty = await other.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { attachments = Array.Empty<object>() });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("Đính kèm giấy tờ bổ sung");

        // The applicant comes back to branch 2 with the signed form: scanned and received there, same code.
        var signed = await Reception.UploadAsync(other, Reception.PdfWith($"to khai da ky {Guid.NewGuid()}"), "to-khai-da-ky.pdf");
        var received = await other.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new
        {
            attachments = new[] { new { sha256 = signed, fileName = "to-khai-da-ky.pdf", documentNumber = 1 } },
            note = "Đã ký tờ khai",
        });
        received.StatusCode.ShouldBe(HttpStatusCode.OK, await received.Content.ReadAsStringAsync());

        var after = await other.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        after.GetProperty("code").GetString().ShouldBe(code);
        after.GetProperty("status").GetString().ShouldBe("received");
        after.GetProperty("receivingUnit").GetString()!.ShouldStartWith("Chi nhánh số 2");
        after.GetProperty("bookNumber").GetInt32().ShouldBeGreaterThan(0);
        after.GetProperty("dueAt").ValueKind.ShouldBe(JsonValueKind.String);
        after.GetProperty("missing").GetArrayLength().ShouldBe(0);
        after.GetProperty("documents")[0].GetProperty("provision").ToString().ShouldNotBe(before.GetProperty("documents")[0].GetProperty("provision").ToString());
        after.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("sha256").GetString()).ShouldContain(signed);

        // The clock starts at this reception, after the guidance — not at the first filing.
        var timeline = after.GetProperty("timeline").EnumerateArray().ToList();
        var kinds = timeline.Select(e => e.GetProperty("kind").GetString()).ToList();
        kinds.ShouldContain("supplement-requested");
        kinds.ShouldContain("supplemented-before-reception");
        kinds.ShouldContain("received");
        var receivedAt = after.GetProperty("receivedAt").GetDateTimeOffset();
        receivedAt.ShouldBeGreaterThan(timeline.First(e => e.GetProperty("kind").GetString() == "supplement-requested").GetProperty("at").GetDateTimeOffset());
        receivedAt.ShouldBeGreaterThan(after.GetProperty("createdAt").GetDateTimeOffset());
        after.GetProperty("tasks").GetArrayLength().ShouldBeGreaterThan(0);

        // Once received, the same request is a supplement of a running dossier no more: 409, nothing changes.
        var again = await other.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { attachments = new[] { new { sha256 = signed, fileName = "to-khai-da-ky.pdf", documentNumber = 1 } } });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await other.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}")).GetProperty("version").GetInt32().ShouldBe(after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_online_dossier_asked_to_complete_before_reception_is_completed_online_and_then_received()
    {
        using var citizen = await CitizenFlow.SignedInAsync(app, "001085000002");
        var submitted = await citizen.Http.PostAsJsonAsync("/api/v1/me/applications", await ReceptionTests.ApplicationAsync(citizen.Http, "001085000002"));
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var code = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

        using var officer = await app.SignedInAsync("tiepnhan");
        var version = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}")).GetProperty("version").GetInt32();
        var asked = await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/receptions", new
        {
            action = "RequestSupplement",
            expectedVersion = version,
            missing = new[] { new { document = "Giấy chứng sinh", reason = "Bản chụp bị mờ, không đọc được" } },
        });
        asked.StatusCode.ShouldBe(HttpStatusCode.OK, await asked.Content.ReadAsStringAsync());

        // Not received yet: the officer cannot receive it before the citizen completes it.
        var early = await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/receptions", new { action = "Receive", expectedVersion = version + 1 });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var clear = await Reception.UploadAsync(citizen.Http, Reception.PdfWith($"giay chung sinh ro {Guid.NewGuid()}"), "giay-chung-sinh.pdf");
        var supplied = await citizen.Http.PostAsJsonAsync($"/api/v1/me/dossiers/{code}/supplements", new
        {
            items = new[] { new { item = 0, sha256 = clear, fileName = "giay-chung-sinh.pdf" } },
        });
        supplied.StatusCode.ShouldBe(HttpStatusCode.NoContent, await supplied.Content.ReadAsStringAsync());

        // Same code, back in the center's waiting list; no clock yet.
        var waiting = await officer.GetFromJsonAsync<JsonElement[]>("/api/v1/dossiers/waiting?take=500");
        var entry = waiting!.Single(w => w.GetProperty("code").GetString() == code);
        var completed = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        completed.GetProperty("status").GetString().ShouldBe("registered-online");
        completed.GetProperty("receivedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        completed.GetProperty("dueAt").ValueKind.ShouldBe(JsonValueKind.Null);
        completed.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("sha256").GetString()).ShouldContain(clear);

        var received = await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/receptions", new { action = "Receive", expectedVersion = entry.GetProperty("version").GetInt32() });
        received.StatusCode.ShouldBe(HttpStatusCode.OK, await received.Content.ReadAsStringAsync());
        var after = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        after.GetProperty("status").GetString().ShouldBe("received");
        after.GetProperty("dueAt").ValueKind.ShouldBe(JsonValueKind.String);
        after.GetProperty("bookNumber").GetInt32().ShouldBeGreaterThan(0);
        var timeline = after.GetProperty("timeline").EnumerateArray().ToList();
        timeline.Select(e => e.GetProperty("kind").GetString()).ShouldBe(["submitted", "supplement-requested", "supplemented-before-reception", "received"], ignoreOrder: false);
        after.GetProperty("receivedAt").GetDateTimeOffset()
            .ShouldBeGreaterThan(timeline.Single(e => e.GetProperty("kind").GetString() == "supplemented-before-reception").GetProperty("at").GetDateTimeOffset());

        // A second supplement is not asked for: the citizen cannot send one.
        var late = await citizen.Http.PostAsJsonAsync($"/api/v1/me/dossiers/{code}/supplements", new { items = new[] { new { item = 0, sha256 = clear, fileName = "giay-chung-sinh.pdf" } } });
        ((int)late.StatusCode).ShouldBeInRange(400, 499);
    }
}

[Collection("sqlite")]
public sealed class SupplementBeforeReceptionOnSqlite(SqliteApp fixture) : SupplementBeforeReceptionTests(fixture.App);

[Collection("postgres")]
public sealed class SupplementBeforeReceptionOnPostgres(PostgresApp fixture) : SupplementBeforeReceptionTests(fixture.App);
