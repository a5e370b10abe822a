using System.Net;
using MotCua.IntegrationTests.Hosting;
using MotCua.IntegrationTests.Portal;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Data;

namespace MotCua.IntegrationTests.Platform;

/// <summary>The app with 3 sign-in attempts a minute per address (the suite's other apps lift the limit).</summary>
public sealed class SignInThrottleApp : IAsyncLifetime
{
    public MotCuaApp App { get; } = new(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["MotCua:RateLimits:SignInsPerMinute"] = "3" });

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>Sign-in attempts are limited per client address: the staff form and the bundled e-ID provider's form.</summary>
public sealed class SignInThrottleTests(SignInThrottleApp fixture) : IClassFixture<SignInThrottleApp>
{
    private const string Throttled = "Bạn đã thử đăng nhập quá nhiều lần từ địa chỉ này. Vui lòng đợi một phút rồi thử lại.";

    [Fact]
    public async Task The_fourth_staff_attempt_in_a_minute_from_one_address_waits_while_another_address_signs_in()
    {
        var app = fixture.App;
        using var guesser = app.ClientFrom("127.0.0.3");
        for (var i = 0; i < 3; i++)
        {
            (await MotCuaApp.SignInAsync(guesser, $"doan{i}", "sai-mat-khau")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var fourth = await MotCuaApp.SignInAsync(guesser, "tiepnhan", DemoStaff.Password);
        fourth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, "even the right password waits");
        (await fourth.Content.ReadAsStringAsync()).ShouldContain(Throttled);

        using var officer = app.ClientFrom("127.0.0.4");
        (await MotCuaApp.SignInAsync(officer, "tiepnhan", DemoStaff.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task The_e_ID_sign_in_form_is_limited_per_address_too()
    {
        var app = fixture.App;
        using var guesser = app.ClientFrom("127.0.0.5");
        var page = await CitizenFlow.StartAsync(guesser);
        for (var i = 0; i < 3; i++)
        {
            (await CitizenFlow.SubmitAsync(guesser, page, "001090000001", "sai-mat-khau")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var fourth = await CitizenFlow.SubmitAsync(guesser, page, "001090000001", CitizenFlow.Password);
        fourth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await fourth.Content.ReadAsStringAsync()).ShouldContain(Throttled);

        using var citizen = app.ClientFrom("127.0.0.6");
        var other = await CitizenFlow.StartAsync(citizen);
        (await CitizenFlow.SubmitAsync(citizen, other, "001090000001", CitizenFlow.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
