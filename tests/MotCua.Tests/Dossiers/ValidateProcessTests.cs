using MotCua.Dossiers.Processes;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Network;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Tests.Dossiers;

/// <summary>The rules of a process definition (quy trình nội bộ), one failing case per rule, messages in Vietnamese.</summary>
public sealed class ValidateProcessTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_generated_default_processes_are_valid(bool delegated)
        => ValidateProcess.Run(DefaultProcess.For(delegated)).ShouldBeEmpty();

    [Fact]
    public void A_parallel_lien_thong_process_that_joins_before_the_approval_is_valid()
        => ValidateProcess.Run(Parallel()).ShouldBeEmpty();

    [Fact]
    public void The_same_parallel_process_whose_branches_end_separately_is_refused()
    {
        var spec = Parallel() with
        {
            Steps =
            [
                Reception("tiep-nhan", 5, "chuyen-ho-so"),
                Step("chuyen-ho-so", StaffRoles.ReceptionOfficer, 5, "tham-dinh", performer: Performer.ReceivingUnit),
                Step("tham-dinh", StaffRoles.Specialist, 30, ["y-kien-cong-an", "y-kien-so-xd"]),
                Step("y-kien-cong-an", StaffRoles.Specialist, 20, "phe-duyet-cong-an", performer: Performer.WardAgency, wardKind: AgencyKind.CommunePolice),
                Step("phe-duyet-cong-an", StaffRoles.UnitLeader, 25, "tra-ket-qua", StepKind.Approval, Performer.WardAgency, wardKind: AgencyKind.CommunePolice),
                Step("y-kien-so-xd", StaffRoles.Specialist, 20, "phe-duyet", performer: Performer.Unit, unitCode: "SO-XD"),
                Step("phe-duyet", StaffRoles.UnitLeader, 25, "tra-ket-qua", StepKind.Approval),
                Return("tra-ket-qua", 15),
            ],
        };

        var error = ValidateProcess.Run(spec).ShouldHaveSingleItem();
        error.Field.ShouldBe("steps[2].next");
        error.Message.ShouldContain("Các nhánh song song sau bước \"tham-dinh\" (\"y-kien-cong-an\", \"y-kien-so-xd\") phải gặp lại nhau ở một bước chung trước bước trả kết quả \"tra-ket-qua\"");
    }

    [Fact]
    public void Nested_parallel_branches_that_join_are_valid()
    {
        var spec = new ProcessSpec
        {
            Steps =
            [
                Reception("tiep-nhan", 10, "a", "b"),
                Step("a", StaffRoles.Specialist, 20, ["a1", "a2"]),
                Step("a1", StaffRoles.Specialist, 30, "a-join"),
                Step("a2", StaffRoles.Specialist, 30, "a-join"),
                Step("a-join", StaffRoles.Specialist, 10, "phe-duyet"),
                Step("b", StaffRoles.Specialist, 60, "phe-duyet"),
                Step("phe-duyet", StaffRoles.UnitLeader, 20, "tra-ket-qua", StepKind.Approval),
                Return("tra-ket-qua", 10),
            ],
        };

        ValidateProcess.Run(spec).ShouldBeEmpty();
    }

    [Fact]
    public void A_process_needs_at_least_two_steps()
    {
        var errors = ValidateProcess.Run(new ProcessSpec { Steps = [Reception("tiep-nhan", 100)] });
        errors.ShouldContain(e => e.Field == "steps" && e.Message.Contains("ít nhất 2 bước"));
        ValidateProcess.Run(new ProcessSpec()).ShouldContain(e => e.Message.Contains("ít nhất 2 bước"));
    }

    [Theory]
    [InlineData("Tham_Dinh")]
    [InlineData("thẩm-định")]
    [InlineData("a-very-long-step-identifier-that-goes-past-forty")]
    public void A_step_id_uses_lower_case_letters_digits_and_dashes(string id)
    {
        var spec = Linear(("tiep-nhan", 10), (id, 80), ("tra-ket-qua", 10));
        var error = ValidateProcess.Run(spec).ShouldHaveSingleItem();
        error.Field.ShouldBe("steps[1].id");
        error.Message.ShouldBe($"Mã bước \"{id}\" (bước thứ 2) không hợp lệ: chỉ dùng chữ thường không dấu a-z, chữ số và dấu gạch ngang, tối đa 40 ký tự (ví dụ \"tham-dinh\").");
    }

    [Fact]
    public void Step_ids_are_unique()
    {
        var spec = Linear(("tiep-nhan", 10), ("tham-dinh", 40), ("tham-dinh", 40), ("tra-ket-qua", 10));
        ValidateProcess.Run(spec).ShouldContain(e => e.Field == "steps[2].id" && e.Message == "Mã bước \"tham-dinh\" bị trùng: bước thứ 2 và bước thứ 3 có cùng mã.");
    }

    [Fact]
    public void A_step_needs_an_id_and_a_name()
    {
        var spec = Replace(Linear(("tiep-nhan", 10), ("tham-dinh", 80), ("tra-ket-qua", 10)), 1, s => s with { Name = " " });
        var error = ValidateProcess.Run(spec).ShouldHaveSingleItem();
        error.Field.ShouldBe("steps[1].name");
        error.Message.ShouldBe("Vui lòng nhập tên của bước \"tham-dinh\".");

        var noId = Replace(Linear(("tiep-nhan", 10), ("tham-dinh", 80), ("tra-ket-qua", 10)), 2, s => s with { Id = "" });
        ValidateProcess.Run(noId).ShouldContain(e => e.Field == "steps[2].id" && e.Message == "Vui lòng nhập mã của bước thứ 3 (id).");
    }

    [Fact]
    public void The_first_step_is_the_reception_by_a_reception_officer_at_the_receiving_unit_or_the_center()
    {
        var valid = Linear(("tiep-nhan", 10), ("tham-dinh", 80), ("tra-ket-qua", 10));
        ValidateProcess.Run(Replace(valid, 0, s => s with { Performer = Performer.Center })).ShouldBeEmpty();

        ValidateProcess.Run(Replace(valid, 0, s => s with { Role = StaffRoles.Specialist })).ShouldHaveSingleItem().Message
            .ShouldBe("Bước đầu tiên \"tiep-nhan\" là bước tiếp nhận hồ sơ: vai trò phải là Cán bộ tiếp nhận (ReceptionOfficer).");
        ValidateProcess.Run(Replace(valid, 0, s => s with { Performer = Performer.Agency })).ShouldHaveSingleItem().Message
            .ShouldBe("Bước đầu tiên \"tiep-nhan\" là bước tiếp nhận hồ sơ: nơi thực hiện phải là nơi tiếp nhận (ReceivingUnit) hoặc Trung tâm (Center).");
        ValidateProcess.Run(Replace(valid, 0, s => s with { Kind = StepKind.Approval })).ShouldHaveSingleItem().Message
            .ShouldBe("Bước đầu tiên \"tiep-nhan\" phải là bước tiếp nhận hồ sơ (kind: Work), không phải bước phê duyệt hay trả kết quả.");
    }

    [Fact]
    public void A_process_has_exactly_one_return_step()
    {
        var none = Replace(Linear(("tiep-nhan", 10), ("tham-dinh", 80), ("tra-ket-qua", 10)), 2, s => s with { Kind = StepKind.Work });
        ValidateProcess.Run(none).ShouldContain(e => e.Message == "Quy trình phải có một bước trả kết quả (kind: Return) là bước cuối cùng.");

        var two = new ProcessSpec
        {
            Steps =
            [
                Reception("tiep-nhan", 10, "tra-1", "tra-2"),
                Return("tra-1", 90),
                Return("tra-2", 90),
            ],
        };
        ValidateProcess.Run(two).ShouldContain(e => e.Message == "Quy trình chỉ được có một bước trả kết quả (kind: Return); đang có 2: \"tra-1\", \"tra-2\".");
    }

    [Fact]
    public void Only_the_return_step_ends_the_process()
    {
        var stops = Replace(Linear(("tiep-nhan", 10), ("tham-dinh", 80), ("tra-ket-qua", 10)), 1, s => s with { Next = [] });
        ValidateProcess.Run(stops).ShouldContain(e => e.Field == "steps[1].next"
            && e.Message == "Bước \"tham-dinh\" chưa có bước tiếp theo; chỉ bước trả kết quả (Return) mới kết thúc quy trình.");

        var goesOn = new ProcessSpec
        {
            Steps =
            [
                Reception("tiep-nhan", 10, "tra-ket-qua"),
                Step("tra-ket-qua", StaffRoles.ReceptionOfficer, 80, "luu-tru", StepKind.Return, Performer.ReceivingUnit),
                Step("luu-tru", StaffRoles.ReceptionOfficer, 10, [], performer: Performer.ReceivingUnit),
            ],
        };
        ValidateProcess.Run(goesOn).ShouldContain(e => e.Field == "steps[1].next"
            && e.Message == "Bước trả kết quả \"tra-ket-qua\" là bước cuối của quy trình, không được có bước tiếp theo.");
    }

    [Fact]
    public void Every_next_step_exists()
    {
        var spec = Replace(Linear(("tiep-nhan", 10), ("tham-dinh", 80), ("tra-ket-qua", 10)), 1, s => s with { Next = ["phe-duyet"] });
        ValidateProcess.Run(spec).ShouldContain(e => e.Field == "steps[1].next"
            && e.Message == "Bước \"tham-dinh\" chuyển tới bước \"phe-duyet\", nhưng quy trình không có bước nào mã \"phe-duyet\".");
    }

    [Fact]
    public void A_process_has_no_cycle()
    {
        var spec = new ProcessSpec
        {
            Steps =
            [
                Reception("tiep-nhan", 10, "tham-dinh"),
                Step("tham-dinh", StaffRoles.Specialist, 40, ["kiem-tra", "tra-ket-qua"]),
                Step("kiem-tra", StaffRoles.Specialist, 40, "tham-dinh"),
                Return("tra-ket-qua", 10),
            ],
        };

        ValidateProcess.Run(spec).ShouldHaveSingleItem().Message
            .ShouldBe("Quy trình có vòng lặp: tham-dinh → kiem-tra → tham-dinh. Hồ sơ chỉ đi tới, không quay lại bước đã qua.");
    }

    [Fact]
    public void Every_step_is_reachable_from_the_reception()
    {
        var spec = new ProcessSpec
        {
            Steps =
            [
                Reception("tiep-nhan", 10, "tham-dinh"),
                Step("tham-dinh", StaffRoles.Specialist, 80, "tra-ket-qua"),
                Step("bi-quen", StaffRoles.Specialist, 80, "tra-ket-qua"),
                Return("tra-ket-qua", 10),
            ],
        };

        var error = ValidateProcess.Run(spec).ShouldHaveSingleItem();
        error.Field.ShouldBe("steps[2]");
        error.Message.ShouldBe("Bước \"bi-quen\" không thể đến được từ bước tiếp nhận \"tiep-nhan\": không bước nào chuyển tới nó.");
    }

    [Fact]
    public void Every_step_has_a_role_that_handles_dossiers()
    {
        var valid = Linear(("tiep-nhan", 10), ("tham-dinh", 80), ("tra-ket-qua", 10));

        var missing = ValidateProcess.Run(Replace(valid, 1, s => s with { Role = "" })).ShouldHaveSingleItem();
        missing.Field.ShouldBe("steps[1].role");
        missing.Message.ShouldBe("Vui lòng nhập vai trò thực hiện bước \"tham-dinh\" (role).");

        ValidateProcess.Run(Replace(valid, 1, s => s with { Role = StaffRoles.Administrator })).ShouldHaveSingleItem().Message
            .ShouldStartWith("Bước \"tham-dinh\": vai trò Quản trị hệ thống (Administrator) không xử lý hồ sơ; chọn một trong: ReceptionOfficer (Cán bộ tiếp nhận)");
        ValidateProcess.Run(Replace(valid, 1, s => s with { Role = StaffRoles.Auditor })).ShouldHaveSingleItem().Message
            .ShouldContain("Thanh tra, kiểm tra (Auditor) không xử lý hồ sơ");
        ValidateProcess.Run(Replace(valid, 1, s => s with { Role = "Janitor" })).ShouldHaveSingleItem().Message
            .ShouldStartWith("Bước \"tham-dinh\": vai trò \"Janitor\" không tồn tại; chọn một trong:");
    }

    [Fact]
    public void A_unit_step_names_its_unit_and_a_ward_step_its_commune_agency()
    {
        var valid = Linear(("tiep-nhan", 10), ("tham-dinh", 80), ("tra-ket-qua", 10));

        var unit = ValidateProcess.Run(Replace(valid, 1, s => s with { Performer = Performer.Unit })).ShouldHaveSingleItem();
        unit.Field.ShouldBe("steps[1].unitCode");
        unit.Message.ShouldBe("Vui lòng nhập mã đơn vị thực hiện bước \"tham-dinh\" (unitCode), vì bước do một đơn vị cụ thể thực hiện (performer: Unit).");
        ValidateProcess.Run(Replace(valid, 1, s => s with { Performer = Performer.Unit, UnitCode = "SO-XD" })).ShouldBeEmpty();
        ValidateProcess.Run(Replace(valid, 1, s => s with { UnitCode = "SO-XD" })).ShouldHaveSingleItem().Message
            .ShouldContain("mã đơn vị (unitCode) chỉ dùng khi nơi thực hiện là Unit");

        var ward = ValidateProcess.Run(Replace(valid, 1, s => s with { Performer = Performer.WardAgency })).ShouldHaveSingleItem();
        ward.Field.ShouldBe("steps[1].wardAgencyKind");
        ward.Message.ShouldBe("Bước \"tham-dinh\" do cơ quan cấp xã nơi cư trú của người nộp thực hiện: chọn wardAgencyKind là CommuneCommittee (UBND xã, phường) hoặc CommunePolice (Công an xã, phường).");
        ValidateProcess.Run(Replace(valid, 1, s => s with { Performer = Performer.WardAgency, WardAgencyKind = AgencyKind.Department })).ShouldHaveSingleItem();
        ValidateProcess.Run(Replace(valid, 1, s => s with { Performer = Performer.WardAgency, WardAgencyKind = AgencyKind.CommunePolice })).ShouldBeEmpty();

        ValidateProcess.Run(Replace(valid, 1, s => s with { Performer = 0 })).ShouldHaveSingleItem().Message
            .ShouldBe("Bước \"tham-dinh\": chưa chọn nơi thực hiện (performer): Center, ReceivingUnit, Agency, WardAgency hoặc Unit.");
    }

    [Fact]
    public void Every_step_has_a_positive_share_of_the_time()
    {
        var spec = Linear(("tiep-nhan", 10), ("tham-dinh", 0), ("tra-ket-qua", 90));
        var error = ValidateProcess.Run(spec).ShouldHaveSingleItem();
        error.Field.ShouldBe("steps[1].budgetPercent");
        error.Message.ShouldBe("Bước \"tham-dinh\": tỷ lệ thời gian (budgetPercent) phải lớn hơn 0%.");
    }

    [Fact]
    public void The_shares_add_up_to_100_along_the_path()
    {
        var spec = Linear(("tiep-nhan", 10), ("tham-dinh", 72.5m), ("tra-ket-qua", 10));
        ValidateProcess.Run(spec).ShouldHaveSingleItem().Message
            .ShouldBe("Tổng tỷ lệ thời gian (budgetPercent) trên đường đi tiep-nhan → tham-dinh → tra-ket-qua là 92,5%, phải đúng 100% (các nhánh song song phải có tổng bằng nhau).");
    }

    [Fact]
    public void Parallel_branches_have_the_same_share_of_the_time()
    {
        var spec = Replace(Parallel(), 4, s => s with { BudgetPercent = 15 });
        var error = ValidateProcess.Run(spec).ShouldHaveSingleItem();
        error.Message.ShouldBe("Tổng tỷ lệ thời gian (budgetPercent) trên đường đi tiep-nhan → chuyen-ho-so → tham-dinh → y-kien-so-xd → phe-duyet → tra-ket-qua là 95%, phải đúng 100% (các nhánh song song phải có tổng bằng nhau).");
    }

    [Fact]
    public void A_path_has_at_most_one_approval()
    {
        var spec = new ProcessSpec
        {
            Steps =
            [
                Reception("tiep-nhan", 10, "tham-dinh"),
                Step("tham-dinh", StaffRoles.Specialist, 40, "duyet-1"),
                Step("duyet-1", StaffRoles.UnitLeader, 20, "duyet-2", StepKind.Approval),
                Step("duyet-2", StaffRoles.CenterDirector, 20, "tra-ket-qua", StepKind.Approval, Performer.Center),
                Return("tra-ket-qua", 10),
            ],
        };

        ValidateProcess.Run(spec).ShouldHaveSingleItem().Message
            .ShouldBe("Đường đi tiep-nhan → tham-dinh → duyet-1 → duyet-2 → tra-ket-qua có 2 bước phê duyệt (\"duyet-1\", \"duyet-2\"); mỗi đường đi chỉ được có tối đa một bước phê duyệt.");

        var withoutApproval = Linear(("tiep-nhan", 10), ("tham-dinh", 80), ("tra-ket-qua", 10));
        ValidateProcess.Run(withoutApproval).ShouldBeEmpty("an approval step is optional");
    }

    [Fact]
    public void Every_message_is_a_bad_request_on_a_field()
    {
        var spec = new ProcessSpec { Steps = [Step("X", "", 0, "y"), Step("", "", 0, [])] };
        var errors = ValidateProcess.Run(spec);
        errors.Count.ShouldBeGreaterThan(5);
        errors.ShouldAllBe(e => e.Status == 400 && e.Field != null && e.Message.Length > 10);
    }

    /// <summary>Liên thông: after the appraisal, the commune police and the construction department give their opinion in parallel, then the leader approves.</summary>
    internal static ProcessSpec Parallel() => new()
    {
        Steps =
        [
            Reception("tiep-nhan", 5, "chuyen-ho-so"),
            Step("chuyen-ho-so", StaffRoles.ReceptionOfficer, 5, "tham-dinh", performer: Performer.ReceivingUnit),
            Step("tham-dinh", StaffRoles.Specialist, 30, ["y-kien-cong-an", "y-kien-so-xd"]),
            Step("y-kien-cong-an", StaffRoles.Specialist, 20, "phe-duyet", performer: Performer.WardAgency, wardKind: AgencyKind.CommunePolice),
            Step("y-kien-so-xd", StaffRoles.Specialist, 20, "phe-duyet", performer: Performer.Unit, unitCode: "SO-XD"),
            Step("phe-duyet", StaffRoles.UnitLeader, 25, "tra-ket-qua", StepKind.Approval),
            Return("tra-ket-qua", 15),
        ],
    };

    private static ProcessSpec Linear(params (string Id, decimal Percent)[] steps) => new()
    {
        Steps =
        [
            .. steps.Select((s, i) => i == 0
                ? Reception(s.Id, s.Percent, steps[1].Id)
                : i == steps.Length - 1
                    ? Return(s.Id, s.Percent)
                    : Step(s.Id, StaffRoles.Specialist, s.Percent, steps[i + 1].Id)),
        ],
    };

    private static ProcessSpec Replace(ProcessSpec spec, int index, Func<ProcessStep, ProcessStep> change)
        => spec with { Steps = [.. spec.Steps.Select((s, i) => i == index ? change(s) : s)] };

    private static ProcessStep Reception(string id, decimal percent, params string[] next)
        => Step(id, StaffRoles.ReceptionOfficer, percent, next, performer: Performer.ReceivingUnit);

    private static ProcessStep Return(string id, decimal percent)
        => Step(id, StaffRoles.ReceptionOfficer, percent, [], StepKind.Return, Performer.ReceivingUnit);

    private static ProcessStep Step(string id, string role, decimal percent, string next, StepKind kind = StepKind.Work, Performer performer = Performer.Agency, string? unitCode = null, AgencyKind? wardKind = null)
        => Step(id, role, percent, [next], kind, performer, unitCode, wardKind);

    private static ProcessStep Step(string id, string role, decimal percent, string[] next, StepKind kind = StepKind.Work, Performer performer = Performer.Agency, string? unitCode = null, AgencyKind? wardKind = null)
        => new()
        {
            Id = id,
            Name = $"Bước {id}",
            Kind = kind,
            Performer = performer,
            UnitCode = unitCode,
            WardAgencyKind = wardKind,
            Role = role,
            BudgetPercent = percent,
            Next = next,
        };
}
