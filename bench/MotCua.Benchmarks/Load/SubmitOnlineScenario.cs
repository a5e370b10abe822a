using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace MotCua.Benchmarks.Load;

/// <summary>
/// The "submit-online" scenario: each virtual user is a demo citizen who signs in once through the real
/// OpenID Connect flow of the bundled provider, then files birth-registration dossiers online, one after the
/// other, through the portal's plain HTML form as a browser without JavaScript does: GET the prefilled form,
/// POST it with the required uploads (review), POST the review with the declaration (submit), follow the
/// redirect to the dossier's page with its code. A wrong answer fails that dossier; every failure is counted.
/// </summary>
public static partial class LoadRunner
{
    /// <summary>The HTTP requests of one online filing, for the per-request figures.</summary>
    private static readonly string[] SubmitRequests = ["form", "review", "submit", "done"];

    private static async Task<int> RunSubmitOnlineAsync(Dictionary<string, string> options, Uri baseUrl, int concurrency)
    {
        var seconds = double.Parse(options.GetValueOrDefault("seconds", "60"), CultureInfo.InvariantCulture);
        var password = options.GetValueOrDefault("password", CitizenPortal.DemoPassword);
        var procedure = options.GetValueOrDefault("procedure", "1.001193");
        var stats = new LifeStats();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"submit-online: {concurrency} virtual users (demo citizens, signed in through the bundled OpenID Connect provider), procedure {procedure}, {seconds:0} s, against {baseUrl}"));
        var users = new List<CitizenBrowser>();
        try
        {
            var signIns = new List<double>();
            for (var i = 0; i < concurrency; i++)
            {
                var browser = CitizenPortal.Browser(baseUrl);
                users.Add(browser);
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await CitizenPortal.SignInAsync(browser, CitizenPortal.DemoCitizens[i % CitizenPortal.DemoCitizens.Length], password);
                }
                catch (Exception e) when (e is InvalidOperationException or HttpRequestException)
                {
                    await Console.Error.WriteLineAsync($"submit-online: virtual user {i + 1} could not sign in: {e.Message}");
                    return 1;
                }

                signIns.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            Report("sign-in (OIDC code flow, 6 requests, one after the other)", "sign-ins/s", Summarize([.. signIns], signIns.Sum() / 1000));

            // One untimed filing per virtual user first (JIT, pools, caches); its failures still count.
            await Task.WhenAll(users.Select(u => FileOnlineAsync(u.Http, procedure, stats, timed: false)));
            Console.WriteLine($"warm-up: {users.Count} dossiers (one per virtual user, not timed), {stats.Failed} failed");

            var watch = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(seconds);
            await Task.WhenAll(users.Select(u => Task.Run(async () =>
            {
                // A virtual user starts no new filing after the deadline and finishes the one it is in.
                while (watch.Elapsed < deadline)
                {
                    await FileOnlineAsync(u.Http, procedure, stats, timed: true);
                }
            })));
            watch.Stop();

            var elapsed = watch.Elapsed.TotalSeconds;
            var dossiers = Summarize(stats.Lives.ToArray(), elapsed);
            var requests = Summarize(stats.Requests.Values.SelectMany(v => v).ToArray(), elapsed);
            Report("submit-online (form → review → submit → dossier page, 4 requests)", "dossiers/s", dossiers);
            Report("request (one HTTP request of a filing)", "requests/s", requests);
            foreach (var request in SubmitRequests)
            {
                if (stats.Requests.TryGetValue(request, out var latencies) && !latencies.IsEmpty)
                {
                    Report($"  {request}", "requests/s", Summarize(latencies.ToArray(), elapsed));
                }
            }

            Console.WriteLine($"errors: {stats.Failed} dossiers failed ({stats.HttpErrors} HTTP errors: unexpected status or no answer; {stats.FlowErrors} unexpected pages)");
            foreach (var (error, count) in stats.Errors.OrderByDescending(e => e.Value).Take(20))
            {
                Console.WriteLine($"  {count} × {error}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT submit_per_s={dossiers.PerSecond:0.00} submit_p50_ms={dossiers.P50:0.0} submit_p95_ms={dossiers.P95:0.0} submit_p99_ms={dossiers.P99:0.0} request_per_s={requests.PerSecond:0.0} request_p50_ms={requests.P50:0.0} request_p95_ms={requests.P95:0.0} request_p99_ms={requests.P99:0.0} completed={dossiers.Count} failed={stats.Failed} http_errors={stats.HttpErrors}"));
            return stats.Failed == 0 && dossiers.Count > 0 ? 0 : 1;
        }
        finally
        {
            foreach (var user in users)
            {
                user.Dispose();
            }
        }
    }

    /// <summary>One online filing; a failure is recorded, never thrown.</summary>
    private static async Task FileOnlineAsync(HttpClient client, string procedure, LifeStats stats, bool timed)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await SubmitOnlineAsync(client, procedure, timed ? (request, ms) => stats.Requests.GetOrAdd(request, _ => []).Add(ms) : null);
        }
        catch (LifeFailed e)
        {
            stats.Fail(e.Message, e.Http);
            return;
        }
        catch (InvalidOperationException e)
        {
            stats.Fail($"unexpected page: {e.Message}", http: false);
            return;
        }

        if (timed)
        {
            stats.Lives.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    /// <summary>Files one dossier through the portal's form as a browser would; returns its code.</summary>
    internal static async Task<string> SubmitOnlineAsync(HttpClient client, string procedure, Action<string, double>? timed)
    {
        var page = $"/portal/nop/{Uri.EscapeDataString(procedure)}";
        var form = await SendPageAsync(client, "form", timed, () => new HttpRequestMessage(HttpMethod.Get, page), HttpStatusCode.OK);
        var fields = CitizenPortal.FormFields(form.Html, "apply");
        fields["Step"] = "review";
        var reviewed = await SendPageAsync(client, "review", timed,
            () => new HttpRequestMessage(HttpMethod.Post, page) { Content = CitizenPortal.Multipart(fields, CitizenPortal.RequiredFiles(form.Html, "apply")) },
            HttpStatusCode.OK);
        if (!reviewed.Html.Contains("Kiểm tra lại trước khi nộp", StringComparison.Ordinal))
        {
            throw new LifeFailed("review: the form came back without the review (refused values?)", http: false);
        }

        var review = CitizenPortal.FormFields(reviewed.Html, "apply");
        review["Step"] = "submit";
        review["Declaration"] = "true";
        var submitted = await SendPageAsync(client, "submit", timed,
            () => new HttpRequestMessage(HttpMethod.Post, page) { Content = CitizenPortal.Multipart(review, []) },
            HttpStatusCode.Redirect);
        var location = submitted.Location!;
        var code = Uri.UnescapeDataString(DossierPage().Match(location.OriginalString).Groups[1].Value);
        if (code.Length == 0)
        {
            throw new LifeFailed($"submit: sent to {location}, not to the dossier's page", http: false);
        }

        var done = await SendPageAsync(client, "done", timed, () => new HttpRequestMessage(HttpMethod.Get, location), HttpStatusCode.OK);
        if (!done.Html.Contains(code, StringComparison.Ordinal))
        {
            throw new LifeFailed("done: the dossier's page does not show its code", http: false);
        }

        return code;
    }

    private sealed record Page(string Html, Uri? Location);

    private static async Task<Page> SendPageAsync(HttpClient client, string request, Action<string, double>? timed, Func<HttpRequestMessage> build, HttpStatusCode expected)
    {
        using var message = build();
        var start = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        string html;
        try
        {
            response = await client.SendAsync(message);
            html = await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new LifeFailed($"{request}: no answer ({e.GetType().Name}: {e.Message})", http: true);
        }

        using (response)
        {
            timed?.Invoke(request, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (response.StatusCode != expected)
            {
                var where = response.Headers.Location is { } l ? $" to {l.GetLeftPart(UriPartial.Path)}" : "";
                var alert = Alert().Match(html) is { Success: true } m ? $": {WebUtility.HtmlDecode(TagsOut().Replace(m.Groups[1].Value, " ")).Trim()}" : "";
                throw new LifeFailed($"{request}: {message.Method} {Shape(message.RequestUri)} answered {(int)response.StatusCode}{where}{alert}", http: true);
            }

            return new Page(html, response.Headers.Location);
        }
    }

    /// <summary>The path without the query and the dossier's code, so the same failure is counted once.</summary>
    private static string Shape(Uri? uri)
    {
        var path = uri is null ? "" : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
        return DossierPage().Replace(path, "/portal/ho-so/{code}");
    }

    [GeneratedRegex("/portal/ho-so/([^?]+)")]
    private static partial Regex DossierPage();

    [GeneratedRegex("role=\"alert\"[^>]*>(.{0,300})", RegexOptions.Singleline)]
    private static partial Regex Alert();

    [GeneratedRegex("<[^>]+>|\\s+")]
    private static partial Regex TagsOut();
}
