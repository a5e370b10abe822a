using System.Net;
using System.Net.Http.Json;
using MotCua.Integrations.Simulators;
using MotCua.IntegrationTests.Dossiers;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Integrations;

/// <summary>
/// The population registry over HTTP: the app asks the registry simulator, a separate server on its own port, and the counter
/// carries on when it is slow, failing or does not know the citizen — the officer types the data, the trail says what happened.
/// </summary>
[Collection("sqlite")]
public sealed class PopulationRegistryTests(SqliteApp fixture)
{
    private readonly MotCuaApp app = fixture.App;

    // Citizens of the simulator's data file that no other test looks up, so a fault set for one of them touches nobody else.
    private static readonly MotCua.Integrations.Contracts.Citizen Found = RegistrySimulator.Citizens[200];
    private static readonly MotCua.Integrations.Contracts.Citizen Slow = RegistrySimulator.Citizens[201];
    private static readonly MotCua.Integrations.Contracts.Citizen Failing = RegistrySimulator.Citizens[202];

    [Fact]
    public void The_simulator_holds_two_hundred_citizens_or_more_in_every_Hanoi_ward_with_their_households()
    {
        var citizens = RegistrySimulator.Citizens;
        citizens.Count.ShouldBeGreaterThanOrEqualTo(200);
        citizens.Select(c => c.WardCode).Distinct().Count().ShouldBe(126);
        citizens.Select(c => c.IdNumber).Distinct().Count().ShouldBe(citizens.Count);
        citizens.ShouldAllBe(c => c.IdNumber.Length == 12 && c.IdNumber.StartsWith("001") && c.HouseholdNumber != null && c.HouseholdHead != null);
        citizens.Count(c => c.TemporaryAddress != null).ShouldBeGreaterThan(0);
        citizens.Take(6).Select(c => c.IdNumber).ShouldBe(["001090000001", "001085000002", "001078000003", "001095000004", "001049000005", "001001000006"]);
    }

    [Fact]
    public async Task The_counter_fills_the_applicant_from_the_registry_server_and_the_lookup_is_audited()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        var page = await officer.GetStringAsync($"/reception?procedure={Reception.BirthRegistration}&id={Found.IdNumber}");

        page.ShouldContain($"value=\"{Found.FullName}\"");
        page.ShouldContain(Found.DateOfBirth.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        Simulators.Registry.State.Received.ShouldContain(r => r.IdNumber == Found.IdNumber && r.Status == 200);
        (await app.AuditAsync($"citizen:{Found.IdNumber}")).ShouldContain(a => a.Action == "registry.lookup" && a.Details!.EndsWith("; có trong CSDL dân cư"));
    }

    [Fact]
    public async Task A_registry_that_times_out_or_fails_leaves_the_officer_typing_and_the_trail_saying_so()
    {
        Simulators.Registry.State.Set(new RegistryFault(RegistryFaultKind.Slow, DateTimeOffset.UtcNow.AddMinutes(2), 8_000, Slow.IdNumber));
        Simulators.Registry.State.Set(new RegistryFault(RegistryFaultKind.Error, DateTimeOffset.UtcNow.AddMinutes(2), 0, Failing.IdNumber));
        using var officer = await app.SignedInAsync("tiepnhan");

        var started = DateTimeOffset.UtcNow;
        var slow = await officer.GetAsync($"/reception?procedure={Reception.BirthRegistration}&id={Slow.IdNumber}");
        slow.StatusCode.ShouldBe(HttpStatusCode.OK);
        (DateTimeOffset.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(8), "the page does not wait for the slow registry");
        var slowPage = await slow.Content.ReadAsStringAsync();
        slowPage.ShouldContain("CSDL dân cư không trả lời");
        slowPage.ShouldNotContain(Slow.FullName);
        slowPage.ShouldContain("name=\"Input.Name\"", Case.Sensitive, "the officer types the applicant");

        var failing = await officer.GetStringAsync($"/reception?procedure={Reception.BirthRegistration}&id={Failing.IdNumber}");
        failing.ShouldContain("CSDL dân cư không trả lời (CSDL dân cư trả lời lỗi 500.)");

        (await app.AuditAsync($"citizen:{Slow.IdNumber}")).ShouldContain(a => a.Action == "registry.lookup" && a.Details!.Contains("CSDL dân cư không trả lời (CSDL dân cư không trả lời trong 5 giây.)"));
        (await app.AuditAsync($"citizen:{Failing.IdNumber}")).ShouldContain(a => a.Action == "registry.lookup" && a.Details!.Contains("trả lời lỗi 500"));
    }

    [Fact]
    public async Task An_unknown_ID_number_is_not_found_and_a_malformed_one_never_leaves_the_app()
    {
        using var officer = await app.SignedInAsync("tiepnhan");
        (await officer.GetStringAsync($"/reception?procedure={Reception.BirthRegistration}&id=001099999999"))
            .ShouldContain("Không tìm thấy số định danh 001099999999 trong CSDL dân cư");
        Simulators.Registry.State.Received.ShouldContain(r => r.IdNumber == "001099999999" && r.Status == 404);

        (await officer.GetStringAsync($"/reception?procedure={Reception.BirthRegistration}&id=00109-abc")).ShouldContain("Không tìm thấy số định danh");
        Simulators.Registry.State.Received.ShouldNotContain(r => r.IdNumber == "00109-abc");
    }

    [Fact]
    public async Task The_simulator_refuses_a_request_without_its_key_and_a_fault_it_cannot_play()
    {
        await using var guarded = RegistryServer.Start(apiKey: "khoa-thu-nghiem");
        using var http = new HttpClient { BaseAddress = guarded.ApiAddress };
        (await http.GetAsync($"citizens/{Found.IdNumber}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"citizens/{Found.IdNumber}") { Headers = { { "X-Api-Key", "khoa-thu-nghiem" } } };
        var answer = await http.SendAsync(request);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await answer.Content.ReadFromJsonAsync<MotCua.Integrations.Registry.RegistryRecord>())!.HouseholdHead.ShouldBe(Found.HouseholdHead);

        (await http.PostAsJsonAsync("faults", new { kind = "explode", seconds = 10 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        guarded.State.Faults.ShouldBeEmpty();
        (await http.PostAsJsonAsync("faults", new { kind = "error", seconds = 10 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        guarded.State.Faults.ShouldHaveSingleItem().Kind.ShouldBe(RegistryFaultKind.Error);
    }
}

/// <summary>The one-command demo: no registry address configured, the app asks its own simulator at /simulators/registry over HTTP.</summary>
public sealed class InProcessSimulatorTests
{
    [Fact]
    public async Task Without_an_address_the_demo_asks_its_own_simulator_which_only_an_administrator_may_open()
    {
        var app = new MotCuaApp(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["MotCua:Registry:BaseUrl"] = "" });
        await app.InitializeAsync();
        try
        {
            var citizen = RegistrySimulator.Citizens[150];
            using var officer = await app.SignedInAsync("tiepnhan");
            (await officer.GetStringAsync($"/reception?procedure={Reception.BirthRegistration}&id={citizen.IdNumber}")).ShouldContain($"value=\"{citizen.FullName}\"");
            Simulators.Registry.State.Received.ShouldNotContain(r => r.IdNumber == citizen.IdNumber, "not the shared test server: the app's own simulator");
            var refused = await officer.GetAsync("/simulators/registry");
            refused.StatusCode.ShouldBe(HttpStatusCode.Found);
            refused.Headers.Location!.AbsolutePath.ShouldBe("/account/access-denied");
            (await officer.GetAsync($"/simulators/registry/api/citizens/{citizen.IdNumber}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "only the app knows its simulator's key");

            using var admin = await app.SignedInAsync("admin");
            var index = await admin.GetStringAsync("/simulators");
            index.ShouldContain("href=\"/simulators/registry\"");
            var page = await admin.GetStringAsync("/simulators/registry");
            page.ShouldContain(citizen.IdNumber);
            page.ShouldContain("200 — " + citizen.FullName);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}
