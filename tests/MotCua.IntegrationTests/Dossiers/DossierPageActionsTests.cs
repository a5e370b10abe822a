using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>
/// The dossier page offers each person only the actions valid for the open step and for them (role, the unit
/// holding the step, whether they are its assignee) — the same rules the endpoints enforce; a leader names the
/// specialist of the next step while forwarding; a result asked for online is delivered online, once.
/// </summary>
public abstract partial class DossierPageActionsTests(MotCuaApp app)
{
    private const string OtherSpecialist = "chuyenvien-dtt";
    private const string OtherSpecialistName = "Đặng Thu Trang";

    [Fact]
    public async Task Each_person_sees_only_their_actions_and_the_leader_gives_the_next_step_to_another_specialist()
    {
        await CreateSpecialistAsync();
        using var officer = await app.SignedInAsync("tiepnhan");
        using var specialist = await app.SignedInAsync("chuyenvien");
        using var leader = await app.SignedInAsync("lanhdao");
        using var other = await app.SignedInAsync(OtherSpecialist);
        var code = await ReceiveAsync(officer);

        // At "chuyển hồ sơ": the receiving desk hands on; the agency's people have nothing to do on it yet.
        var desk = await ActionsAsync(officer, code);
        desk.ShouldContain("forward");
        desk.ShouldContain("withdraw");
        desk.ShouldNotContain("decide");
        desk.ShouldNotContain("assign");
        desk.ShouldNotContain("result");
        desk.ShouldNotContain("stop");
        (await ActionsAsync(specialist, code)).ShouldBeEmpty();
        (await ActionsAsync(leader, code)).ShouldNotContain("forward");
        await Life.StepAsync(officer, code, "chuyen-ho-so", "forwards", new { });

        // At "phân công": the leader forwards and names the specialist of the next step (a picker with names).
        var page = await leader.GetStringAsync($"/dossiers/{code}");
        (await ActionsAsync(leader, code)).ShouldContain("forward");
        page.ShouldContain("Giao bước tiếp theo «Thẩm định, xử lý hồ sơ»");
        page.ShouldContain($"<option value=\"{OtherSpecialist}\">{OtherSpecialistName}</option>");
        page.ShouldContain(">Hoàng Văn Nam</option>");
        page.ShouldNotContain(">lanhdao</option>");
        (await ActionsAsync(specialist, code)).ShouldBeEmpty("the assignment step is the leader's");
        (await ActionsAsync(officer, code)).ShouldNotContain("forward");

        // Refused: someone outside the next step's unit, and a specialist forwarding the leader's step — nothing changes.
        var before = await DossierAsync(officer, code);
        var outsider = await PostStepAsync(leader, code, "phan-cong", "forwards", new { nextAssignee = "chuyenvien2" });
        outsider.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outsider.Content.ReadAsStringAsync()).ShouldContain("Chuyên viên thụ lý của Ủy ban nhân dân Phường Ba Đình");
        var notHers = await PostStepAsync(specialist, code, "phan-cong", "forwards", new { nextAssignee = "chuyenvien" });
        notHers.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await notHers.Content.ReadAsStringAsync()).ShouldContain("Lãnh đạo đơn vị");
        (await DossierAsync(officer, code)).GetProperty("version").GetInt32().ShouldBe(before.GetProperty("version").GetInt32(), "a refused action changes nothing");

        var given = await PostStepAsync(leader, code, "phan-cong", "forwards", new { nextAssignee = OtherSpecialist, comment = "Giao chị Trang" });
        given.StatusCode.ShouldBe(HttpStatusCode.OK, await given.Content.ReadAsStringAsync());
        var d = await DossierAsync(other, code);
        var appraisal = Open(d).Single();
        appraisal.GetProperty("stepId").GetString().ShouldBe("tham-dinh");
        appraisal.GetProperty("assignee").GetString().ShouldBe(OtherSpecialistName);

        // She finds it in her work list; the other specialist sees it nowhere to act on.
        (await other.GetStringAsync("/work")).ShouldContain(code);
        (await specialist.GetStringAsync("/work")).ShouldNotContain(code);
        var hers = await ActionsAsync(other, code);
        hers.ShouldContain("forward");
        hers.ShouldContain("result");
        hers.ShouldNotContain("decide");
        hers.ShouldNotContain("take");
        (await ActionsAsync(specialist, code)).ShouldBeEmpty();
        var leaders = await ActionsAsync(leader, code);
        leaders.ShouldContain("assign", "the leader may reassign");
        leaders.ShouldNotContain("forward", "the step is Trang's, not the leader's to finish");

        // Posting what the page does not offer is refused in Vietnamese, nothing changed.
        before = await DossierAsync(officer, code);
        var stolen = await PostStepAsync(specialist, code, "tham-dinh", "forwards", new { comment = "Tôi làm" });
        stolen.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await stolen.Content.ReadAsStringAsync()).ShouldContain($"đang được giao cho {OtherSpecialistName}");
        var approval = await PostStepAsync(officer, code, "tham-dinh", "approvals", new { decision = "approve" });
        ((int)approval.StatusCode).ShouldBeOneOf(403, 409);
        (await approval.Content.ReadAsStringAsync()).ShouldContain("bước phê duyệt");
        var after = await DossierAsync(officer, code);
        after.GetProperty("version").GetInt32().ShouldBe(before.GetProperty("version").GetInt32());
        Open(after).Single().GetProperty("assignee").GetString().ShouldBe(OtherSpecialistName);
    }

    [Fact]
    public async Task A_result_asked_for_online_is_delivered_online_and_listed_once()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var code = await ReceiveAsync(officer, online: true);
        await Life.ResolveAsync(app, officer, code);

        var d = await DossierAsync(officer, code);
        d.GetProperty("status").GetString().ShouldBe("result-returned");
        var timeline = d.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToList();
        timeline.Count(t => t.Contains("kết quả", StringComparison.OrdinalIgnoreCase) && (t.StartsWith("Đã trả", StringComparison.Ordinal) || t.Contains("chờ trả", StringComparison.Ordinal))).ShouldBe(1);
        timeline.ShouldContain("Đã trả kết quả trực tuyến (kho dữ liệu điện tử của công dân)");
        timeline.ShouldNotContain(t => t.Contains("tại Chi nhánh", StringComparison.Ordinal));

        var page = await officer.GetStringAsync($"/dossiers/{code}");
        page.ShouldContain("Đã trả kết quả trực tuyến");
        page.ShouldNotContain("Đã trả kết quả tại");
        (await ActionsAsync(officer, code)).ShouldNotContain("return", "nothing left to hand over");

        using var tracking = app.Client();
        var publicTimeline = (await tracking.GetFromJsonAsync<JsonElement>($"/api/v1/tracking/{code}")).GetProperty("timeline").EnumerateArray()
            .Select(e => e.GetProperty("text").GetString()!).ToList();
        publicTimeline.Count(t => t.StartsWith("Đã trả kết quả", StringComparison.Ordinal) || t.Contains("chờ trả", StringComparison.Ordinal)).ShouldBe(1);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        (await db.Outbox.CountAsync(o => o.Subject == code && o.Type == "dossier.returned")).ShouldBe(1);
    }

    private async Task CreateSpecialistAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByNameAsync(OtherSpecialist) is not null)
        {
            return;
        }

        var unit = await db.Database.SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM org_units WHERE \"Code\" = {"UBND-00004"}").SingleAsync();
        var user = new StaffUser { Id = Guid.CreateVersion7(), UserName = OtherSpecialist, Email = $"{OtherSpecialist}@motcua.test", EmailConfirmed = true, FullName = OtherSpecialistName, UnitId = unit, UnitName = "Ủy ban nhân dân Phường Ba Đình" };
        (await users.CreateAsync(user, MotCua.Organisation.Contracts.DemoStaff.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, StaffRoles.Specialist)).Succeeded.ShouldBeTrue();
    }

    /// <summary>The actions the dossier page offers this person (each form's hidden action name).</summary>
    private static async Task<List<string>> ActionsAsync(HttpClient client, string code)
    {
        var html = await client.GetStringAsync($"/dossiers/{code}");
        return ActionField().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
    }

    [GeneratedRegex("name=\"Input.Action\" value=\"([a-z-]+)\"")]
    private static partial Regex ActionField();

    private static async Task<HttpResponseMessage> PostStepAsync(HttpClient client, string code, string step, string action, object body)
    {
        var d = await DossierAsync(client, code);
        var payload = JsonSerializer.SerializeToNode(body)!.AsObject();
        payload["taskId"] = Open(d).Single(t => t.GetProperty("stepId").GetString() == step).GetProperty("id").GetGuid();
        return await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/{action}", payload);
    }

    private static async Task<string> ReceiveAsync(HttpClient officer, bool online = false)
    {
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "to-khai.pdf");
        var request = Reception.Request(sha: sha);
        if (online)
        {
            request["delivery"] = "Online";
        }

        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", request);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static async Task<JsonElement> DossierAsync(HttpClient client, string code)
        => await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");

    private static List<JsonElement> Open(JsonElement d)
        => d.GetProperty("tasks").EnumerateArray().Where(t => t.GetProperty("state").GetString() == "Open").ToList();
}

[Collection("sqlite")]
public sealed class DossierPageActionsOnSqlite(SqliteApp fixture) : DossierPageActionsTests(fixture.App);

[Collection("postgres")]
public sealed class DossierPageActionsOnPostgres(PostgresApp fixture) : DossierPageActionsTests(fixture.App);
