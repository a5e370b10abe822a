using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;
using MotCua.Platform.Identity;

namespace MotCua.IntegrationTests.Queues;

/// <summary>
/// An app of its own for the counter tests: the public write limit raised (the tests take many tickets) and the
/// priority rule "every 2nd call".
/// </summary>
public abstract class CountersApp(DatabaseProvider provider) : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["MotCua:RateLimits:WritesPerMinute"] = "100000",
        ["MotCua:RateLimits:LookupsPerMinute"] = "100000",
        ["MotCua:Queues:PriorityRule"] = "EveryNth",
        ["MotCua:Queues:PriorityEvery"] = "2",
    };

    public MotCuaApp App { get; } = new(provider, Settings);

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

public sealed class CountersSqliteApp() : CountersApp(DatabaseProvider.Sqlite);

public sealed class CountersPostgresApp() : CountersApp(DatabaseProvider.Postgres);

/// <summary>What the counter tests do through the API.</summary>
public static class QueueSteps
{
    /// <summary>A reception officer working for the point (created directly: the demo has one officer only).</summary>
    public static async Task CreateOfficerAsync(this MotCuaApp app, string userName, string pointCode, string role = StaffRoles.ReceptionOfficer)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MotCuaDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            return;
        }

        var unit = await db.Database.SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM org_units WHERE \"Code\" = {pointCode}").SingleAsync();
        var user = new StaffUser { Id = Guid.CreateVersion7(), UserName = userName, Email = $"{userName}@motcua.test", EmailConfirmed = true, FullName = $"Cán bộ {userName}", UnitId = unit, UnitName = pointCode };
        (await users.CreateAsync(user, MotCua.Organisation.Contracts.DemoStaff.Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
    }

    public static async Task<JsonElement> TakeAsync(this HttpClient client, string point, string group, string priority = "None")
    {
        var response = await KioskSteps.PostAsKioskAsync(client, point, new { point, serviceGroup = group, priority });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, string point, int counter, string action, object? body = null)
        => client.PostAsJsonAsync($"/api/v1/points/{point}/counters/{counter}/{action}", body ?? new { });

    public static async Task<JsonElement> OkAsync(this Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> RefusedAsync(this Task<HttpResponseMessage> call, int status)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task ProfileAsync(this HttpClient client, string point, int counter, params string[] groups)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/points/{point}/counters/{counter}/profile", new { serviceGroups = groups });
        ((int)response.StatusCode).ShouldBe(200, await response.Content.ReadAsStringAsync());
    }

    public static string Number(this JsonElement ticket) => ticket.GetProperty("number").GetString()!;
}
