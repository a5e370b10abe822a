using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Queues;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Platform;

/// <summary>The data-protection key ring lives in the database: every node reads the cookies every other node issued.</summary>
public sealed class SharedKeyRingTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_staff_cookie_issued_by_one_node_is_accepted_by_another()
    {
        var cookies = new CookieContainer();
        using var first = MotCuaApp.Http(cookies, nodes.First.BaseAddress);
        using var second = MotCuaApp.Http(cookies, nodes.Second.BaseAddress);

        (await second.GetAsync("/api/v1/work")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "not signed in yet");
        (await MotCuaApp.SignInAsync(first, "chuyenvien", DemoStaff.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await first.GetAsync("/api/v1/work")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.GetAsync("/api/v1/work")).StatusCode.ShouldBe(HttpStatusCode.OK, "the second node reads the first node's cookie");

        await using var scope = nodes.Second.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<MotCuaDb>().DataProtectionKeys.CountAsync()).ShouldBeGreaterThan(0);
    }
}
