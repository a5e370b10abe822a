using MotCua.Calendar.Clock;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Procedures;
using MotCua.Dossiers;
using MotCua.Dossiers.Access;
using MotCua.Dossiers.Processes;
using MotCua.Dossiers.Processing;
using MotCua.Platform.Identity;

namespace MotCua.Tests.Dossiers;

/// <summary>The processing rules on the entity, with a parallel (liên thông) process and both supplement modes.</summary>
public sealed class ProcessingRulesTests
{
    private static readonly (Guid Id, string Name) Branch = (Guid.NewGuid(), "Chi nhánh số 1");
    private static readonly (Guid Id, string Name) Committee = (Guid.NewGuid(), "UBND phường Ba Đình");
    private static readonly (Guid Id, string Name) Police = (Guid.NewGuid(), "Công an phường Ba Đình");
    private static readonly (Guid Id, string Name) Tax = (Guid.NewGuid(), "Thuế cơ sở 1");

    // Tue 10/03/2026 09:30, Hanoi.
    private static readonly DateTimeOffset Tuesday = new(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(7));

    private static readonly Staff Officer = new(Guid.NewGuid(), "Phạm Thị Lan", Branch.Id, Branch.Name, [StaffRoles.ReceptionOfficer]);
    private static readonly Staff Specialist = new(Guid.NewGuid(), "Hoàng Văn Nam", Committee.Id, Committee.Name, [StaffRoles.Specialist]);
    private static readonly Staff Leader = new(Guid.NewGuid(), "Vũ Thị Hoa", Committee.Id, Committee.Name, [StaffRoles.UnitLeader]);
    private static readonly Staff Policeman = new(Guid.NewGuid(), "Đỗ Văn An", Police.Id, Police.Name, [StaffRoles.Specialist]);
    private static readonly Staff TaxOfficer = new(Guid.NewGuid(), "Lý Thị Thu", Tax.Id, Tax.Name, [StaffRoles.Specialist]);

    /// <summary>Receive → appraise → (police ∥ tax) → approve → return.</summary>
    private static ProcessSpec Parallel(SupplementMode mode = SupplementMode.Pause) => new()
    {
        SupplementMode = mode,
        Steps =
        [
            Step("tiep-nhan", Performer.ReceivingUnit, StaffRoles.ReceptionOfficer, 10, StepKind.Work, "tham-dinh"),
            Step("tham-dinh", Performer.Agency, StaffRoles.Specialist, 40, StepKind.Work, "cong-an", "thue"),
            Step("cong-an", Performer.WardAgency, StaffRoles.Specialist, 20, StepKind.Work, "phe-duyet"),
            Step("thue", Performer.Unit, StaffRoles.Specialist, 20, StepKind.Work, "phe-duyet"),
            Step("phe-duyet", Performer.Agency, StaffRoles.UnitLeader, 20, StepKind.Approval, "tra-ket-qua"),
            Step("tra-ket-qua", Performer.ReceivingUnit, StaffRoles.ReceptionOfficer, 10, StepKind.Return),
        ],
    };

    [Fact]
    public void Parallel_steps_at_two_agencies_join_before_the_approval()
    {
        var (d, ctx) = Received(Parallel());
        d.Forward(OpenTask(d, "tham-dinh"), Specialist, "Chuyển liên thông", ctx, Tuesday.AddHours(2)).ShouldBeNull();
        d.Tasks.Where(t => t.IsOpen).Select(t => t.UnitName).ShouldBe([Police.Name, Tax.Name], ignoreOrder: true);

        d.Forward(OpenTask(d, "thue"), Policeman, null, ctx, Tuesday.AddHours(3))!.Status.ShouldBe(403, "the police may not finish the tax step");
        d.Forward(OpenTask(d, "cong-an"), Policeman, "Đã xác minh", ctx, Tuesday.AddHours(3)).ShouldBeNull();
        d.Tasks.Any(t => t.IsOpen && t.StepId == "phe-duyet").ShouldBeFalse("the join waits for the tax step");

        d.AttachResult(TaxOfficer, "Thông báo nộp thuế", [], paper: true, "TB-1", Tuesday.AddHours(4)).ShouldBeNull();
        d.Forward(OpenTask(d, "thue"), TaxOfficer, null, ctx, Tuesday.AddHours(4)).ShouldBeNull();
        d.Tasks.Count(t => t.IsOpen && t.StepId == "phe-duyet").ShouldBe(1);

        d.Approve(OpenTask(d, "phe-duyet"), Leader, "Đồng ý", ctx, Tuesday.AddHours(5)).ShouldBeNull();
        d.Status.ShouldBe(DossierStatus.Resolved);
        d.Verdict.ShouldBe(CompletionVerdict.Early);
    }

    [Fact]
    public void Each_step_gets_its_share_of_the_time_from_its_own_start()
    {
        var (d, ctx) = Received(Parallel());
        var appraisal = d.Tasks.Single(t => t.StepId == "tham-dinh");

        // 2 working days × 8 h = 16 h; 40 % = 6.4 h from Tue 09:30 → Tue 16:54.
        appraisal.DueAt.ShouldBe(ctx.Clock.DueAt(Tuesday, ClockBudget.WorkingHours(6.4m)));
        appraisal.DueAt!.Value.ToOffset(TimeSpan.FromHours(7)).ToString("HH:mm dd/MM", System.Globalization.CultureInfo.InvariantCulture).ShouldBe("16:54 10/03");
    }

    [Fact]
    public void A_supplement_pauses_the_clock_and_resuming_adds_the_paused_working_time()
    {
        var (d, ctx) = Received(Parallel());
        var due = d.DueAt!.Value;
        d.RequestSupplement(Specialist, [new MissingItem("Giấy chứng sinh", "Bản mờ")], Tuesday.AddHours(1)).ShouldBeNull();
        d.DueAt.ShouldBeNull();
        d.Forward(OpenTask(d, "tham-dinh"), Specialist, null, ctx, Tuesday.AddHours(2))!.Status.ShouldBe(409);

        // Paused Tue 10:30 → Wed 10:30: one working day not counted.
        d.SupplySupplement(Officer, "tại quầy", [], "Đã nhận bản giấy", ctx, Tuesday.AddDays(1).AddHours(1)).ShouldBeNull();
        d.DueAt.ShouldBe(ctx.Clock.Calendar.AddWorkingTime(due, TimeSpan.FromHours(8)));
        d.SupplementRounds.ShouldBe(1);
    }

    [Fact]
    public void A_procedure_that_restarts_after_a_supplement_counts_its_whole_time_again()
    {
        var (d, ctx) = Received(Parallel(SupplementMode.Restart));
        d.RequestSupplement(Specialist, [new MissingItem("Tờ khai", "Thiếu chữ ký")], Tuesday.AddHours(1)).ShouldBeNull();
        var resumed = Tuesday.AddDays(1).AddHours(1);
        d.SupplySupplement(Officer, "tại quầy", [], "Đã ký", ctx, resumed).ShouldBeNull();
        d.DueAt.ShouldBe(ctx.Clock.DueAt(resumed, ClockBudget.WorkingDays(2)));
    }

    [Fact]
    public void A_second_supplement_round_makes_the_dossier_late_whatever_the_time()
    {
        var (d, ctx) = Received(Parallel());
        for (var round = 1; round <= 2; round++)
        {
            d.RequestSupplement(Specialist, [new MissingItem("Tờ khai", $"Lần {round}")], Tuesday.AddMinutes(round * 10)).ShouldBeNull();
            d.SupplySupplement(Officer, "tại quầy", [], "Đã bổ sung", ctx, Tuesday.AddMinutes((round * 10) + 5)).ShouldBeNull();
        }

        d.Forward(OpenTask(d, "tham-dinh"), Specialist, null, ctx, Tuesday.AddHours(1)).ShouldBeNull();
        d.Forward(OpenTask(d, "cong-an"), Policeman, null, ctx, Tuesday.AddHours(1)).ShouldBeNull();
        d.AttachResult(TaxOfficer, "Kết quả", [], paper: true, null, Tuesday.AddHours(1)).ShouldBeNull();
        d.Forward(OpenTask(d, "thue"), TaxOfficer, null, ctx, Tuesday.AddHours(1)).ShouldBeNull();
        d.Approve(OpenTask(d, "phe-duyet"), Leader, null, ctx, Tuesday.AddHours(2)).ShouldBeNull();
        d.Verdict.ShouldBe(CompletionVerdict.Late);
    }

    [Fact]
    public void A_rejection_closes_the_parallel_steps_and_goes_straight_to_the_return()
    {
        var (d, ctx) = Received(Parallel());
        d.Forward(OpenTask(d, "tham-dinh"), Specialist, null, ctx, Tuesday.AddHours(1)).ShouldBeNull();
        d.Forward(OpenTask(d, "cong-an"), Policeman, null, ctx, Tuesday.AddHours(1)).ShouldBeNull();
        d.Reject(OpenTask(d, "thue"), Leader, "x", ctx, Tuesday)!.Code.ShouldBe("no-approval-step");
    }

    private static (Dossier, ProcessContext) Received(ProcessSpec spec)
    {
        var clock = DeadlineClock.Default;
        var due = clock.DueAt(Tuesday, ClockBudget.WorkingDays(2), spec.Rules);
        var d = Dossier.ReceiveAtCounter(
            new Dossier.NewDossier("000.00.01.H26-260310-0001", 1,
                new Dossier.ProcedureSnapshot(Guid.NewGuid(), "1.001193", 1, "Đăng ký khai sinh", Committee.Id, Committee.Name, 2, TimeUnit.WorkingDays),
                "", Channel.Counter, new Applicant { Name = "Nguyễn Thị Hường", IdNumber = "001090000001", WardCode = "00004" }, null, [], [], "{}", "Tại Chi nhánh số 1"),
            new Dossier.Actor(Officer.Id, Officer.Name, Branch.Id, Branch.Name), Tuesday, due);
        var units = new Dictionary<string, (Guid Id, string Name)>
        {
            ["tiep-nhan"] = Branch,
            ["tham-dinh"] = Committee,
            ["cong-an"] = Police,
            ["thue"] = Tax,
            ["phe-duyet"] = Committee,
            ["tra-ket-qua"] = Branch,
        };
        var ctx = new ProcessContext(Guid.NewGuid(), spec, units, clock);
        d.StartProcess(ctx, new Dossier.Actor(Officer.Id, Officer.Name, Branch.Id, Branch.Name), Tuesday);
        return (d, ctx);
    }

    private static Guid OpenTask(Dossier d, string step) => d.Tasks.Single(t => t.IsOpen && t.StepId == step).Id;

    private static ProcessStep Step(string id, Performer performer, string role, decimal percent, StepKind kind, params string[] next)
        => new() { Id = id, Name = id, Performer = performer, Role = role, BudgetPercent = percent, Kind = kind, Next = next };
}
