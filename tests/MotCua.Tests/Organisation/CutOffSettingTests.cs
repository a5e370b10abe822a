using MotCua.Calendar.Clock;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Edit;
using MotCua.Dossiers.Processes;
using MotCua.Dossiers.Reception;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.WorkingCalendar;
using MotCua.Platform.Errors;

namespace MotCua.Tests.Organisation;

/// <summary>Where a dossier's reception cut-off comes from: the procedure version, its process, the organisation.</summary>
public sealed class CutOffSettingTests
{
    private sealed class Clocks(TimeOnly? cutOff) : IDeadlineClocks
    {
        public ValueTask<DeadlineClock> ClockAsync(CancellationToken ct) => ValueTask.FromResult(DeadlineClock.Default);

        public TimeOnly? DefaultCutOff => cutOff;
    }

    [Fact]
    public void The_organisation_default_is_off_unless_set()
    {
        new CalendarOptions().ToCutOff().ShouldBeNull();
        new CalendarOptions { CutOff = "15:00" }.ToCutOff().ShouldBe(new TimeOnly(15, 0));
    }

    [Theory]
    [InlineData("3pm")]
    [InlineData("25:00")]
    public void A_bad_default_stops_the_start_with_a_message_naming_the_setting(string value)
        => Should.Throw<InvalidOperationException>(() => new CalendarOptions { CutOff = value }.ToCutOff()).Message.ShouldStartWith("MotCua:Calendar:CutOff:");

    [Fact]
    public void The_version_comes_first_then_the_process_then_the_organisation()
    {
        var dueDates = new DueDates(new Clocks(new TimeOnly(16, 0)));
        var withProcessCutOff = new ProcessSpec { CutOff = new TimeOnly(15, 30) };

        dueDates.CutOff(new TimeOnly(15, 0), withProcessCutOff).ShouldBe(new TimeOnly(15, 0));
        dueDates.CutOff(null, withProcessCutOff).ShouldBe(new TimeOnly(15, 30));
        dueDates.CutOff(null, new ProcessSpec()).ShouldBe(new TimeOnly(16, 0));
        new DueDates(new Clocks(null)).CutOff(null, new ProcessSpec()).ShouldBeNull();
    }

    [Fact]
    public void Same_day_and_clock_hours_reach_the_clock()
    {
        DueDates.Budget(new ProcessingTime(1m, TimeUnit.SameDay, "Trong ngày")).ShouldBe(ClockBudget.SameDay());
        DueDates.Budget(new ProcessingTime(24m, TimeUnit.ClockHours, "24 giờ")).ShouldBe(ClockBudget.ClockHours(24));
        DueDates.Budget(new ProcessingTime(0.5m, TimeUnit.WorkingDays, "0,5 ngày làm việc")).ShouldBe(ClockBudget.WorkingDays(0.5m));
    }

    [Theory]
    [InlineData("15:00", 15, 0)]
    [InlineData("15h30", 15, 30)]
    [InlineData(" 9:45 ", 9, 45)]
    public void The_edit_page_reads_a_cut_off(string typed, int hour, int minute)
    {
        var errors = new List<Error>();
        var current = new ProcedureContent { Code = "1.000001", Name = "Thủ tục thử" };

        var content = new ProcedureForm { Name = "Thủ tục thử", ReceptionCutOff = typed }.ToContent("1.000001", current, errors);

        errors.ShouldBeEmpty();
        content.ReceptionCutOff.ShouldBe(new TimeOnly(hour, minute));
        new ProcedureForm { Name = "x", ReceptionCutOff = "" }.ToContent("1.000001", current, errors).ReceptionCutOff.ShouldBeNull();
    }

    [Theory]
    [InlineData("chiều")]
    [InlineData("25:00")]
    [InlineData("15:75")]
    public void A_bad_cut_off_on_the_edit_page_names_the_field(string typed)
    {
        var errors = new List<Error>();

        new ProcedureForm { Name = "x", ReceptionCutOff = typed }.ToContent("1.000001", new ProcedureContent { Code = "1.000001", Name = "x" }, errors);

        errors.ShouldHaveSingleItem().Field.ShouldBe("receptionCutOff");
    }

    [Fact]
    public void A_same_day_channel_on_the_edit_page_needs_no_number()
    {
        var errors = new List<Error>();
        var form = new ProcedureForm
        {
            Name = "x",
            Channels = [new ProcedureForm.ChannelRow { Channel = Channel.Counter, Accepted = true, TimeUnit = TimeUnit.SameDay, TimeValue = "" }],
        };

        var time = form.ToContent("1.000001", new ProcedureContent { Code = "1.000001", Name = "x" }, errors).Channels.Single().Time;

        errors.ShouldBeEmpty();
        time.ShouldBe(new ProcessingTime(1m, TimeUnit.SameDay, "Trong ngày làm việc"));
    }
}
