using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Hosting;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;
using MotCua.Queues.Counters;
using MotCua.Queues.Kiosk;
using MotCua.Queues.Tickets;

namespace MotCua.IntegrationTests.Queues;

/// <summary>What the kiosk, follow and board tests do: post the pages' forms, take a ticket, call it at a counter.</summary>
public static partial class KioskSteps
{
    /// <summary>GETs a page and posts its form (with its antiforgery token), without following the redirect.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var match = AntiforgeryToken().Match(page);
        match.Success.ShouldBeTrue($"{path} has no form with an antiforgery token");
        var form = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value,
            ["_handler"] = handler,
        };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    private static readonly ConcurrentDictionary<(Uri, string), Task<string>> Keys = new();

    /// <summary>
    /// The credential of a kiosk registered for the point in this app's database (one per app and point), as an
    /// administrator's registration hands it out.
    /// </summary>
    public static Task<string> KioskKeyAsync(MotCuaApp app, string point)
        => Keys.GetOrAdd((app.BaseAddress, point.ToUpperInvariant()), _ => RegisterKioskAsync(app, point));

    public static async Task<string> RegisterKioskAsync(MotCuaApp app, string point, string name = "Ki-ốt thử nghiệm")
    {
        using var scope = app.Services.CreateScope();
        var place = (await scope.ServiceProvider.GetRequiredService<OrgDirectory>().ServicePlaceAsync(point, CancellationToken.None))!;
        var (kiosk, credential) = KioskDevice.Register(place.Id, name, "admin", DateTimeOffset.UtcNow);
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        db.Add(kiosk);
        await db.SaveChangesAsync();
        return credential;
    }

    /// <summary>POST /api/v1/tickets as the point's registered kiosk.</summary>
    public static async Task<HttpResponseMessage> PostAsKioskAsync(HttpClient client, string point, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(body) };
        request.Headers.Add(KioskRegistry.Header, await KioskKeyAsync(MotCuaApp.For(client), point));
        return await client.SendAsync(request);
    }

    /// <summary>Takes a ticket through the API as the point's registered kiosk: its number and token.</summary>
    public static async Task<(string Number, string Token)> TakeAsync(MotCuaApp app, string point, string group = "HT")
    {
        using var client = app.Client();
        var response = await PostAsKioskAsync(client, point, new { point, serviceGroup = group });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var ticket = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (ticket.GetProperty("number").GetString()!, ticket.GetProperty("token").GetString()!);
    }

    /// <summary>
    /// Calls the ticket to a counter of its point the way the counter page will: load the ticket, ticket.Call, save
    /// (the counter's use cases are someone else's work). The counter is created when the point has no such number.
    /// </summary>
    public static async Task CallAsync(MotCuaApp app, string token, int counterNumber)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var ticket = await db.Set<Ticket>().SingleAsync(t => t.Token == token);
        var counter = await db.Set<Counter>().FirstOrDefaultAsync(c => c.PointId == ticket.PointId && c.Number == counterNumber);
        if (counter is null)
        {
            counter = new Counter { PointId = ticket.PointId, Number = counterNumber, ServiceGroups = ticket.ServiceGroup, IsOpen = true, OfficerName = "Cán bộ thử" };
            db.Add(counter);
        }

        var now = DateTimeOffset.UtcNow;
        ticket.Call(counter.Id, "Cán bộ thử", now).ShouldBeNull();
        db.Add(new TicketEvent { TicketId = ticket.Id, At = now, Kind = TicketEventKind.Called, Detail = counter.Name, Actor = "Cán bộ thử" });
        await db.SaveChangesAsync();
    }

    public static async Task<ServicePlace> PlaceAsync(MotCuaApp app, string code)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<OrgDirectory>().ServicePlaceAsync(code, CancellationToken.None))!;
    }

    [GeneratedRegex("__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"__RequestVerificationToken\"")]
    private static partial Regex AntiforgeryToken();
}
