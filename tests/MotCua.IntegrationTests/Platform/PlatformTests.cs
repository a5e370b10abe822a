using System.Net;
using System.Text.Json;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Platform;

public abstract class PlatformTests(MotCuaApp app)
{
    [Fact]
    public async Task Health_endpoints_answer_once_the_database_is_migrated_and_seeded()
    {
        using var client = app.Client();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_v1_resources()
    {
        using var client = app.Client();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        paths.ShouldContain("/api/v1/procedures");
        paths.ShouldContain("/api/v1/procedures/{code}");
        paths.ShouldContain("/api/v1/units");
        paths.ShouldContain("/api/v1/branches");
        var docs = await client.GetAsync("/api-docs/");
        docs.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await docs.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_Vietnamese_message_and_audited()
    {
        using var client = app.Client();
        var response = await MotCuaApp.SignInAsync(client, "giamdoc", "sai-mat-khau");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Tên đăng nhập hoặc mật khẩu không đúng.");
        (await app.AuditAsync("staff:giamdoc")).ShouldContain(e => e.Action == "staff.sign-in-failed");
    }

    [Fact]
    public async Task Signing_in_is_audited_and_shows_the_staff_name()
    {
        using var client = await app.SignedInAsync("thanhtra");
        (await client.GetAsync("/")).Headers.Location!.OriginalString.ShouldBe("/staff", "staff land on their own home");
        var home = await client.GetStringAsync("/staff");

        home.ShouldContain("Đặng Văn Tâm");
        (await app.AuditAsync("staff:thanhtra")).ShouldContain(e => e.Action == "staff.signed-in");
    }

    [Fact]
    public async Task An_unknown_page_gets_a_friendly_Vietnamese_404_without_a_stack_trace()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/khong-co-trang-nay");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Không tìm thấy trang");
        html.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task An_admin_page_sends_anonymous_users_to_sign_in_and_refuses_other_roles()
    {
        using var anonymous = app.Client();
        var response = await anonymous.GetAsync("/admin/procedures/1.001193");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");

        using var officer = await app.SignedInAsync("tiepnhan");
        var denied = await officer.GetAsync("/admin/procedures/1.001193");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }

    [Fact]
    public async Task The_interface_switches_to_English_and_back()
    {
        using var client = app.Client();
        (await client.GetAsync("/culture?lang=en&returnUrl=/")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync("/")).ShouldContain("Find an administrative procedure");

        var procedure = await client.GetStringAsync("/procedures/1.001193");
        procedure.ShouldContain("What to bring");
        procedure.ShouldContain("Processing time");
        (await client.GetStringAsync("/tra-cuu")).ShouldContain("Track a dossier");

        await client.GetAsync("/culture?lang=vi&returnUrl=/");
        (await client.GetStringAsync("/procedures/1.001193")).ShouldContain("Giấy tờ cần chuẩn bị");
        (await client.GetStringAsync("/")).ShouldContain("Tìm thủ tục hành chính");
    }

    [Fact]
    public async Task A_body_over_the_server_limit_is_a_413_in_Vietnamese_not_a_500()
    {
        using var client = app.Client();
        var files = Directory.Exists(Path.Combine(app.DataDirectory, "files")) ? Directory.GetFiles(Path.Combine(app.DataDirectory, "files"), "*", SearchOption.AllDirectories).Length : 0;

        // 40 MB declared (the server takes 30 MB at most); the server answers from the headers alone, so the test sends
        // no body (an HTTP client would still be writing it when the server closes the connection).
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
            $"POST /api/v1/attachments HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: {40 * 1024 * 1024}\r\nConnection: close\r\n\r\n"));
        var (status, json) = await ReadResponseAsync(stream);

        status.ShouldBe(413);
        var problem = JsonDocument.Parse(json).RootElement;
        problem.GetProperty("title").GetString().ShouldBe("Nội dung gửi lên quá lớn");
        problem.GetProperty("detail").GetString()!.ShouldContain("tối đa 10 MB");
        (Directory.Exists(Path.Combine(app.DataDirectory, "files")) ? Directory.GetFiles(Path.Combine(app.DataDirectory, "files"), "*", SearchOption.AllDirectories).Length : 0)
            .ShouldBe(files, "nothing stored");
    }

    /// <summary>The status and body of one HTTP/1.1 response read off the wire (the request asked the server to close the connection).</summary>
    private static async Task<(int Status, string Body)> ReadResponseAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var all = new MemoryStream();
        var buffer = new byte[8192];
        while (!Complete(all.ToArray()))
        {
            var n = await stream.ReadAsync(buffer, timeout.Token);
            if (n == 0)
            {
                break;
            }

            all.Write(buffer, 0, n);
        }

        var bytes = all.ToArray().ToList();
        var headerEnd = IndexOfBlankLine(bytes);
        var head = System.Text.Encoding.ASCII.GetString([.. bytes.Take(headerEnd)]);
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var body = bytes.Skip(headerEnd + 4).ToList();
        if (head.Contains("transfer-encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            var decoded = new List<byte>();
            var at = 0;
            while (at < body.Count)
            {
                var lineEnd = body.IndexOf((byte)'\r', at);
                var size = Convert.ToInt32(System.Text.Encoding.ASCII.GetString([.. body.Skip(at).Take(lineEnd - at)]).Split(';')[0], 16);
                if (size == 0)
                {
                    break;
                }

                decoded.AddRange(body.Skip(lineEnd + 2).Take(size));
                at = lineEnd + 2 + size + 2;
            }

            body = decoded;
        }

        return (status, System.Text.Encoding.UTF8.GetString([.. body]));
    }

    /// <summary>Whether a whole response is in: its headers and a body of its content length, or a chunked body with its last chunk.</summary>
    private static bool Complete(byte[] received)
    {
        var bytes = received.ToList();
        var headerEnd = IndexOfBlankLine(bytes);
        if (headerEnd < 0)
        {
            return false;
        }

        var head = System.Text.Encoding.ASCII.GetString(received, 0, headerEnd);
        if (System.Text.RegularExpressions.Regex.Match(head, @"(?im)^content-length:\s*(\d+)") is { Success: true } length)
        {
            return received.Length >= headerEnd + 4 + int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return System.Text.Encoding.ASCII.GetString(received, headerEnd + 4, received.Length - headerEnd - 4).EndsWith("0\r\n\r\n", StringComparison.Ordinal);
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}

[Collection("sqlite")]
public sealed class PlatformOnSqlite(SqliteApp fixture) : PlatformTests(fixture.App);

[Collection("postgres")]
public sealed class PlatformOnPostgres(PostgresApp fixture) : PlatformTests(fixture.App);
