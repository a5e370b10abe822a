using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers.Jobs;
using MotCua.Dossiers.Processing;
using MotCua.IntegrationTests.Hosting;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.WorkingCalendar;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>
/// A dossier's life after reception through the real HTTP API with the demo staff: the reception officer of
/// CN01 (tiepnhan), the specialist and the leader of Phường Ba Đình's People's Committee (chuyenvien, lanhdao).
/// </summary>
public abstract class ProcessingTests(MotCuaApp app)
{
    [Fact]
    public async Task A_dossier_goes_from_reception_through_the_agency_to_the_returned_result()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        using var specialist = await app.SignedInAsync("chuyenvien");
        using var leader = await app.SignedInAsync("lanhdao");
        var code = await ReceiveAsync(officer);

        var d = await DossierAsync(officer, code);
        d.GetProperty("status").GetString().ShouldBe("received");
        Open(d).Select(t => t.GetProperty("stepId").GetString()).ShouldBe(["chuyen-ho-so"]);
        Steps(d).First().GetProperty("state").GetString().ShouldBe("Done", "the reception step is done at reception");

        // Only the receiving branch's officer hands the dossier on to the agency.
        (await specialist.PostAsJsonAsync($"/api/v1/dossiers/{code}/forwards", new { taskId = OpenId(d, "chuyen-ho-so") })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await OkAsync(officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/forwards", new { taskId = OpenId(d, "chuyen-ho-so"), comment = "Chuyển UBND phường" }));

        d = await DossierAsync(leader, code);
        d.GetProperty("status").GetString().ShouldBe("in-progress");
        await OkAsync(leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/forwards", new { taskId = OpenId(d, "phan-cong") }));
        d = await DossierAsync(leader, code);

        // The specialist may not assign; the leader assigns the appraisal to the specialist.
        (await specialist.PostAsJsonAsync($"/api/v1/dossiers/{code}/assignments", new { taskId = OpenId(d, "tham-dinh"), assignee = "lanhdao" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await OkAsync(leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/assignments", new { taskId = OpenId(d, "tham-dinh"), assignee = "chuyenvien" }));
        d = await DossierAsync(specialist, code);
        Open(d).Single().GetProperty("assignee").GetString().ShouldBe("Hoàng Văn Nam");

        // Approval before a result exists is refused; the result is attached, then the step forwarded.
        var appraisal = OpenId(d, "tham-dinh");
        (await specialist.PostAsJsonAsync($"/api/v1/dossiers/{code}/approvals", new { taskId = appraisal, decision = "approve" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var sha = await Reception.UploadAsync(specialist, Reception.Pdf, "trich-luc-khai-sinh.pdf");
        var noDescription = await specialist.PostAsJsonAsync($"/api/v1/dossiers/{code}/results", new { documents = new[] { new { sha256 = sha, fileName = "kq.pdf" } }, paper = true });
        noDescription.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noDescription.Content.ReadAsStringAsync()).ShouldContain("kết quả giải quyết");
        await OkAsync(specialist.PostAsJsonAsync($"/api/v1/dossiers/{code}/results", new { description = "Giấy khai sinh (bản chính)", number = "123/2026", documents = new[] { new { sha256 = sha, fileName = "kq.pdf" } }, paper = true }));
        await OkAsync(specialist.PostAsJsonAsync($"/api/v1/dossiers/{code}/forwards", new { taskId = appraisal, comment = "Đủ điều kiện" }));

        d = await DossierAsync(leader, code);
        var approval = OpenId(d, "phe-duyet");
        (await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/approvals", new { taskId = approval, decision = "approve" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/returns", new { channel = "Counter", to = "Owner", recipientName = "Nguyễn Thị Hường" })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "nothing to return yet");
        await OkAsync(leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/approvals", new { taskId = approval, decision = "approve", comment = "Đồng ý" }));

        d = await DossierAsync(specialist, code);
        await OkAsync(specialist.PostAsJsonAsync($"/api/v1/dossiers/{code}/forwards", new { taskId = OpenId(d, "chuyen-ket-qua") }));

        d = await DossierAsync(officer, code);
        d.GetProperty("status").GetString().ShouldBe("resolved");
        d.GetProperty("nationalStatus").GetInt32().ShouldBe(9);
        d.GetProperty("verdict").GetString().ShouldBeOneOf("Early", "OnTime");
        var missingAuthorisation = await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/returns", new { channel = "Counter", to = "Authorised", recipientName = "Trần Văn Bình" });
        missingAuthorisation.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await OkAsync(officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/returns", new { channel = "Counter", to = "Owner", recipientName = "Nguyễn Thị Hường", recipientIdNumber = "001090000001" }));

        d = await DossierAsync(officer, code);
        d.GetProperty("status").GetString().ShouldBe("result-returned");
        d.GetProperty("nationalStatus").GetInt32().ShouldBe(10);
        Open(d).ShouldBeEmpty();
        Steps(d).Select(t => t.GetProperty("stepId").GetString()).ShouldBe(["tiep-nhan", "chuyen-ho-so", "phan-cong", "tham-dinh", "phe-duyet", "chuyen-ket-qua", "tra-ket-qua"]);

        // Anyone with the code follows the same timeline, without staff names.
        using var anonymous = app.Client();
        var tracked = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/tracking/{code}");
        var timeline = tracked.GetProperty("timeline").GetRawText();
        timeline.ShouldContain("Lãnh đạo phê duyệt kết quả");
        timeline.ShouldNotContain("Hoàng Văn Nam");
        timeline.ShouldNotContain("Vũ Thị Hoa");
        timeline.ShouldNotContain("Phạm Thị Lan");

        (await app.AuditAsync($"dossier:{code}")).Select(a => a.Action).ShouldContain("dossier.approved");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        (await db.Outbox.CountAsync(o => o.Subject == code && o.Type == "dossier.returned")).ShouldBe(1);
    }

    [Fact]
    public async Task A_supplement_request_stops_the_clock_and_a_second_round_is_flagged()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var code = await ReceiveAsync(officer);
        var before = await DossierAsync(officer, code);
        var originalDue = before.GetProperty("dueAt").GetDateTimeOffset();

        var empty = await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplement-requests", new { items = Array.Empty<object>() });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DossierAsync(officer, code)).GetProperty("status").GetString().ShouldBe("received", "a refused request changes nothing");

        await OkAsync(officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplement-requests", new { items = new[] { new { document = "Giấy chứng sinh", reason = "Bản chụp mờ, không đọc được" } } }));
        var paused = await DossierAsync(officer, code);
        paused.GetProperty("status").GetString().ShouldBe("supplement-requested");
        paused.GetProperty("nationalStatus").GetInt32().ShouldBe(5);
        paused.GetProperty("dueAt").ValueKind.ShouldBe(JsonValueKind.Null, "a paused clock has no due instant");
        (await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/forwards", new { taskId = OpenId(paused, "chuyen-ho-so") })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var clock = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}/clock");
        clock.GetProperty("state").GetString().ShouldBe("paused");
        clock.GetProperty("explanationVi").EnumerateArray().ShouldContain(l => l.GetString()!.Contains("Đang tạm dừng"));
        clock.GetProperty("explanationEn").EnumerateArray().ShouldContain(l => l.GetString()!.Contains("Paused"));

        (await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "giay-chung-sinh.pdf");
        await OkAsync(officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplements", new { attachments = new[] { new { sha256 = sha, fileName = "giay-chung-sinh.pdf", documentNumber = 2 } }, note = "Bản chụp rõ" }));
        var resumed = await DossierAsync(officer, code);
        resumed.GetProperty("status").GetString().ShouldBe("in-progress");
        resumed.GetProperty("dueAt").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(originalDue, "paused working time is added, never taken away");
        resumed.GetProperty("originalDueAt").GetDateTimeOffset().ShouldBe(originalDue);

        await OkAsync(officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/supplement-requests", new { items = new[] { new { document = "Tờ khai", reason = "Thiếu chữ ký" } } }));
        var second = await DossierAsync(officer, code);
        second.GetProperty("supplementRounds").GetInt32().ShouldBe(2);
        second.GetProperty("timeline").EnumerateArray().ShouldContain(e => e.GetProperty("text").GetString()!.Contains("lần 2"));
    }

    [Fact]
    public async Task An_extension_needs_a_reason_and_legal_basis_is_granted_once_and_moves_the_date()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        using var leader = await app.SignedInAsync("lanhdao");
        var code = await ReceiveAsync(officer);
        var due = (await DossierAsync(officer, code)).GetProperty("dueAt").GetDateTimeOffset();

        (await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/extensions", new { workingDays = 2, reason = "Chờ xác minh", legalBasis = "Điều 19 NĐ 118/2025" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var noBasis = await leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/extensions", new { workingDays = 2, reason = "Chờ xác minh" });
        noBasis.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noBasis.Content.ReadAsStringAsync()).ShouldContain("căn cứ pháp lý");

        await OkAsync(leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/extensions", new { workingDays = 2, reason = "Chờ xác minh nơi cư trú", legalBasis = "Điều 19 NĐ 118/2025" }));
        var extended = await DossierAsync(officer, code);
        var clock = await app.Services.GetRequiredService<CalendarProvider>().ClockAsync(CancellationToken.None);
        extended.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(clock.Calendar.AddWorkingTime(due, TimeSpan.FromHours(16)));
        extended.GetProperty("originalDueAt").GetDateTimeOffset().ShouldBe(due);

        (await leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/extensions", new { workingDays = 1, reason = "Lần hai", legalBasis = "x" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_consultation_holds_the_step_until_the_other_agency_answers_and_a_step_can_be_sent_back()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        using var leader = await app.SignedInAsync("lanhdao");
        var code = await ReceiveAsync(officer);
        var d = await DossierAsync(officer, code);
        await OkAsync(officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/forwards", new { taskId = OpenId(d, "chuyen-ho-so") }));
        d = await DossierAsync(leader, code);
        var assign = OpenId(d, "phan-cong");

        var sentBack = await leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/send-backs", new { taskId = assign });
        sentBack.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a reason is required");
        await OkAsync(leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/send-backs", new { taskId = assign, comment = "Thiếu phiếu chuyển" }));
        d = await DossierAsync(officer, code);
        Open(d).Select(t => t.GetProperty("stepId").GetString()).ShouldBe(["chuyen-ho-so"]);
        Open(d).Single().GetProperty("assignee").GetString().ShouldBe("Phạm Thị Lan", "it goes back to whoever held it");
        await OkAsync(officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/forwards", new { taskId = OpenId(d, "chuyen-ho-so") }));

        d = await DossierAsync(leader, code);
        assign = OpenId(d, "phan-cong");
        (await leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/consultations", new { taskId = assign, agencyCode = "KHONG-CO", question = "?" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var police = await PoliceCodeAsync();
        await OkAsync(leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/consultations", new { taskId = assign, agencyCode = police, question = "Xác minh nơi cư trú của người được khai sinh" }));
        (await leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/forwards", new { taskId = assign })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "waiting for the other agency");

        d = await DossierAsync(leader, code);
        var consultation = Open(d).Single(t => t.GetProperty("consultation").GetBoolean());
        consultation.GetProperty("role").GetString().ShouldBe("Specialist");
        (await leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/forwards", new { taskId = consultation.GetProperty("id").GetGuid(), comment = "Đúng" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "only the consulted agency answers");
    }

    [Fact]
    public async Task Withdrawal_and_stop_end_the_processing_and_nothing_more_is_allowed()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        using var leader = await app.SignedInAsync("lanhdao");
        var withdrawn = await ReceiveAsync(officer);
        (await officer.PostAsJsonAsync($"/api/v1/dossiers/{withdrawn}/withdrawals", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await OkAsync(officer.PostAsJsonAsync($"/api/v1/dossiers/{withdrawn}/withdrawals", new { reason = "Công dân đề nghị rút để bổ sung giấy tờ khác" }));
        var d = await DossierAsync(officer, withdrawn);
        d.GetProperty("nationalStatus").GetInt32().ShouldBe(7);
        Open(d).ShouldBeEmpty();
        (await officer.PostAsJsonAsync($"/api/v1/dossiers/{withdrawn}/withdrawals", new { reason = "lại" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var stopped = await ReceiveAsync(officer);
        (await officer.PostAsJsonAsync($"/api/v1/dossiers/{stopped}/stops", new { reason = "x", legalBasis = "y" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leader.PostAsJsonAsync($"/api/v1/dossiers/{stopped}/stops", new { reason = "Người yêu cầu đã chết" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await OkAsync(leader.PostAsJsonAsync($"/api/v1/dossiers/{stopped}/stops", new { reason = "Cơ quan có thẩm quyền đã giải quyết hồ sơ khác cùng nội dung", legalBasis = "Khoản 3 Điều 18 NĐ 118/2025" }));
        d = await DossierAsync(officer, stopped);
        d.GetProperty("nationalStatus").GetInt32().ShouldBe(8);
        (await leader.PostAsJsonAsync($"/api/v1/dossiers/{stopped}/extensions", new { workingDays = 1, reason = "a", legalBasis = "b" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        (await officer.PostAsJsonAsync("/api/v1/dossiers/KHONG-CO-HO-SO-NAY/forwards", new { taskId = Guid.NewGuid() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var anonymous = app.Client();
        (await anonymous.PostAsJsonAsync($"/api/v1/dossiers/{stopped}/forwards", new { taskId = Guid.NewGuid() })).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Two_sweeps_at_once_raise_each_warning_once()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var code = await ReceiveAsync(officer);

        // Ten working days later everything received today is overdue.
        var later = new ShiftedTime(TimeSpan.FromDays(14));
        async Task<SweepReport> SweepAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var sweep = new SweepClocks(sp.GetRequiredService<MotCuaDb>(), sp.GetRequiredService<CalendarProvider>(), sp.GetRequiredService<OrgDirectory>(), later);
            return await sweep.RunAsync(CancellationToken.None);
        }

        var reports = await Task.WhenAll(SweepAsync(), SweepAsync());
        (await SweepAsync()).ShouldBe(new SweepReport(0, 0, 0, 0), "a third sweep finds nothing new");
        reports.Sum(r => r.Overdue).ShouldBeGreaterThanOrEqualTo(1);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var alerts = await db.Set<DossierAlert>().Where(a => a.DossierCode == code).ToListAsync();
        alerts.Count(a => a.Kind == AlertKind.DueSoon && a.TaskId == Guid.Empty).ShouldBe(1);
        alerts.Count(a => a.Kind == AlertKind.ApologyDue).ShouldBe(0, "a one-working-day budget leaves no room for an apology in time (WarningThresholds)");
        alerts.Count(a => a.Kind == AlertKind.Overdue && a.TaskId == Guid.Empty).ShouldBe(1, "to the agency");
        alerts.Count(a => a.Kind == AlertKind.Overdue && a.TaskId != Guid.Empty && a.RecipientUnitId != null).ShouldBeGreaterThanOrEqualTo(1);
        alerts.GroupBy(a => (a.TaskId, a.Kind, a.RecipientUnitId)).ShouldAllBe(g => g.Count() == 1);
    }

    [Fact]
    public async Task A_published_liên_thông_process_applies_to_new_dossiers_only_and_joins_its_parallel_steps()
    {
        const string death = "1.000656";
        using var officer = await app.SignedInAsync("tiepnhan");
        using var specialist = await app.SignedInAsync("chuyenvien");
        using var police = await app.SignedInAsync("congan");
        using var leader = await app.SignedInAsync("lanhdao");
        using var admin = await app.SignedInAsync("admin");
        var before = await ReceiveAsync(officer, death, documents: 3);

        var spec = new
        {
            supplementMode = "Restart",
            steps = new object[]
            {
                new { id = "tiep-nhan", name = "Tiếp nhận", performer = "ReceivingUnit", role = "ReceptionOfficer", budgetPercent = 10, next = new[] { "tham-dinh" } },
                new { id = "tham-dinh", name = "Thẩm định", performer = "Agency", role = "Specialist", budgetPercent = 40, next = new[] { "xac-minh", "du-thao" } },
                new { id = "xac-minh", name = "Xác minh nơi cư trú", performer = "WardAgency", wardAgencyKind = "CommunePolice", role = "Specialist", budgetPercent = 20, next = new[] { "phe-duyet" } },
                new { id = "du-thao", name = "Dự thảo trích lục", performer = "Agency", role = "Specialist", budgetPercent = 20, next = new[] { "phe-duyet" } },
                new { id = "phe-duyet", name = "Phê duyệt", kind = "Approval", performer = "Agency", role = "UnitLeader", budgetPercent = 20, next = new[] { "tra-ket-qua" } },
                new { id = "tra-ket-qua", name = "Trả kết quả", kind = "Return", performer = "ReceivingUnit", role = "ReceptionOfficer", budgetPercent = 10, next = Array.Empty<string>() },
            },
        };
        var saved = await admin.PostAsJsonAsync($"/api/v1/processes/{death}/versions/1/drafts", spec);
        saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var id = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/v1/processes/definitions/{id}/publication", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await ReceiveAsync(officer, death, documents: 3);
        Open(await DossierAsync(officer, before)).Select(t => t.GetProperty("stepId").GetString()).ShouldBe(["chuyen-ho-so"], "a dossier keeps the process it started with");
        var d = await DossierAsync(specialist, after);
        Open(d).Select(t => t.GetProperty("stepId").GetString()).ShouldBe(["tham-dinh"]);

        await OkAsync(specialist.PostAsJsonAsync($"/api/v1/dossiers/{after}/forwards", new { taskId = OpenId(d, "tham-dinh") }));
        d = await DossierAsync(police, after);
        Open(d).Select(t => t.GetProperty("unit").GetString()).ShouldBe(["Công an Phường Ba Đình", "Ủy ban nhân dân Phường Ba Đình"], ignoreOrder: true);
        (await police.PostAsJsonAsync($"/api/v1/dossiers/{after}/forwards", new { taskId = OpenId(d, "du-thao") })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await OkAsync(police.PostAsJsonAsync($"/api/v1/dossiers/{after}/forwards", new { taskId = OpenId(d, "xac-minh"), comment = "Đã xác minh" }));
        Open(await DossierAsync(police, after)).Select(t => t.GetProperty("stepId").GetString()).ShouldBe(["du-thao"], "the approval waits for both branches");

        // This process restarts the clock after a supplement.
        var received = d.GetProperty("receivedAt").GetDateTimeOffset();
        var clock = await app.Services.GetRequiredService<CalendarProvider>().ClockAsync(CancellationToken.None);
        // The procedure's budget, whatever it is: a same-day one (due at the close of the day it came in during office hours) or whole working days.
        var budget = new[] { 1m, 2m, 3m, 5m, 10m, 12m, 15m, 20m }.Select(MotCua.Calendar.Clock.ClockBudget.WorkingDays).Prepend(MotCua.Calendar.Clock.ClockBudget.SameDay())
            .First(b => clock.DueAt(received, b) == d.GetProperty("dueAt").GetDateTimeOffset());
        await OkAsync(specialist.PostAsJsonAsync($"/api/v1/dossiers/{after}/supplement-requests", new { items = new[] { new { document = "Giấy báo tử", reason = "Thiếu dấu" } } }));
        await OkAsync(officer.PostAsJsonAsync($"/api/v1/dossiers/{after}/supplements", new { note = "Bản có dấu (giấy)" }));
        d = await DossierAsync(specialist, after);
        var resumedAt = d.GetProperty("timeline").EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "supplemented").GetProperty("at").GetDateTimeOffset();
        d.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(clock.DueAt(resumedAt, budget));

        await OkAsync(specialist.PostAsJsonAsync($"/api/v1/dossiers/{after}/results", new { description = "Trích lục khai tử", paper = true }));
        await OkAsync(specialist.PostAsJsonAsync($"/api/v1/dossiers/{after}/forwards", new { taskId = OpenId(d, "du-thao") }));
        d = await DossierAsync(leader, after);
        await OkAsync(leader.PostAsJsonAsync($"/api/v1/dossiers/{after}/approvals", new { taskId = OpenId(d, "phe-duyet"), decision = "approve" }));
        (await DossierAsync(officer, after)).GetProperty("status").GetString().ShouldBe("resolved");

        // Form 06 names every agency that took part.
        var sheet = await officer.GetAsync($"/api/v1/dossiers/{after}/control-sheet");
        sheet.StatusCode.ShouldBe(HttpStatusCode.OK);
        sheet.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = PdfText(await sheet.Content.ReadAsByteArrayAsync());
        text.ShouldContain("Công an Phường Ba Đình");
        text.ShouldContain("Đỗ Văn An");
    }

    [Fact]
    public async Task The_apology_the_stop_notice_and_the_book_are_pdfs_read_back_with_their_facts()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        using var leader = await app.SignedInAsync("lanhdao");
        var code = await ReceiveAsync(officer);
        (await officer.GetAsync($"/api/v1/dossiers/{code}/apology")).StatusCode.ShouldBe(HttpStatusCode.Conflict, "no extension yet");
        await OkAsync(leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/extensions", new { workingDays = 3, reason = "Chờ kết quả xác minh của Công an", legalBasis = "Điều 19 NĐ 118/2025" }));
        var due = (await DossierAsync(officer, code)).GetProperty("dueAt").GetDateTimeOffset();
        var apology = PdfText(await officer.GetByteArrayAsync($"/api/v1/dossiers/{code}/apology"));
        apology.ShouldContain(code);
        apology.ShouldContain("Chờ kết quả xác minh của Công an");
        apology.ShouldContain(due.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        apology.ShouldContain("Vũ Thị Hoa");

        await OkAsync(leader.PostAsJsonAsync($"/api/v1/dossiers/{code}/stops", new { reason = "Người yêu cầu không còn quyền yêu cầu", legalBasis = "Khoản 3 Điều 18 NĐ 118/2025" }));
        var notice = PdfText(await officer.GetByteArrayAsync($"/api/v1/dossiers/{code}/stop-notice"));
        notice.ShouldContain("Người yêu cầu không còn quyền yêu cầu");
        notice.ShouldContain("Khoản 3 Điều 18");

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var book = await officer.GetAsync($"/api/v1/book?from={today}&to={today}");
        book.StatusCode.ShouldBe(HttpStatusCode.OK, await book.Content.ReadAsStringAsync());
        PdfText(await book.Content.ReadAsByteArrayAsync()).ShouldContain(code);
        (await officer.GetAsync("/api/v1/book?from=2026-05-02&to=2026-05-01")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(p => p.Text));
    }

    private async Task<string?> PoliceCodeAsync()
    {
        using var client = app.Client();
        var agencies = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/agencies?kind=CommunePolice");
        return agencies!.First().GetProperty("code").GetString();
    }

    private static async Task<string> ReceiveAsync(HttpClient officer, string procedure = Reception.BirthRegistration, int documents = 5)
    {
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "to-khai.pdf");
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha, procedureCode: procedure, documents: documents));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private static async Task<JsonElement> DossierAsync(HttpClient client, string code)
        => await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");

    private static async Task OkAsync(Task<HttpResponseMessage> request)
    {
        var response = await request;
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<JsonElement> Steps(JsonElement d) => d.GetProperty("tasks").EnumerateArray();

    private static List<JsonElement> Open(JsonElement d) => Steps(d).Where(t => t.GetProperty("state").GetString() == "Open").ToList();

    private static Guid OpenId(JsonElement d, string step) => Open(d).Single(t => t.GetProperty("stepId").GetString() == step).GetProperty("id").GetGuid();

    private sealed class ShiftedTime(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + by;
    }
}

[Collection("sqlite")]
public sealed class ProcessingOnSqlite(SqliteApp fixture) : ProcessingTests(fixture.App);

[Collection("postgres")]
public sealed class ProcessingOnPostgres(PostgresApp fixture) : ProcessingTests(fixture.App);
