using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Hosting;
using MotCua.Queues.Board;

namespace MotCua.IntegrationTests.Queues;

public abstract class BoardTests(MotCuaApp app)
{
    [Fact]
    public async Task The_board_shows_a_called_ticket_with_its_counter_and_the_announcement()
    {
        var (number, token) = await KioskSteps.TakeAsync(app, "CN11", "HT");
        var (_, waiting) = await KioskSteps.TakeAsync(app, "CN11", "HT");
        await KioskSteps.CallAsync(app, token, 34);

        using var client = app.Client();
        var board = await client.GetFromJsonAsync<JsonElement>("/api/v1/points/CN11/board");
        var announcement = $"Mời số {MotCua.Queues.Tickets.TicketText.Spoken(number)} đến Quầy 34";
        board.GetProperty("announcement").GetString().ShouldBe(announcement);
        var call = board.GetProperty("calls").EnumerateArray().First(c => c.GetProperty("number").GetString() == number);
        call.GetProperty("counter").GetString().ShouldBe("Quầy 34");
        call.GetProperty("calling").GetBoolean().ShouldBeTrue();
        board.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("code").GetString() == "HT").GetProperty("waiting").GetInt32().ShouldBeGreaterThanOrEqualTo(1);

        var page = await client.GetStringAsync("/bang/CN11");
        page.ShouldContain(announcement);
        page.ShouldContain("data-events=\"/api/v1/points/CN11/board/events\"");
        page.ShouldContain("<noscript><meta http-equiv=\"refresh\" content=\"15\"");
        waiting.ShouldNotBe(token);
    }

    [Fact]
    public async Task An_unknown_point_has_no_board()
    {
        using var client = app.Client();
        (await client.GetAsync("/api/v1/points/XX99/board")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/api/v1/points/XX99/board/events")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/bang/XX99")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_board_stream_sends_the_board_at_once_and_again_when_a_ticket_is_called()
    {
        var (number, token) = await KioskSteps.TakeAsync(app, "CN12", "CA");
        using var client = app.Client();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.GetAsync("/api/v1/points/CN12/board/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await NextBoardAsync(reader, timeout.Token);
        first.GetProperty("point").GetString().ShouldBe("CN12");
        first.GetProperty("calls").EnumerateArray().ShouldNotContain(c => c.GetProperty("number").GetString() == number);
        app.Services.GetRequiredService<BoardHub>().WatchedPoints.ShouldBeGreaterThanOrEqualTo(1);

        await KioskSteps.CallAsync(app, token, 35);
        JsonElement board;
        do
        {
            board = await NextBoardAsync(reader, timeout.Token);
        }
        while (!board.GetProperty("calls").EnumerateArray().Any(c => c.GetProperty("number").GetString() == number));

        board.GetProperty("announcement").GetString().ShouldBe($"Mời số {MotCua.Queues.Tickets.TicketText.Spoken(number)} đến Quầy 35");
    }

    /// <summary>Reads the stream up to the next `event: board` and returns its data (pings and comments are skipped).</summary>
    private static async Task<JsonElement> NextBoardAsync(StreamReader reader, CancellationToken ct)
    {
        string? type = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && type == "board")
            {
                return JsonSerializer.Deserialize<JsonElement>(line["data: ".Length..]);
            }
            else if (line.Length == 0)
            {
                type = null;
            }
        }

        throw new InvalidOperationException("The board stream ended.");
    }
}

[Collection("sqlite")]
public sealed class BoardOnSqlite(SqliteApp fixture) : BoardTests(fixture.App);

[Collection("postgres")]
public sealed class BoardOnPostgres(PostgresApp fixture) : BoardTests(fixture.App);
