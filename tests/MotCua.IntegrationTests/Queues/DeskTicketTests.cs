using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Queues;

public abstract class DeskTicketTests(MotCuaApp app)
{
    [Fact]
    public async Task The_reception_desk_hands_out_a_ticket_in_the_visitors_name_with_the_priority_of_their_age()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        // 001045000777: born 1945, 75 or older → elderly priority without being asked.
        var response = await officer.PostAsJsonAsync("/api/v1/points/CN01/tickets", new { serviceGroup = "XH", idNumber = "001045000777" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
        ticket.GetProperty("number").GetString().ShouldStartWith("E-");
        ticket.GetProperty("priority").GetString().ShouldBe("Người cao tuổi");

        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tickets/{ticket.GetProperty("token").GetString()}");
        view.GetProperty("timeline")[0].GetProperty("detail").GetString().ShouldBe("tại bàn hướng dẫn");
    }

    [Fact]
    public async Task Only_staff_of_the_point_hand_out_desk_tickets_and_bad_input_is_refused()
    {
        using var anonymous = app.Client();
        (await anonymous.PostAsJsonAsync("/api/v1/points/CN01/tickets", new { serviceGroup = "HT" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var officer = await app.SignedInAsync("tiepnhan");
        var elsewhere = await officer.PostAsJsonAsync("/api/v1/points/CN05/tickets", new { serviceGroup = "HT" });
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var badId = await officer.PostAsJsonAsync("/api/v1/points/CN01/tickets", new { serviceGroup = "HT", idNumber = "12345" });
        badId.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badId.Content.ReadAsStringAsync()).ShouldContain("Số định danh cá nhân phải gồm đúng 12 chữ số.");

        var badGroup = await officer.PostAsJsonAsync("/api/v1/points/CN01/tickets", new { serviceGroup = "ZZ" });
        badGroup.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}

[Collection("sqlite")]
public sealed class DeskTicketOnSqlite(SqliteApp fixture) : DeskTicketTests(fixture.App);

[Collection("postgres")]
public sealed class DeskTicketOnPostgres(PostgresApp fixture) : DeskTicketTests(fixture.App);
