using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotCua.Benchmarks.Load;

/// <summary>
/// The "life" scenario: each virtual user is a small team of demo staff (the reception officer of CN01, the
/// leader and the specialist of Phường Ba Đình's People's Committee), each signed in once with their own
/// cookies, who receive a birth-registration dossier at the counter and drive it through every step to the
/// returned result, as tests/MotCua.IntegrationTests/Dossiers/ProcessingTests.cs does. A non-2xx answer (or
/// an unexpected state) fails that dossier; every failure is counted and printed.
/// </summary>
public static partial class LoadRunner
{
    /// <summary>The HTTP requests of one life, for the per-action figures.</summary>
    private static readonly string[] Actions = ["upload", "receive", "read", "forward", "assign", "result", "approve", "return"];

    private static async Task<int> RunLifeAsync(Dictionary<string, string> options, Uri baseUrl, int concurrency)
    {
        var seconds = double.Parse(options.GetValueOrDefault("seconds", "60"), CultureInfo.InvariantCulture);
        var password = options.GetValueOrDefault("password", "MotCua@2026");
        var stats = new LifeStats();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"life: {concurrency} virtual users (tiepnhan, lanhdao, chuyenvien each), {seconds:0} s, against {baseUrl}"));
        var users = new List<Team>();
        try
        {
            for (var i = 0; i < concurrency; i++)
            {
                users.Add(await Team.SignInAsync(baseUrl, password));
            }

            // One untimed life per virtual user first (JIT, pools, caches); its failures still count.
            await Task.WhenAll(users.Select((team, i) => LifeAsync(team, i, stats, timed: false)));
            Console.WriteLine($"warm-up: {users.Count} dossiers (one per virtual user, not timed), {stats.Failed} failed");

            var watch = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(seconds);
            await Task.WhenAll(users.Select((team, i) => Task.Run(async () =>
            {
                // A virtual user starts no new life after the deadline and finishes the one it is in.
                for (var n = 1; watch.Elapsed < deadline; n++)
                {
                    await LifeAsync(team, i + (n * concurrency), stats, timed: true);
                }
            })));
            watch.Stop();

            var elapsed = watch.Elapsed.TotalSeconds;
            var lives = Summarize(stats.Lives.ToArray(), elapsed);
            var actions = Summarize(stats.Requests.Values.SelectMany(v => v).ToArray(), elapsed);
            Report("life (receive → … → result returned, 18 requests, 3 staff)", "dossiers/s", lives);
            Report("action (one HTTP request of a life)", "requests/s", actions);
            foreach (var action in Actions)
            {
                if (stats.Requests.TryGetValue(action, out var latencies) && !latencies.IsEmpty)
                {
                    Report($"  {action}", "requests/s", Summarize(latencies.ToArray(), elapsed));
                }
            }

            Console.WriteLine($"errors: {stats.Failed} dossiers failed ({stats.HttpErrors} HTTP errors: non-2xx answers or no answer; {stats.FlowErrors} unexpected states)");
            var distinct = stats.Errors.OrderByDescending(e => e.Value).ToList();
            foreach (var (error, count) in distinct.Take(20))
            {
                Console.WriteLine($"  {count} × {error}");
            }

            if (distinct.Count > 20)
            {
                Console.WriteLine($"  … and {distinct.Count - 20} more distinct errors ({distinct.Skip(20).Sum(e => e.Value)} dossiers)");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT life_per_s={lives.PerSecond:0.00} life_p50_ms={lives.P50:0.0} life_p95_ms={lives.P95:0.0} life_p99_ms={lives.P99:0.0} action_per_s={actions.PerSecond:0.0} action_p50_ms={actions.P50:0.0} action_p95_ms={actions.P95:0.0} action_p99_ms={actions.P99:0.0} completed={lives.Count} failed={stats.Failed} http_errors={stats.HttpErrors}"));
            return stats.Failed == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var team in users)
            {
                team.Dispose();
            }
        }
    }

    private static Measure Summarize(double[] latencies, double seconds)
    {
        if (latencies.Length == 0)
        {
            return new Measure(0, seconds, double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, Math.Max(0, (int)Math.Ceiling(p * latencies.Length) - 1))];
        return new Measure(latencies.Length, seconds, Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }

    /// <summary>One dossier from the counter to the returned result; a failure is recorded, never thrown.</summary>
    private static async Task LifeAsync(Team team, int n, LifeStats stats, bool timed)
    {
        var life = new Life(stats, timed);
        var start = Stopwatch.GetTimestamp();
        try
        {
            var officer = team.Officer;
            var leader = team.Leader;
            var specialist = team.Specialist;

            var sha = await life.UploadAsync(officer, "to-khai.pdf");
            var received = await life.SendAsync("receive", officer, HttpMethod.Post, "/api/v1/dossiers", ReceptionRequest(sha, IdNumber(n)));
            var code = received.GetProperty("code").GetString()!;
            var at = $"/api/v1/dossiers/{Uri.EscapeDataString(code)}";

            var d = await life.ReadAsync(officer, at);
            await life.ActAsync("forward", officer, $"{at}/forwards", new JsonObject { ["taskId"] = OpenId(d, "chuyen-ho-so"), ["comment"] = "Chuyển UBND phường" });

            d = await life.ReadAsync(leader, at);
            await life.ActAsync("forward", leader, $"{at}/forwards", new JsonObject { ["taskId"] = OpenId(d, "phan-cong") });
            d = await life.ReadAsync(leader, at);
            await life.ActAsync("assign", leader, $"{at}/assignments", new JsonObject { ["taskId"] = OpenId(d, "tham-dinh"), ["assignee"] = "chuyenvien" });

            d = await life.ReadAsync(specialist, at);
            var appraisal = OpenId(d, "tham-dinh");
            var result = await life.UploadAsync(specialist, "trich-luc-khai-sinh.pdf");
            await life.ActAsync("result", specialist, $"{at}/results", new JsonObject
            {
                ["description"] = "Giấy khai sinh (bản chính)",
                ["number"] = string.Create(CultureInfo.InvariantCulture, $"{n}/2026"),
                ["documents"] = new JsonArray(new JsonObject { ["sha256"] = result, ["fileName"] = "kq.pdf" }),
                ["paper"] = true,
            });
            await life.ActAsync("forward", specialist, $"{at}/forwards", new JsonObject { ["taskId"] = appraisal, ["comment"] = "Đủ điều kiện" });

            d = await life.ReadAsync(leader, at);
            await life.ActAsync("approve", leader, $"{at}/approvals", new JsonObject { ["taskId"] = OpenId(d, "phe-duyet"), ["decision"] = "approve", ["comment"] = "Đồng ý" });

            d = await life.ReadAsync(specialist, at);
            await life.ActAsync("forward", specialist, $"{at}/forwards", new JsonObject { ["taskId"] = OpenId(d, "chuyen-ket-qua") });

            d = await life.ReadAsync(officer, at);
            Expect(d, "resolved");
            var returned = await life.ActAsync("return", officer, $"{at}/returns", new JsonObject
            {
                ["channel"] = "Counter",
                ["to"] = "Owner",
                ["recipientName"] = "Nguyễn Thị Hường",
                ["recipientIdNumber"] = IdNumber(n),
            });
            Expect(returned, "result-returned");
        }
        catch (LifeFailed e)
        {
            stats.Fail(e.Message, e.Http);
            return;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            stats.Fail($"unexpected answer: {e.GetType().Name}: {e.Message}", http: false);
            return;
        }

        if (timed)
        {
            stats.Lives.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    }

    /// <summary>Birth registration, case 1, as the reception page sends it (tests/…/Dossiers/Reception.cs).</summary>
    private static JsonObject ReceptionRequest(string sha, string idNumber)
    {
        var checklist = new JsonArray();
        for (var n = 1; n <= 5; n++)
        {
            checklist.Add(n == 1
                ? new JsonObject { ["number"] = 1, ["provision"] = "DigitizedAtCounter", ["attachments"] = new JsonArray(new JsonObject { ["sha256"] = sha, ["fileName"] = "to-khai.pdf" }) }
                : new JsonObject { ["number"] = n, ["provision"] = "WaivedRegistry" });
        }

        return new JsonObject
        {
            ["procedureCode"] = "1.001193",
            ["caseIndex"] = 0,
            ["applicant"] = new JsonObject
            {
                ["kind"] = "Citizen",
                ["name"] = "Nguyễn Thị Hường",
                ["idNumber"] = idNumber,
                ["dateOfBirth"] = "1990-03-14",
                ["phone"] = "0912000001",
                ["email"] = "huong@example.vn",
                ["address"] = "12 Phố Quán Thánh, Phường Ba Đình, Hà Nội",
                ["wardCode"] = "00004",
            },
            ["documents"] = checklist,
            ["action"] = "Receive",
            ["delivery"] = "AtCounter",
        };
    }

    /// <summary>A different 12-digit ID number for each dossier of the run (Hà Nội's province code 001).</summary>
    private static string IdNumber(int n) => string.Create(CultureInfo.InvariantCulture, $"001{(Environment.ProcessId * 100_000L + n) % 1_000_000_000:D9}");

    private static string OpenId(JsonElement dossier, string step)
    {
        var open = dossier.GetProperty("tasks").EnumerateArray()
            .Where(t => t.GetProperty("state").GetString() == "Open" && t.GetProperty("stepId").GetString() == step)
            .Select(t => t.GetProperty("id").GetString()!)
            .ToList();
        return open.Count == 1
            ? open[0]
            : throw new LifeFailed($"expected one open step \"{step}\", found {open.Count} (status {dossier.GetProperty("status")})", http: false);
    }

    private static void Expect(JsonElement answer, string status)
    {
        if (answer.GetProperty("status").GetString() != status)
        {
            throw new LifeFailed($"expected status \"{status}\", found \"{answer.GetProperty("status").GetString()}\"", http: false);
        }
    }

    /// <summary>A virtual user: three staff, each with their own HttpClient and cookies, signed in once.</summary>
    private sealed class Team : IDisposable
    {
        private Team(Uri baseUrl)
        {
            Officer = Client(baseUrl);
            Leader = Client(baseUrl);
            Specialist = Client(baseUrl);
        }

        public HttpClient Officer { get; }
        public HttpClient Leader { get; }
        public HttpClient Specialist { get; }

        public static async Task<Team> SignInAsync(Uri baseUrl, string password)
        {
            var team = new Team(baseUrl);
            try
            {
                await LoadRunner.SignInAsync(team.Officer, "tiepnhan", password);
                await LoadRunner.SignInAsync(team.Leader, "lanhdao", password);
                await LoadRunner.SignInAsync(team.Specialist, "chuyenvien", password);
                return team;
            }
            catch
            {
                team.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            Officer.Dispose();
            Leader.Dispose();
            Specialist.Dispose();
        }

        private static HttpClient Client(Uri baseUrl)
            => new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 4 }, disposeHandler: true) { BaseAddress = baseUrl };
    }

    /// <summary>One life's requests: each timed, each answer checked.</summary>
    private sealed class Life(LifeStats stats, bool timed)
    {
        /// <summary>A small PDF, different each time (a comment line), as a new scan would be.</summary>
        public async Task<string> UploadAsync(HttpClient client, string fileName)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid():N}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", fileName);
            var answer = await SendContentAsync("upload", client, HttpMethod.Post, "/api/v1/attachments", form);
            return answer.GetProperty("sha256").GetString()!;
        }

        public Task<JsonElement> ReadAsync(HttpClient client, string path) => SendAsync("read", client, HttpMethod.Get, path, null);

        public Task<JsonElement> ActAsync(string action, HttpClient client, string path, JsonObject body) => SendAsync(action, client, HttpMethod.Post, path, body);

        public Task<JsonElement> SendAsync(string action, HttpClient client, HttpMethod method, string path, JsonObject? body)
            => SendContentAsync(action, client, method, path, body is null ? null : JsonContent.Create(body));

        private async Task<JsonElement> SendContentAsync(string action, HttpClient client, HttpMethod method, string path, HttpContent? content)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content };
            var start = Stopwatch.GetTimestamp();
            HttpResponseMessage response;
            string text;
            try
            {
                response = await client.SendAsync(request);
                text = await response.Content.ReadAsStringAsync();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                throw new LifeFailed($"{action}: no answer ({e.GetType().Name}: {e.Message})", http: true);
            }

            using (response)
            {
                var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (timed)
                {
                    stats.Requests.GetOrAdd(action, _ => new ConcurrentBag<double>()).Add(elapsed);
                }

                if (!response.IsSuccessStatusCode)
                {
                    var shown = text.Length > 300 ? text[..300] + "…" : text;
                    throw new LifeFailed($"{action}: {method} {Shape(path)} answered {(int)response.StatusCode} {shown}", http: true);
                }

                using var json = JsonDocument.Parse(text);
                return json.RootElement.Clone();
            }
        }

        /// <summary>The path without the dossier code, so the same failure is counted once.</summary>
        private static string Shape(string path)
            => path.StartsWith("/api/v1/dossiers/", StringComparison.Ordinal) && path.Split('/') is { Length: >= 5 } parts
                ? "/api/v1/dossiers/{code}" + string.Concat(parts.Skip(5).Select(p => "/" + p))
                : path;
    }

    private sealed class LifeStats
    {
        private int failed;
        private int httpErrors;
        private int flowErrors;

        public ConcurrentBag<double> Lives { get; } = [];
        public ConcurrentDictionary<string, ConcurrentBag<double>> Requests { get; } = new();
        public ConcurrentDictionary<string, int> Errors { get; } = new();
        public int Failed => Volatile.Read(ref failed);
        public int HttpErrors => Volatile.Read(ref httpErrors);
        public int FlowErrors => Volatile.Read(ref flowErrors);

        public void Fail(string error, bool http)
        {
            Interlocked.Increment(ref failed);
            if (http)
            {
                Interlocked.Increment(ref httpErrors);
            }
            else
            {
                Interlocked.Increment(ref flowErrors);
            }

            Errors.AddOrUpdate(error, 1, (_, c) => c + 1);
        }
    }

    private sealed class LifeFailed(string message, bool http) : Exception(message)
    {
        public bool Http { get; } = http;
    }
}
