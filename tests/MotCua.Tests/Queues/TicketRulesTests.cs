using MotCua.Queues.Tickets;

namespace MotCua.Tests.Queues;

public sealed class TicketRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    private static Ticket Waiting() => new() { PointId = Guid.NewGuid(), Day = new DateOnly(2026, 12, 1), Number = 12, Display = "A-0012", ServiceGroup = "HT" };

    [Fact]
    public void A_ticket_goes_waiting_called_serving_done()
    {
        var ticket = Waiting();
        var counter = Guid.NewGuid();
        ticket.Call(counter, "Nguyễn Văn A", Now).ShouldBeNull();
        ticket.Status.ShouldBe(TicketStatus.Called);
        ticket.CounterId.ShouldBe(counter);
        ticket.Recall(Now.AddMinutes(1)).ShouldBeNull();
        ticket.Calls.ShouldBe(2);
        ticket.StartServing(Now.AddMinutes(2)).ShouldBeNull();
        ticket.Finish(Now.AddMinutes(12)).ShouldBeNull();
        ticket.Status.ShouldBe(TicketStatus.Done);
        ticket.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void Actions_out_of_order_are_refused_with_the_ticket_and_its_state_named()
    {
        var ticket = Waiting();
        var error = ticket.Finish(Now);
        error.ShouldNotBeNull();
        error.Message.ShouldBe("Không thể kết thúc phục vụ số A-0012 đang ở trạng thái \"Đang chờ\".");
        ticket.Status.ShouldBe(TicketStatus.Waiting);
        ticket.MarkNoShow(Now).ShouldNotBeNull();
        ticket.StartServing(Now).ShouldNotBeNull();
        ticket.Recall(Now).ShouldNotBeNull();
        ticket.Transfer("CA", null).ShouldNotBeNull();
    }

    [Fact]
    public void A_called_ticket_cannot_be_called_again_by_another_counter_nor_cancelled()
    {
        var ticket = Waiting();
        ticket.Call(Guid.NewGuid(), "A", Now).ShouldBeNull();
        ticket.Call(Guid.NewGuid(), "B", Now).ShouldNotBeNull();
        ticket.Cancel(Now).ShouldNotBeNull();
        ticket.Status.ShouldBe(TicketStatus.Called);
    }

    [Fact]
    public void A_transfer_puts_the_ticket_back_in_the_queue_for_the_new_group_and_counter()
    {
        var ticket = Waiting();
        ticket.Call(Guid.NewGuid(), "A", Now);
        ticket.StartServing(Now);
        var to = Guid.NewGuid();
        ticket.Transfer("DD", to).ShouldBeNull();
        ticket.Status.ShouldBe(TicketStatus.Waiting);
        ticket.ServiceGroup.ShouldBe("DD");
        ticket.ReservedForCounterId.ShouldBe(to);
        ticket.CounterId.ShouldBeNull();
        ticket.QueuedAt.ShouldBe(default(DateTimeOffset), "the transfer keeps the ticket's place (its original queue time)");
    }

    [Fact]
    public void A_no_show_closes_the_ticket()
    {
        var ticket = Waiting();
        ticket.Call(Guid.NewGuid(), "A", Now);
        ticket.MarkNoShow(Now.AddMinutes(5)).ShouldBeNull();
        ticket.Status.ShouldBe(TicketStatus.NoShow);
        ticket.FinishedAt.ShouldBe(Now.AddMinutes(5));
    }

    [Theory]
    [InlineData("A-0012", "Quầy 3", "Mời số A 12 đến Quầy 3")]
    [InlineData("G-0100", "Quầy 10", "Mời số G 100 đến Quầy 10")]
    public void The_board_announces_the_number_as_it_is_read_aloud(string display, string counter, string expected)
        => TicketText.Announcement(display, counter).ShouldBe(expected);

    [Fact]
    public void Numbers_are_the_group_letter_and_four_digits()
        => TicketNumbers.Format("C", 7).ShouldBe("C-0007");

    [Theory]
    [InlineData("001090000001", 1990)]
    [InlineData("001201000006", 2001)]
    [InlineData("079045000123", 1945)]
    [InlineData("00109000000", null)]
    [InlineData("00109000000x", null)]
    [InlineData(null, null)]
    public void The_birth_year_is_read_from_the_personal_id_number(string? id, int? year)
        => CitizenAge.BirthYear(id).ShouldBe(year);

    [Fact]
    public void Errors_are_conflicts_so_the_api_answers_409()
        => Waiting().Finish(Now)!.Status.ShouldBe(409);
}
