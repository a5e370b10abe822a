using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Npgsql;

namespace MotCua.Benchmarks.Load;

/// <summary>
/// HTTP load against a running MotCua: counter receptions (POST /api/v1/dossiers, signed in as a reception
/// officer) and public tracking lookups (GET /api/v1/tracking/{code}) of codes sampled from the database.
/// Reports throughput and latency percentiles. Used by bench/reception-load.sh.
/// <c>--scenario life</c> (bench/processing-load.sh) drives whole dossiers from the counter to the returned
/// result instead, for <c>--seconds</c> with <c>--concurrency</c> virtual users (LifeScenario.cs);
/// <c>--scenario submit-online</c> (bench/portal-load.sh) has signed-in citizens file online through the
/// portal's form (SubmitOnlineScenario.cs); <c>--scenario queue</c> (bench/queue-load.sh) takes kiosk tickets and
/// has every branch counter call, start and finish them (QueueScenario.cs).
/// </summary>
public static partial class LoadRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        var baseUrl = new Uri(options.GetValueOrDefault("base-url", "http://127.0.0.1:5000"));
        var receptions = int.Parse(options.GetValueOrDefault("receptions", "2000"), CultureInfo.InvariantCulture);
        var lookups = int.Parse(options.GetValueOrDefault("lookups", "20000"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(options.GetValueOrDefault("concurrency", "16"), CultureInfo.InvariantCulture);
        var connection = options.GetValueOrDefault("postgres", "");
        switch (options.GetValueOrDefault("scenario", "reception"))
        {
            case "reception":
                break;
            case "life":
                return await RunLifeAsync(options, baseUrl, concurrency);
            case "submit-online":
                return await RunSubmitOnlineAsync(options, baseUrl, concurrency);
            case "queue":
                return await RunQueueAsync(options, baseUrl, concurrency, connection);
            case var other:
                await Console.Error.WriteLineAsync($"load: unknown --scenario \"{other}\" (reception: receptions then tracking lookups; life: whole dossiers from reception to the returned result; submit-online: citizens filing online through the portal; queue: kiosk tickets then every branch counter calling them).");
                return 2;
        }

        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency * 2 };
        using var client = new HttpClient(handler) { BaseAddress = baseUrl };
        await SignInAsync(client, options.GetValueOrDefault("user", "tiepnhan"), options.GetValueOrDefault("password", "MotCua@2026"));
        var sha = await UploadAsync(client);
        var request = Request(sha);

        var reception = await MeasureAsync(receptions, concurrency, async _ =>
        {
            using var response = await client.PostAsJsonAsync("/api/v1/dossiers", request);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Reception answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        });
        Report("reception (POST /api/v1/dossiers)", "dossiers/s", reception);

        var codes = await SampleCodesAsync(connection, client, Math.Min(lookups, 10_000));
        using var anonymous = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = baseUrl };
        var tracking = await MeasureAsync(lookups, concurrency, async i =>
        {
            using var response = await anonymous.GetAsync($"/api/v1/tracking/{Uri.EscapeDataString(codes[i % codes.Count])}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Tracking answered {(int)response.StatusCode}.");
            }

            await response.Content.LoadIntoBufferAsync();
        });
        Report("tracking (GET /api/v1/tracking/{code})", "requests/s", tracking);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT reception_per_s={reception.PerSecond:0.0} reception_p99_ms={reception.P99:0.0} lookups_per_s={tracking.PerSecond:0.0} lookups_p99_ms={tracking.P99:0.0}"));
        return 0;
    }

    private sealed record Measure(int Count, double Seconds, double P50, double P95, double P99)
    {
        public double PerSecond => Count / Seconds;
    }

    private static async Task<Measure> MeasureAsync(int count, int concurrency, Func<int, Task> call)
    {
        var latencies = new double[count];
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var start = Stopwatch.GetTimestamp();
            await call(i);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        });
        watch.Stop();
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(count - 1, (int)Math.Ceiling(p * count) - 1)];
        return new Measure(count, watch.Elapsed.TotalSeconds, Percentile(0.50), Percentile(0.95), Percentile(0.99));
    }

    private static void Report(string what, string unit, Measure m)
        => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {m.Count} in {m.Seconds:0.0} s = {m.PerSecond:0.0} {unit}; latency p50 {m.P50:0.0} ms, p95 {m.P95:0.0} ms, p99 {m.P99:0.0} ms"));

    private static async Task<List<string>> SampleCodesAsync(string connection, HttpClient client, int count)
    {
        if (connection.Length == 0)
        {
            var waiting = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/dossiers/waiting?take=500");
            return waiting!.Select(w => w.GetProperty("code").GetString()!).ToList();
        }

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT \"Code\" FROM dossiers TABLESAMPLE SYSTEM (2) LIMIT {count}", db);
        var codes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            codes.Add(reader.GetString(0));
        }

        return codes.Count > 0 ? codes : throw new InvalidOperationException("No dossiers to look up: run motcua generate first.");
    }

    private static async Task SignInAsync(HttpClient client, string user, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var match = Token().Match(page);
        var token = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {user} failed ({(int)response.StatusCode}).");
        }
    }

    private static async Task<string> UploadAsync(HttpClient client)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")), "file", "scan.pdf" } };
        using var response = await client.PostAsync("/api/v1/attachments", form);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString()!;
    }

    private static JsonObject Request(string sha)
    {
        var documents = new JsonArray();
        for (var n = 1; n <= 5; n++)
        {
            documents.Add(n == 1
                ? new JsonObject { ["number"] = 1, ["provision"] = "DigitizedAtCounter", ["attachments"] = new JsonArray(new JsonObject { ["sha256"] = sha, ["fileName"] = "to-khai.pdf" }) }
                : new JsonObject { ["number"] = n, ["provision"] = "WaivedRegistry" });
        }

        return new JsonObject
        {
            ["procedureCode"] = "1.001193",
            ["caseIndex"] = 0,
            ["applicant"] = new JsonObject { ["kind"] = "Citizen", ["name"] = "Nguyễn Thị Hường", ["idNumber"] = "001090000001", ["phone"] = "0912000001", ["address"] = "Hà Nội", ["wardCode"] = "00004" },
            ["documents"] = documents,
            ["action"] = "Receive",
            ["delivery"] = "AtCounter",
        };
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }

    [GeneratedRegex("__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*?name=\"__RequestVerificationToken\"")]
    private static partial Regex Token();
}
