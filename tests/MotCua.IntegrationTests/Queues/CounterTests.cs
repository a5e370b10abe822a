using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;
using MotCua.Platform.Time;
using MotCua.Queues.Tickets;

namespace MotCua.IntegrationTests.Queues;

public abstract class CounterTests(MotCuaApp app)
{
    [Fact]
    public async Task An_officer_calls_serves_finishes_and_links_the_visit_to_the_dossier_it_created()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        using var kiosk = app.Client();
        await officer.ActAsync("CN01", 3, "open").OkAsync();
        await officer.ProfileAsync("CN01", 3, "DD", "KD");
        var taken = await kiosk.TakeAsync("CN01", "DD");

        var called = await officer.ActAsync("CN01", 3, "call-next").OkAsync();
        called.Number().ShouldBe(taken.Number());
        called.GetProperty("announcement").GetString().ShouldBe($"Mời số {TicketText.Spoken(taken.Number())} đến Quầy 3");
        var finishedTooEarly = await officer.ActAsync("CN01", 3, "finish").RefusedAsync(409);
        finishedTooEarly.GetProperty("detail").GetString()!.ShouldContain("Không thể kết thúc phục vụ");
        await officer.ActAsync("CN01", 3, "recall").OkAsync();
        await officer.ActAsync("CN01", 3, "start").OkAsync();
        (await officer.ActAsync("CN01", 3, "finish").OkAsync()).GetProperty("status").GetString().ShouldBe("Đã phục vụ xong");

        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "to-khai.pdf");
        var received = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha));
        var code = (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        (await officer.ActAsync("CN01", 3, "link", new { dossierCode = "KHONG-CO-MA-NAY-01", ticket = taken.Number() }).RefusedAsync(400))
            .GetProperty("detail").GetString()!.ShouldContain("Không có hồ sơ");
        var linked = await officer.ActAsync("CN01", 3, "link", new { dossierCode = code, ticket = taken.Number() }).OkAsync();
        linked.GetProperty("dossierCode").GetString().ShouldBe(code);

        var followed = await kiosk.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{taken.GetProperty("token").GetString()}");
        var timeline = followed.GetProperty("timeline").EnumerateArray().Select(l => l.GetProperty("what").GetString()).ToList();
        timeline.ShouldBe(["Lấy số", "Được mời", "Mời lại", "Bắt đầu phục vụ", "Phục vụ xong", "Tiếp nhận hồ sơ"]);
        followed.GetProperty("timeline").EnumerateArray().Last().GetProperty("detail").GetString().ShouldBe(code);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var types = await db.Outbox.Where(m => m.Subject == taken.Number() && m.Type.StartsWith("queue.")).Select(m => m.Type).ToListAsync();
        types.ShouldContain("queue.ticket-called");
        types.ShouldContain("queue.ticket-finished");
        types.ShouldContain("queue.ticket-linked");

        // Every step is in the audit trail too, by whom, in the same unit of work as the change.
        var ticketSubject = $"ticket:CN01/{VietnamTime.DayOf(DateTimeOffset.UtcNow):yyyy-MM-dd}/{taken.Number()}";
        var audit = await app.AuditAsync(ticketSubject);
        audit.Select(a => a.Action).ShouldBe(["queue.ticket-issued", "queue.ticket-called", "queue.ticket-recalled", "queue.ticket-serving", "queue.ticket-finished", "queue.ticket-linked"], ignoreOrder: true);
        audit.Where(a => a.Action != "queue.ticket-issued").ShouldAllBe(a => a.ActorName == "tiepnhan" && a.Kind == MotCua.Platform.Audit.AuditKind.Change);
        audit.Single(a => a.Action == "queue.ticket-issued").ActorName.ShouldBe("anonymous", "a kiosk takes the ticket");

        await officer.ActAsync("CN01", 3, "close").OkAsync();
        (await app.AuditAsync("counter:CN01/3")).Select(a => a.Action).ShouldContain("queue.counter-closed");
        (await app.AuditAsync("counter:CN01/3")).ShouldContain(a => a.Action == "queue.counter-opened" && a.ActorName == "tiepnhan" && a.Details!.Contains("cán bộ trực tiepnhan"));
    }

    [Fact]
    public async Task Demo_counters_start_closed_the_README_officer_opens_one_and_a_ticket_with_no_open_counter_is_told_so()
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
            (await db.Set<MotCua.Queues.Counters.Counter>().CountAsync(c => c.IsOpen && c.OfficerUserName == null)).ShouldBe(0, "no counter is open under a placeholder officer");
        }

        // CN09: no other test opens its counters. Nobody is on duty, so no wait is promised.
        using var kiosk = app.Client();
        var taken = await kiosk.TakeAsync("CN09", "HT");
        (taken.TryGetProperty("estimatedWaitMinutes", out var wait) ? wait.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
        var follow = await kiosk.GetStringAsync($"/q/{taken.GetProperty("token").GetString()}");
        follow.ShouldContain("Chưa có quầy mở — vui lòng chờ");
        follow.ShouldNotContain("khoảng 0 phút");

        // The README's path: tiepnhan opens counter 1 of Chi nhánh số 1 and calls.
        using var officer = await app.SignedInAsync("tiepnhan");
        var opened = await officer.ActAsync("CN01", 1, "open").OkAsync();
        try
        {
            opened.GetProperty("officerUserName").GetString().ShouldBe("tiepnhan");
            var mine = await kiosk.TakeAsync("CN01", "HT");
            mine.GetProperty("estimatedWaitMinutes").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
            await officer.ActAsync("CN01", 1, "call-next").OkAsync();
            await officer.ActAsync("CN01", 1, "start").OkAsync();
            await officer.ActAsync("CN01", 1, "finish").OkAsync();
        }
        finally
        {
            await officer.ActAsync("CN01", 1, "close").OkAsync();
        }
    }

    [Fact]
    public async Task Forbidden_actions_are_refused_in_Vietnamese_and_change_nothing()
    {
        await app.CreateOfficerAsync("quay-cn01-5", "CN01");
        using var officer = await app.SignedInAsync("tiepnhan");
        using var other = await app.SignedInAsync("quay-cn01-5");
        using var admin = await app.SignedInAsync("admin");
        using var kiosk = app.Client();

        // Another branch's counters are not this officer's.
        (await officer.ActAsync("CN02", 1, "open").RefusedAsync(403)).GetProperty("detail").GetString()!.ShouldContain("không thuộc");

        // One officer, one counter.
        await officer.ActAsync("CN01", 4, "open").OkAsync();
        (await officer.ActAsync("CN01", 6, "open").RefusedAsync(409)).GetProperty("detail").GetString()!.ShouldContain("mỗi cán bộ chỉ trực một quầy");

        // Another officer's counter.
        await other.ActAsync("CN01", 5, "open").OkAsync();
        await other.ProfileAsync("CN01", 5, "XH");
        await officer.ProfileAsync("CN01", 4, "XH");
        var ticket = await kiosk.TakeAsync("CN01", "XH");
        (await officer.ActAsync("CN01", 5, "call-next").RefusedAsync(403)).GetProperty("detail").GetString()!.ShouldContain("chỉ cán bộ trực quầy");

        // A ticket at another counter.
        (await other.ActAsync("CN01", 5, "call-next").OkAsync()).Number().ShouldBe(ticket.Number());
        (await officer.ActAsync("CN01", 4, "start", new { ticket = ticket.Number() }).RefusedAsync(409))
            .GetProperty("detail").GetString()!.ShouldContain("không phải số đang ở Quầy 4");

        // A closed counter does not call, and a counter with a ticket does not close.
        (await admin.ActAsync("CN01", 6, "call-next").RefusedAsync(409)).GetProperty("detail").GetString()!.ShouldContain("đang đóng");
        (await other.ActAsync("CN01", 5, "close").RefusedAsync(409)).GetProperty("detail").GetString()!.ShouldContain("chưa kết thúc");
        (await officer.ActAsync("CN01", 4, "transfer", new { serviceGroup = "ZZ" }).RefusedAsync(400)).GetProperty("detail").GetString()!.ShouldContain("Không có nhóm dịch vụ");

        var counters = await officer.GetFromJsonAsync<JsonElement[]>("/api/v1/points/CN01/counters");
        var five = counters!.Single(c => c.GetProperty("number").GetInt32() == 5);
        five.GetProperty("current").GetProperty("number").GetString().ShouldBe(ticket.Number());
        five.GetProperty("current").GetProperty("status").GetString().ShouldBe("Đã gọi");
        counters!.Single(c => c.GetProperty("number").GetInt32() == 6).GetProperty("isOpen").GetBoolean().ShouldBeFalse();

        await other.ActAsync("CN01", 5, "no-show").OkAsync();
        await other.ActAsync("CN01", 5, "close").OkAsync();
        await officer.ActAsync("CN01", 4, "close").OkAsync();
    }

    [Fact]
    public async Task Every_second_call_serves_the_oldest_priority_ticket()
    {
        using var admin = await app.SignedInAsync("admin");
        using var kiosk = app.Client();
        await app.CreateOfficerAsync("quay-dtn02-1", "DTN02");
        await admin.ActAsync("DTN02", 1, "open", new { officer = "quay-dtn02-1" }).OkAsync();
        await admin.ProfileAsync("DTN02", 1, "HT");
        var a1 = await kiosk.TakeAsync("DTN02", "HT");
        var a2 = await kiosk.TakeAsync("DTN02", "HT");
        var p1 = await kiosk.TakeAsync("DTN02", "HT", "Elderly");
        var a3 = await kiosk.TakeAsync("DTN02", "HT");
        var p2 = await kiosk.TakeAsync("DTN02", "HT", "Disabled");

        var order = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            order.Add((await admin.ActAsync("DTN02", 1, "call-next").OkAsync()).Number());
            await admin.ActAsync("DTN02", 1, "no-show").OkAsync();
        }

        order.ShouldBe([a1.Number(), p1.Number(), a2.Number(), p2.Number(), a3.Number()]);
        (await admin.ActAsync("DTN02", 1, "call-next").RefusedAsync(404)).GetProperty("detail").GetString()!.ShouldContain("Không có ai đang chờ");
    }

    [Fact]
    public async Task A_ticket_transferred_to_a_counter_is_called_there_first_keeping_its_place()
    {
        using var admin = await app.SignedInAsync("admin");
        using var kiosk = app.Client();
        await app.CreateOfficerAsync("quay-dtn03-1", "DTN03");
        await app.CreateOfficerAsync("quay-dtn03-2", "DTN03");
        await admin.ActAsync("DTN03", 1, "open", new { officer = "quay-dtn03-1" }).OkAsync();
        await admin.ActAsync("DTN03", 2, "open", new { officer = "quay-dtn03-2" }).OkAsync();
        await admin.ProfileAsync("DTN03", 1, "HT");
        await admin.ProfileAsync("DTN03", 2, "DD");
        var first = await kiosk.TakeAsync("DTN03", "HT");
        var land = await kiosk.TakeAsync("DTN03", "DD");

        (await admin.ActAsync("DTN03", 1, "call-next").OkAsync()).Number().ShouldBe(first.Number());
        await admin.ActAsync("DTN03", 1, "start").OkAsync();
        var moved = await admin.ActAsync("DTN03", 1, "transfer", new { serviceGroup = "DD", counter = 2 }).OkAsync();
        moved.GetProperty("status").GetString().ShouldBe("Đang chờ");

        (await admin.ActAsync("DTN03", 2, "call-next").OkAsync()).Number().ShouldBe(first.Number());
        await admin.ActAsync("DTN03", 2, "no-show").OkAsync();
        (await admin.ActAsync("DTN03", 2, "call-next").OkAsync()).Number().ShouldBe(land.Number());
    }

    [Fact]
    public async Task Counters_calling_in_parallel_never_call_the_same_ticket_twice()
    {
        const string point = "CN05";
        const int counters = 6;
        const int tickets = 36;
        using var admin = await app.SignedInAsync("admin");
        using var kiosk = app.Client();
        for (var n = 1; n <= counters; n++)
        {
            await app.CreateOfficerAsync($"quay-cn05-{n}", point);
            await admin.ActAsync(point, n, "open", new { officer = $"quay-cn05-{n}" }).OkAsync();
            await admin.ProfileAsync(point, n, "CA");
        }

        var taken = new List<string>();
        for (var i = 0; i < tickets; i++)
        {
            taken.Add((await kiosk.TakeAsync(point, "CA")).Number());
        }

        var called = new ConcurrentBag<(int Counter, string Number)>();
        await Task.WhenAll(Enumerable.Range(1, counters).Select(n => Task.Run(async () =>
        {
            using var client = await app.SignedInAsync("admin");
            var idle = 0;
            while (idle < 3)
            {
                // Two presses at once from the same counter, too.
                var answers = await Task.WhenAll(client.ActAsync(point, n, "call-next"), client.ActAsync(point, n, "call-next"));
                var ok = answers.Where(a => a.IsSuccessStatusCode).ToList();
                ok.Count.ShouldBeLessThanOrEqualTo(1);
                answers.ShouldAllBe(a => (int)a.StatusCode == 200 || (int)a.StatusCode == 404 || (int)a.StatusCode == 409);
                if (ok.Count == 0)
                {
                    idle += answers.All(a => (int)a.StatusCode == 404) ? 1 : 0;
                    continue;
                }

                var number = (await ok[0].Content.ReadFromJsonAsync<JsonElement>()).Number();
                called.Add((n, number));
                (await client.ActAsync(point, n, "no-show")).IsSuccessStatusCode.ShouldBeTrue();
            }
        })));

        called.Select(c => c.Number).OrderBy(x => x).ShouldBe(taken.OrderBy(x => x));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var calls = await db.Set<TicketEvent>().Join(db.Set<Ticket>(), e => e.TicketId, t => t.Id, (e, t) => new { e.Kind, t.Display, t.Calls, t.Day, t.PointId })
            .Where(x => x.Kind == TicketEventKind.Called && taken.Contains(x.Display)).ToListAsync();
        calls.Count.ShouldBe(tickets);
        calls.ShouldAllBe(c => c.Calls == 1);
    }

    [Fact]
    public async Task Managers_see_the_live_load_of_every_point_worst_first_and_move_staff_where_it_is_needed()
    {
        using var manager = await app.SignedInAsync("giamdoc");
        using var officer = await app.SignedInAsync("tiepnhan");
        using var kiosk = app.Client();
        for (var i = 0; i < 2; i++)
        {
            await kiosk.TakeAsync("DTN10", "GT");
        }

        var load = await manager.GetFromJsonAsync<JsonElement[]>("/api/v1/live-load");
        load!.Length.ShouldBe(168);
        var dtn10 = load.Single(p => p.GetProperty("point").GetString() == "DTN10");
        dtn10.GetProperty("waiting").GetInt32().ShouldBe(2);
        dtn10.GetProperty("overloaded").GetBoolean().ShouldBeTrue();
        dtn10.GetProperty("busiestGroup").GetString().ShouldBe("GT");
        dtn10.GetProperty("openCounters").GetInt32().ShouldBe(0);
        dtn10.GetProperty("counters").GetInt32().ShouldBe(3);
        Array.IndexOf(load, dtn10).ShouldBeLessThan(load.Count(p => p.GetProperty("unserved").GetBoolean()));
        (await officer.GetAsync("/api/v1/live-load")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);

        await app.CreateOfficerAsync("quay-dtn11-1", "DTN11");
        await manager.ActAsync("DTN11", 1, "open", new { officer = "quay-dtn11-1" }).OkAsync();
        var moved = await manager.PostAsJsonAsync("/api/v1/live-load/moves", new { officer = "quay-dtn11-1", toPoint = "DTN10", toCounter = 3 }).OkAsync();
        moved.GetProperty("officerUserName").GetString().ShouldBe("quay-dtn11-1");

        load = await manager.GetFromJsonAsync<JsonElement[]>("/api/v1/live-load");
        dtn10 = load!.Single(p => p.GetProperty("point").GetString() == "DTN10");
        dtn10.GetProperty("openCounters").GetInt32().ShouldBe(1);
        dtn10.GetProperty("overloaded").GetBoolean().ShouldBeFalse();
        dtn10.GetProperty("estimatedWaitMinutes").GetInt32().ShouldBeGreaterThan(0);
        load!.Single(p => p.GetProperty("point").GetString() == "DTN11").GetProperty("openCounters").GetInt32().ShouldBe(0);
        (await officer.PostAsJsonAsync("/api/v1/live-load/moves", new { officer = "quay-dtn11-1", toPoint = "DTN11", toCounter = 1 })).StatusCode
            .ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Managers_read_the_load_per_branch_and_drill_down_each_within_their_scope()
    {
        using var director = await app.SignedInAsync("giamdoc");
        using var manager = await app.SignedInAsync("quanly");
        using var officer = await app.SignedInAsync("tiepnhan");
        using var kiosk = app.Client();

        var all = await director.GetFromJsonAsync<JsonElement[]>("/api/v1/live-load/branches");
        all.ShouldNotBeNull();
        all.Length.ShouldBe(12);
        all.Sum(b => b.GetProperty("points").GetInt32()).ShouldBe(168);

        // A branch manager sees her branch (CN01) and the points under it, nothing else.
        var mine = await manager.GetFromJsonAsync<JsonElement[]>("/api/v1/live-load/branches");
        mine!.Select(b => b.GetProperty("branch").GetString()).ShouldBe(["CN01"]);
        var points = await manager.GetFromJsonAsync<JsonElement[]>("/api/v1/live-load");
        points.ShouldNotBeNull();
        points.ShouldAllBe(p => p.GetProperty("branch").GetString() == "CN01");
        points.Length.ShouldBe(mine![0].GetProperty("points").GetInt32());
        (await manager.GetAsync("/api/v1/live-load/branches/CN02")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await manager.GetAsync("/api/v1/live-load/branches/KHONG-CO")).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await officer.GetAsync("/api/v1/live-load/branches")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await officer.GetAsync("/api/v1/live-load/branches/CN01")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);

        // Two people wait at a commune service point of the branch (one no other test uses): the summary and the
        // drill-down both count them.
        var before = await manager.GetFromJsonAsync<JsonElement>("/api/v1/live-load/branches/CN01");
        var waitingBefore = before.GetProperty("summary").GetProperty("waiting").GetInt32();
        var target = before.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("point").GetString()!).Order(StringComparer.Ordinal).First(c => c.StartsWith("DPV-", StringComparison.Ordinal));
        await kiosk.TakeAsync(target, "HT");
        await kiosk.TakeAsync(target, "HT");
        var after = await manager.GetFromJsonAsync<JsonElement>("/api/v1/live-load/branches/CN01");
        var summary = after.GetProperty("summary");
        summary.GetProperty("waiting").GetInt32().ShouldBe(waitingBefore + 2);
        summary.GetProperty("longestWaitMinutes").ValueKind.ShouldBe(JsonValueKind.Number);
        var detail = after.GetProperty("points").EnumerateArray().ToList();
        detail.Sum(p => p.GetProperty("waiting").GetInt32()).ShouldBe(summary.GetProperty("waiting").GetInt32());
        detail.Sum(p => p.GetProperty("openCounters").GetInt32()).ShouldBe(summary.GetProperty("openCounters").GetInt32());
        detail.Count(p => p.GetProperty("overloaded").GetBoolean()).ShouldBe(summary.GetProperty("overloadedPoints").GetInt32());
        summary.GetProperty("overloaded").GetBoolean().ShouldBe(summary.GetProperty("overloadedPoints").GetInt32() > 0);
        detail.Single(p => p.GetProperty("point").GetString() == target).GetProperty("waiting").GetInt32().ShouldBe(2);
        var director01 = (await director.GetFromJsonAsync<JsonElement[]>("/api/v1/live-load/branches"))!.Single(b => b.GetProperty("branch").GetString() == "CN01");
        director01.GetProperty("waiting").GetInt32().ShouldBe(summary.GetProperty("waiting").GetInt32());

        // The pages: a summary card per branch in scope, the drill-down of one's own branch, 403 for another.
        var page = await manager.GetStringAsync("/quan-ly/tai");
        page.ShouldContain("href=\"/quan-ly/tai/CN01\"");
        page.ShouldNotContain("href=\"/quan-ly/tai/CN02\"");
        var directorPage = await director.GetStringAsync("/quan-ly/tai");
        System.Text.RegularExpressions.Regex.Count(directorPage, "<li class=\"branch-load").ShouldBe(12);
        (await manager.GetStringAsync("/quan-ly/tai/CN01")).ShouldContain("Mở thêm quầy");
        (await manager.GetAsync("/quan-ly/tai/CN02")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await director.GetAsync("/quan-ly/tai/CN02")).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_branch_manager_picks_staff_of_her_branch_by_name_and_an_officer_of_another_branch_is_refused()
    {
        using var manager = await app.SignedInAsync("quanly");
        using var director = await app.SignedInAsync("giamdoc");

        // An officer at a commune service point under CN01, one at CN02 (another branch).
        var mine = await manager.GetFromJsonAsync<JsonElement>("/api/v1/live-load/branches/CN01");
        var servicePoint = mine.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("point").GetString()!).Where(c => c.StartsWith("DPV-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Last();
        await app.CreateOfficerAsync("quay-chon-cn01", servicePoint);
        await app.CreateOfficerAsync("quay-chon-cn02", "CN02");

        // The page offers pickers, not a typed user name: her branch's staff by name, nobody of another branch.
        var page = await manager.GetStringAsync("/quan-ly/tai/CN01");
        var openOfficers = Options(page, "open-officer");
        openOfficers.ShouldContain(("quay-chon-cn01", "Cán bộ quay-chon-cn01"));
        openOfficers.Concat(Options(page, "move-officer")).ShouldContain(o => o.Value == "tiepnhan" && o.Text.StartsWith("Phạm Thị Lan", StringComparison.Ordinal), "on duty or not");
        openOfficers.ShouldNotContain(o => o.Value == "quay-chon-cn02" || o.Value == "tiepnhan2" || o.Value == "quanly2");
        page.ShouldContain("<select id=\"open-officer\" name=\"Input.Officer\"");
        page.ShouldNotContain("<input id=\"open-officer\"");
        page.ShouldNotContain("<input id=\"move-officer\"");
        var counters = Options(page, "open-counter").Select(o => o.Value).Where(v => v.Length > 0).ToList();
        counters.ShouldNotBeEmpty();
        counters.ShouldAllBe(v => v.Contains(':'));
        var target = counters.Last(v => v.StartsWith(servicePoint + ":", StringComparison.Ordinal));
        var (point, number) = (target[..target.LastIndexOf(':')], int.Parse(target[(target.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

        // The director sees every branch's staff.
        var directorPage = await director.GetStringAsync("/quan-ly/tai/CN01");
        Options(directorPage, "open-officer").Select(o => o.Value).ShouldContain("quay-chon-cn02");

        // Another branch's officer posted anyway (the form or the API): 403 with a Vietnamese message, the counter stays closed.
        var refused = await KioskSteps.PostFormAsync(manager, "/quan-ly/tai/CN01", "open-extra",
            new Dictionary<string, string> { ["Input.Counter"] = target, ["Input.Officer"] = "quay-chon-cn02" });
        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("không phải cán bộ tiếp nhận của chi nhánh hay điểm nào trong phạm vi quản lý của bạn");
        (await manager.ActAsync(point, number, "open", new { officer = "quay-chon-cn02" }).RefusedAsync(403)).GetProperty("detail").GetString()!.ShouldContain("phạm vi quản lý");
        (await manager.ActAsync(point, number, "open", new { officer = "khong-co-ai" }).RefusedAsync(400)).GetProperty("detail").GetString()!.ShouldContain("Không có cán bộ");
        (await CounterAsync(manager, point, number)).GetProperty("isOpen").GetBoolean().ShouldBeFalse();

        // Nothing picked: a message, nothing opened.
        var empty = await KioskSteps.PostFormAsync(manager, "/quan-ly/tai/CN01", "open-extra", new Dictionary<string, string> { ["Input.Counter"] = target, ["Input.Officer"] = "" });
        empty.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("Vui lòng chọn cán bộ trực quầy.");

        // Her own officer, picked: the counter opens for him; he moves to the on-duty picker.
        var opened = await KioskSteps.PostFormAsync(manager, "/quan-ly/tai/CN01", "open-extra",
            new Dictionary<string, string> { ["Input.Counter"] = target, ["Input.Officer"] = "quay-chon-cn01" });
        opened.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        opened.Headers.Location!.OriginalString.ShouldEndWith("/quan-ly/tai/CN01?ok=mo");
        (await CounterAsync(manager, point, number)).GetProperty("officerUserName").GetString().ShouldBe("quay-chon-cn01");
        page = await manager.GetStringAsync("/quan-ly/tai/CN01");
        Options(page, "open-officer").ShouldNotContain(o => o.Value == "quay-chon-cn01");
        Options(page, "move-officer").ShouldContain(o => o.Value == "quay-chon-cn01" && o.Text.StartsWith("Cán bộ quay-chon-cn01 — quầy ", StringComparison.Ordinal));
        Options(page, "move-officer").ShouldNotContain(o => o.Value == "quay-chon-cn02");

        // Moving an officer on duty at another branch: 403, both counters as they were.
        await director.ActAsync("CN02", 6, "open", new { officer = "quay-chon-cn02" }).OkAsync();
        var to = Options(page, "move-counter").Select(o => o.Value).Last(v => v.Length > 0 && v != target);
        var foreign = await KioskSteps.PostFormAsync(manager, "/quan-ly/tai/CN01", "move-staff",
            new Dictionary<string, string> { ["Input.Officer"] = "quay-chon-cn02", ["Input.Counter"] = to });
        foreign.StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        (await foreign.Content.ReadAsStringAsync()).ShouldContain("ngoài phạm vi quản lý của bạn");
        (await CounterAsync(director, "CN02", 6)).GetProperty("officerUserName").GetString().ShouldBe("quay-chon-cn02");
        var toPoint = to[..to.LastIndexOf(':')];
        var toNumber = int.Parse(to[(to.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        (await CounterAsync(manager, toPoint, toNumber)).GetProperty("isOpen").GetBoolean().ShouldBeFalse();

        // Her own officer, moved by the picker: the first counter closes, the second opens for him.
        var moved = await KioskSteps.PostFormAsync(manager, "/quan-ly/tai/CN01", "move-staff",
            new Dictionary<string, string> { ["Input.Officer"] = "quay-chon-cn01", ["Input.Counter"] = to });
        moved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await CounterAsync(manager, point, number)).GetProperty("isOpen").GetBoolean().ShouldBeFalse();
        (await CounterAsync(manager, toPoint, toNumber)).GetProperty("officerUserName").GetString().ShouldBe("quay-chon-cn01");

        await manager.ActAsync(toPoint, toNumber, "close").OkAsync();
        await director.ActAsync("CN02", 6, "close").OkAsync();
    }

    /// <summary>The options (value, text) of a select of the page, by its id.</summary>
    private static List<(string Value, string Text)> Options(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, $"no select {id}");
        var select = html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
        return [.. System.Text.RegularExpressions.Regex.Matches(select, "<option value=\"([^\"]*)\"[^>]*>([^<]*)</option>")
            .Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), System.Net.WebUtility.HtmlDecode(m.Groups[2].Value)))];
    }

    private static async Task<JsonElement> CounterAsync(HttpClient client, string point, int number)
        => (await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/points/{point}/counters"))!.Single(c => c.GetProperty("number").GetInt32() == number);
}

public sealed class CounterTestsOnSqlite(CountersSqliteApp fixture) : CounterTests(fixture.App), IClassFixture<CountersSqliteApp>;

public sealed class CounterTestsOnPostgres(CountersPostgresApp fixture) : CounterTests(fixture.App), IClassFixture<CountersPostgresApp>;
