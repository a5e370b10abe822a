using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace MotCua.Benchmarks.Load;

/// <summary>
/// The "queue" scenario (bench/queue-load.sh), PostgreSQL only:
/// <list type="number">
/// <item><b>take</b>: <c>--tickets</c> anonymous kiosk tickets (POST /api/v1/tickets) spread over the 12 branches and
/// the 8 service groups, <c>--concurrency</c> kiosks at once;</item>
/// <item><b>call</b>: every counter of the 12 branches is opened (set up in the database, not timed), then each counter
/// is a virtual officer who calls the next ticket, starts and finishes serving it (3 requests, through the counters
/// API as the administrator, who may operate any counter) until its groups' queues are empty — all counters at once,
/// racing for the same tickets.</item>
/// </list>
/// Then it checks in the database that the numbers of each point and day are exactly 1…N, that every ticket was
/// called once and only once and that all are finished.
/// </summary>
public static partial class LoadRunner
{
    private static readonly string[] QueueGroups = ["HT", "CA", "DD", "KD", "XH", "GT", "TR", "KH"];

    private static async Task<int> RunQueueAsync(Dictionary<string, string> options, Uri baseUrl, int concurrency, string connection)
    {
        if (connection.Length == 0)
        {
            await Console.Error.WriteLineAsync("load --scenario queue needs --postgres <connection string> (to open the counters and check the numbers).");
            return 2;
        }

        var tickets = int.Parse(options.GetValueOrDefault("tickets", "6000"), CultureInfo.InvariantCulture);
        var points = Enumerable.Range(1, 12).Select(i => string.Create(CultureInfo.InvariantCulture, $"CN{i:00}")).ToArray();
        await using var db = new NpgsqlDataSourceBuilder(connection).Build();
        var before = await ScalarAsync(db, "SELECT count(*) FROM queue_tickets");

        using var kiosk = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 }) { BaseAddress = baseUrl };
        var take = await MeasureAsync(tickets, concurrency, async i =>
        {
            using var response = await kiosk.PostAsJsonAsync("/api/v1/tickets", new { point = points[i % points.Length], serviceGroup = QueueGroups[(i / points.Length) % QueueGroups.Length] });
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Take ticket answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        });
        Report("take ticket (POST /api/v1/tickets)", "tickets/s", take);

        // Every counter of the branches opens (untimed set-up; in the center each officer opens their own).
        var counters = new List<(string Point, int Number)>();
        await using (var opening = db.CreateCommand(
            """
            UPDATE queue_counters c SET "IsOpen" = true, "OfficerName" = 'Cán bộ (bench)', "OpenedAt" = now()
            FROM org_units u WHERE u."Id" = c."PointId" AND u."Code" LIKE 'CN%'
            RETURNING u."Code", c."Number"
            """))
        await using (var reader = await opening.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                counters.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = counters.Count + 4 };
        using var officer = new HttpClient(handler) { BaseAddress = baseUrl };
        await SignInAsync(officer, options.GetValueOrDefault("user", "admin"), options.GetValueOrDefault("password", "MotCua@2026"));

        var calls = new ConcurrentBag<double>();
        var actions = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, int>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(counters.Select(c => Task.Run(async () =>
        {
            var at = $"/api/v1/points/{c.Point}/counters/{c.Number}";
            while (true)
            {
                var (status, body, ms) = await PostAsync(officer, $"{at}/call-next");
                calls.Add(ms);
                if (status == HttpStatusCode.NotFound && body.Contains("queue-empty", StringComparison.Ordinal))
                {
                    return;
                }

                if (status != HttpStatusCode.OK)
                {
                    errors.AddOrUpdate($"call-next {(int)status}: {body[..Math.Min(160, body.Length)]}", 1, (_, n) => n + 1);
                    continue;
                }

                foreach (var step in new[] { "start", "finish" })
                {
                    var (s, b, t) = await PostAsync(officer, $"{at}/{step}");
                    actions.Add(t);
                    if (s != HttpStatusCode.OK)
                    {
                        errors.AddOrUpdate($"{step} {(int)s}: {b[..Math.Min(160, b.Length)]}", 1, (_, n) => n + 1);
                    }
                }
            }
        })));
        watch.Stop();
        var elapsed = watch.Elapsed.TotalSeconds;
        var call = Summarize(calls.ToArray(), elapsed);
        var served = Summarize(actions.ToArray(), elapsed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{counters.Count} counters at {points.Length} branches served the queue in {elapsed:0.0} s"));
        Report("call next (POST …/call-next, all counters racing)", "calls/s", call);
        Report("start + finish (POST …/start, …/finish)", "requests/s", served);

        // What must hold whatever the load: numbers 1…N per point and day, every ticket called once, all served.
        var issued = await ScalarAsync(db, "SELECT count(*) FROM queue_tickets") - before;
        var badNumbers = await ScalarAsync(db, """SELECT count(*) FROM (SELECT "PointId", "Day" FROM queue_tickets GROUP BY 1, 2 HAVING count(*) <> max("Number") OR count(DISTINCT "Number") <> count(*)) x""");
        var calledTwice = await ScalarAsync(db, """SELECT count(*) FROM (SELECT "TicketId" FROM queue_ticket_events WHERE "Kind" = 2 GROUP BY 1 HAVING count(*) > 1) x""");
        var open = await ScalarAsync(db, """SELECT count(*) FROM queue_tickets WHERE "Status" IN (1, 2, 3)""");
        Console.WriteLine($"check: {issued} tickets issued (asked {tickets}); points/days whose numbers are not exactly 1…N: {badNumbers}; tickets called more than once: {calledTwice}; tickets still open: {open}");
        foreach (var (error, count) in errors.OrderByDescending(e => e.Value).Take(10))
        {
            Console.WriteLine($"  {count} × {error}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT take_per_s={take.PerSecond:0.0} take_p50_ms={take.P50:0.0} take_p99_ms={take.P99:0.0} call_per_s={call.PerSecond:0.0} call_p50_ms={call.P50:0.0} call_p99_ms={call.P99:0.0} served_per_s={issued / elapsed:0.0} counters={counters.Count} issued={issued} bad_numbers={badNumbers} called_twice={calledTwice} open={open} errors={errors.Values.Sum()}"));
        return issued == tickets && badNumbers == 0 && calledTwice == 0 && open == 0 ? 0 : 1;
    }

    private static async Task<(HttpStatusCode Status, string Body, double Ms)> PostAsync(HttpClient client, string path)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync(path, JsonContent.Create(new { }));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
