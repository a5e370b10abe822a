using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MotCua.Platform;
using MotCua.Platform.Errors;
using MotCua.Platform.Http;
using MotCua.Platform.Jobs;
using MotCua.Platform.Time;
using MotCua.Platform.Ui;

namespace MotCua.Tests.Platform;

/// <summary>The kernel's shared pieces every module leans on: the result of a use case, bodies, local time, links, QR codes, the job loop.</summary>
public sealed class KernelTests
{
    [Fact]
    public void A_result_is_a_value_or_its_refusals_never_both()
    {
        Result<int> ok = 42;
        ok.Succeeded.ShouldBeTrue();
        ok.Value.ShouldBe(42);
        ok.Errors.ShouldBeEmpty();
        ok.Error.ShouldBeNull();

        Result<int> refused = Error.NotFound("hồ sơ");
        refused.Succeeded.ShouldBeFalse();
        refused.Error!.Status.ShouldBe(404);

        Result<int> many = new List<Error> { Error.Required("a", "A"), Error.Required("b", "B") };
        var (value, errors) = many;
        value.ShouldBe(0);
        errors.Select(e => e.Field).ShouldBe(["a", "b"]);

        Should.Throw<ArgumentException>(() => Result.Fail<int>([]));
        refused.Cast<string>().Error!.Code.ShouldBe("not-found");
        Should.Throw<InvalidOperationException>(() => ok.Cast<string>());
    }

    [Fact]
    public void A_result_maps_to_one_http_answer()
    {
        ((Result<string>)"x").ToHttp().ShouldBeOfType<Ok<string>>().Value.ShouldBe("x");
        ((Result<string>)"x").ToCreated(v => $"/things/{v}").ShouldBeOfType<Created<string>>().Location.ShouldBe("/things/x");
        ((Result<Done>)Done.Value).ToNoContent().ShouldBeOfType<NoContent>();
        ((Result<byte[]>)new byte[] { 1, 2 }).ToFile("application/pdf", "a.pdf").ShouldBeOfType<FileContentHttpResult>().FileDownloadName.ShouldBe("a.pdf");

        var conflict = ((Result<string>)Error.Conflict("Đã có.")).ToHttp().ShouldBeOfType<ProblemHttpResult>();
        conflict.StatusCode.ShouldBe(409);
        conflict.ProblemDetails.Detail.ShouldBe("Đã có.");
        var invalid = ((Result<Done>)new List<Error> { Error.Required("name", "tên") }).ToNoContent().ShouldBeOfType<ProblemHttpResult>();
        invalid.StatusCode.ShouldBe(400);
        invalid.ProblemDetails.ShouldBeOfType<HttpValidationProblemDetails>().Errors["name"].ShouldBe(["Vui lòng nhập tên."]);
    }

    [Fact]
    public async Task A_body_is_read_up_to_its_limit_and_no_further()
    {
        (await RequestBodies.ReadTextAsync(Request("xin chào"), 100, CancellationToken.None)).ShouldBe(("xin chào", false));
        (await RequestBodies.ReadTextAsync(Request(new string('a', 101)), 100, CancellationToken.None)).TooLarge.ShouldBeTrue();

        var declaredTooLong = Request("short");
        declaredTooLong.ContentLength = 10_000;
        (await RequestBodies.ReadTextAsync(declaredTooLong, 100, CancellationToken.None)).TooLarge.ShouldBeTrue();

        RequestBodies.IsJson("application/json; charset=utf-8").ShouldBeTrue();
        RequestBodies.IsJson("application/problem+json").ShouldBeTrue();
        RequestBodies.IsJson("text/plain").ShouldBeFalse();
        RequestBodies.IsJson(null).ShouldBeFalse();
    }

    [Fact]
    public void Local_days_start_at_midnight_in_Vietnam()
    {
        VietnamTime.StartOf(new DateOnly(2026, 12, 7)).ShouldBe(new DateTimeOffset(2026, 12, 6, 17, 0, 0, TimeSpan.Zero));
        VietnamTime.At(new DateOnly(2026, 12, 7), new TimeOnly(8, 30)).ShouldBe(new DateTimeOffset(2026, 12, 7, 1, 30, 0, TimeSpan.Zero));
        VietnamTime.DayOf(new DateTimeOffset(2026, 12, 6, 16, 59, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 12, 6));
        VietnamTime.DayOf(new DateTimeOffset(2026, 12, 6, 17, 0, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 12, 7));
    }

    [Fact]
    public void Links_use_the_public_address_when_one_is_configured()
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("10.0.0.5:8080");
        new CenterOptions().BaseUrl(request).ShouldBe("http://10.0.0.5:8080");
        new CenterOptions { PublicBaseUrl = "https://dichvucong.hanoi.gov.vn/" }.BaseUrl(request).ShouldBe("https://dichvucong.hanoi.gov.vn");
    }

    [Fact]
    public void A_qr_code_is_one_svg_path_with_its_accessible_name()
    {
        var modules = QrCode.Modules("https://dichvucong.example.vn/tra-cuu?code=000.00.01.H26-261207-0001");
        modules.Count.ShouldBeGreaterThanOrEqualTo(21);
        modules.ShouldAllBe(row => row.Count == modules.Count);

        var svg = QrCode.Svg("https://x.vn/q/abc", "Mã QR \"theo dõi\"").Value;
        svg.ShouldStartWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\"");
        System.Net.WebUtility.HtmlDecode(Regex.Match(svg, "aria-label=\"([^\"]*)\"").Groups[1].Value).ShouldBe("Mã QR \"theo dõi\"");
        svg.ShouldContain("<path fill=\"#000\" d=\"M");
    }

    [Fact]
    public async Task The_job_loop_runs_a_job_each_tick_in_its_own_scope_and_survives_a_failure()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddScoped<CountingJob>().AddSingleton<JobLog>().BuildServiceProvider();
        var runner = new PeriodicJobRunner<CountingJob>(services.GetRequiredService<IServiceScopeFactory>(), time, NullLogger<CountingJob>.Instance, TimeSpan.FromMinutes(1));
        await runner.StartAsync(CancellationToken.None);
        var log = services.GetRequiredService<JobLog>();

        // The loop starts on a thread of its own: keep the clock moving a minute at a time until it has run three times.
        for (var i = 0; i < 500 && log.Runs.Count < 3; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(10);
        }

        log.Runs.Count.ShouldBeGreaterThanOrEqualTo(3, "the loop goes on after the failing second run");
        log.Runs.Distinct().Count().ShouldBe(log.Runs.Count, "a fresh scope (and job) every run");
        await runner.StopAsync(CancellationToken.None);
    }

    private static HttpRequest Request(string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }

    private sealed class JobLog
    {
        public List<Guid> Runs { get; } = [];
    }

    /// <summary>Counts its runs; the second run fails, which the loop logs and survives.</summary>
    private sealed class CountingJob(JobLog log) : IPeriodicJob
    {
        private readonly Guid id = Guid.NewGuid();

        public Task<string?> RunOnceAsync(CancellationToken ct)
        {
            log.Runs.Add(id);
            return log.Runs.Count == 2 ? throw new InvalidOperationException("a failing run") : Task.FromResult<string?>("ran");
        }
    }
}
