using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace MotCua.Benchmarks.Load;

/// <summary>
/// <c>page-weight</c>: each portal page fetched as a browser with an empty cache would fetch it — the HTML, then
/// every stylesheet, script, image, icon and font it references (CSS <c>url()</c> and <c>@import</c> followed too),
/// plus /favicon.ico when the page names no icon — asking for gzip, deflate and br as browsers do. Counts the
/// bytes on the wire (response headers and the body as sent) and the uncompressed bodies, prints a table, and
/// fails when a page is over the budget (150 kB transferred, kB = 1000 bytes as browsers' developer tools count),
/// does not answer 200, or references another origin (no external CDN).
/// Signed-in pages are fetched as a demo citizen signed in through the bundled OpenID Connect provider; one dossier
/// is filed online first so that /portal/ho-so/{code} has a dossier to show.
/// </summary>
public static partial class LoadRunner
{
    private const string AcceptEncoding = "gzip, deflate, br";

    public static async Task<int> PageWeightAsync(string[] args)
    {
        try
        {
            return await WeighPortalAsync(args);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or LifeFailed)
        {
            await Console.Error.WriteLineAsync($"page-weight: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> WeighPortalAsync(string[] args)
    {
        var options = Parse(args);
        var baseUrl = new Uri(options.GetValueOrDefault("base-url", "http://127.0.0.1:5000"));
        var procedure = options.GetValueOrDefault("procedure", "1.001193");
        var citizen = options.GetValueOrDefault("citizen", CitizenPortal.DemoCitizens[0]);
        var password = options.GetValueOrDefault("password", CitizenPortal.DemoPassword);
        var budget = long.Parse(options.GetValueOrDefault("budget-bytes", "150000"), CultureInfo.InvariantCulture);
        var code = Uri.EscapeDataString(procedure);

        var pages = new List<Weighed>();
        using (var visitor = CitizenPortal.Browser(baseUrl, decompress: false))
        {
            foreach (var path in new[] { "/", "/procedures", $"/procedures/{code}", "/tra-cuu" })
            {
                pages.Add(await WeighAsync(visitor.Http, path, new Uri(baseUrl, path)));
            }
        }

        using (var signingIn = CitizenPortal.Browser(baseUrl, decompress: false))
        {
            // The provider's sign-in page as the portal's sign-in link reaches it (with the authorization request).
            var login = await CitizenPortal.StartSignInAsync(signingIn.Http, "/portal/ho-so");
            pages.Add(await WeighAsync(signingIn.Http, "/connect/login", login));
        }

        using (var signedIn = CitizenPortal.Browser(baseUrl, decompress: false))
        {
            await CitizenPortal.SignInAsync(signedIn, citizen, password);
            pages.Add(await WeighAsync(signedIn.Http, $"/portal/nop/{code}", new Uri(baseUrl, $"/portal/nop/{code}")));
            var filed = Uri.EscapeDataString(await SubmitOnlineAsync(signedIn.Http, procedure, null));
            foreach (var path in new[] { "/portal/ho-so", $"/portal/ho-so/{filed}", "/portal/nhat-ky-truy-cap" })
            {
                pages.Add(await WeighAsync(signedIn.Http, path.Replace(filed, "{code}", StringComparison.Ordinal), new Uri(baseUrl, path)));
            }
        }

        Console.WriteLine($"page weight against {baseUrl}: empty cache, Accept-Encoding: {AcceptEncoding}; budget {budget:N0} bytes transferred");
        foreach (var page in pages)
        {
            Console.WriteLine($"{page.Label}");
            foreach (var f in page.Fetches)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {f.Status} {f.Url.PathAndQuery.Split('?')[0],-40} {f.ContentType,-26} {(f.Encoding.Length == 0 ? "identity" : f.Encoding),-8} wire {f.Wire,8:N0}  body {f.Uncompressed,8:N0}"));
            }

            foreach (var external in page.External)
            {
                Console.WriteLine($"  EXTERNAL {external} (not fetched: no external CDN)");
            }
        }

        Console.WriteLine();
        var width = Math.Max(28, pages.Max(p => p.Label.Length));
        var rule = new string('-', width + 60);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"page".PadRight(width)} {"requests",8} {"transferred B",14} {"uncompressed B",15} {"≤ " + (budget / 1000) + " kB",9}  notes"));
        Console.WriteLine(rule);
        foreach (var p in pages)
        {
            var notes = new List<string>();
            if (p.Status != 200)
            {
                notes.Add($"page answered {p.Status}");
            }

            if (p.External.Count > 0)
            {
                notes.Add($"{p.External.Count} external references");
            }

            if (p.Fetches.Skip(1).FirstOrDefault(f => f.Status >= 400) is { } broken)
            {
                notes.Add($"{broken.Url.AbsolutePath} answered {broken.Status}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{p.Label.PadRight(width)} {p.Fetches.Count,8} {p.Wire,14:N0} {p.Uncompressed,15:N0} {(p.Wire <= budget ? "yes" : "NO"),9}  {string.Join("; ", notes)}"));
        }

        Console.WriteLine(rule);
        var encodings = pages.SelectMany(p => p.Fetches).Select(f => f.Encoding).Where(e => e.Length > 0).Distinct().ToList();
        Console.WriteLine(encodings.Count == 0
            ? $"compression: none — no response came with a Content-Encoding although the requests asked for {AcceptEncoding}"
            : $"compression: {string.Join(", ", encodings)} on {pages.SelectMany(p => p.Fetches).Count(f => f.Encoding.Length > 0)} of {pages.Sum(p => p.Fetches.Count)} responses");
        var over = pages.Count(p => p.Wire > budget);
        var bad = pages.Count(p => p.Status != 200 || p.External.Count > 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT pages={pages.Count} max_transferred_bytes={pages.Max(p => p.Wire)} max_uncompressed_bytes={pages.Max(p => p.Uncompressed)} total_transferred_bytes={pages.Sum(p => p.Wire)} over_budget={over} page_errors={bad} compression={(encodings.Count == 0 ? "none" : string.Join('+', encodings))}"));
        return over == 0 && bad == 0 ? 0 : 1;
    }

    private sealed record Fetched(Uri Url, int Status, string ContentType, string Encoding, long Wire, long Uncompressed, string? Text);

    private sealed record Weighed(string Label, int Status, List<Fetched> Fetches, List<string> External)
    {
        public long Wire => Fetches.Sum(f => f.Wire);

        public long Uncompressed => Fetches.Sum(f => f.Uncompressed);
    }

    /// <summary>One page with everything it pulls in, each address fetched once (the browser's cache within a page).</summary>
    private static async Task<Weighed> WeighAsync(HttpClient client, string label, Uri url)
    {
        var fetches = new List<Fetched>();
        var external = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var page = await FetchFollowingAsync(client, url, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", fetches);
        var html = page.Text ?? "";
        var queue = new Queue<(Uri Url, bool Css)>();
        var baseHref = BaseHref().Match(html) is { Success: true } b ? new Uri(page.Url, WebUtility.HtmlDecode(b.Groups[1].Value)) : page.Url;

        void Enqueue(Uri from, string reference, bool css)
        {
            reference = WebUtility.HtmlDecode(reference.Trim());
            if (reference.Length == 0 || reference.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || reference.StartsWith('#'))
            {
                return;
            }

            var target = new Uri(from, reference);
            if (target.GetLeftPart(UriPartial.Authority) != page.Url.GetLeftPart(UriPartial.Authority))
            {
                external.Add(target.AbsoluteUri);
                return;
            }

            if (seen.Add(target.GetLeftPart(UriPartial.Query)))
            {
                queue.Enqueue((target, css));
            }
        }

        var icon = false;
        foreach (Match link in LinkTag().Matches(html))
        {
            var rel = (TagAttribute(link.Value, "rel") ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (TagAttribute(link.Value, "href") is { } href && rel.Any(r => r is "stylesheet" or "icon" or "apple-touch-icon" or "preload" or "modulepreload" or "manifest"))
            {
                icon |= rel.Contains("icon");
                Enqueue(baseHref, href, rel.Contains("stylesheet"));
            }
        }

        foreach (Match tag in SourcedTag().Matches(html))
        {
            if (TagAttribute(tag.Value, "src") is { } src)
            {
                Enqueue(baseHref, src, css: false);
            }
        }

        foreach (Match style in StyleBlock().Matches(html))
        {
            foreach (var reference in CssReferences(style.Groups[1].Value))
            {
                Enqueue(baseHref, reference, css: false);
            }
        }

        foreach (Match style in StyleAttribute().Matches(html))
        {
            foreach (var reference in CssReferences(WebUtility.HtmlDecode(style.Groups[1].Value)))
            {
                Enqueue(baseHref, reference, css: false);
            }
        }

        if (!icon)
        {
            Enqueue(page.Url, "/favicon.ico", css: false);
        }

        while (queue.TryDequeue(out var next))
        {
            var fetched = await FetchFollowingAsync(client, next.Url, next.Css ? "text/css,*/*;q=0.1" : "*/*", fetches);
            if (fetched.Text is { } css && fetched.ContentType.Contains("css", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var reference in CssReferences(css))
                {
                    Enqueue(fetched.Url, reference, css: reference.EndsWith(".css", StringComparison.OrdinalIgnoreCase));
                }
            }
        }

        return new Weighed(label, page.Status, fetches, external);
    }

    /// <summary>A GET that follows redirects as a browser does, every hop counted; the last answer.</summary>
    private static async Task<Fetched> FetchFollowingAsync(HttpClient client, Uri url, string accept, List<Fetched> fetches)
    {
        for (var hop = 0; ; hop++)
        {
            var fetched = await FetchAsync(client, url, accept);
            fetches.Add(fetched.Result);
            if (fetched.Location is null || hop == 5)
            {
                return fetched.Result;
            }

            url = new Uri(url, fetched.Location);
        }
    }

    private static async Task<(Fetched Result, Uri? Location)> FetchAsync(HttpClient client, Uri url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", AcceptEncoding);
        request.Headers.TryAddWithoutValidation("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.8");
        request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (Linux; Android 10) MotCua-page-weight");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var encoding = string.Join(",", response.Content.Headers.ContentEncoding);
        var plain = Decode(body, response.Content.Headers.ContentEncoding);
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        var text = type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("css", StringComparison.Ordinal) || type.Contains("javascript", StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(plain)
            : null;
        var status = (int)response.StatusCode;
        var location = status is >= 300 and < 400 ? response.Headers.Location : null;
        return (new Fetched(url, status, type, encoding, HeaderBytes(response) + body.LongLength, plain.LongLength, text), location);
    }

    /// <summary>The response's status line and headers as HTTP/1.1 sends them.</summary>
    private static long HeaderBytes(HttpResponseMessage response)
    {
        var size = $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n".Length + 2;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            size += Encoding.UTF8.GetByteCount($"{name}: {string.Join(", ", values)}\r\n");
        }

        return size;
    }

    private static byte[] Decode(byte[] body, ICollection<string> encodings)
    {
        foreach (var encoding in encodings.Reverse())
        {
            using var input = new MemoryStream(body);
            using Stream decoder = encoding.ToLowerInvariant() switch
            {
                "gzip" => new GZipStream(input, CompressionMode.Decompress),
                "br" => new BrotliStream(input, CompressionMode.Decompress),
                "deflate" => new ZLibStream(input, CompressionMode.Decompress),
                var other => throw new InvalidOperationException($"unexpected Content-Encoding {other}"),
            };
            using var output = new MemoryStream();
            decoder.CopyTo(output);
            body = output.ToArray();
        }

        return body;
    }

    /// <summary>The addresses a stylesheet pulls in: url(…) (fonts, images) and @import.</summary>
    private static IEnumerable<string> CssReferences(string css)
    {
        var withoutComments = CssComment().Replace(css, "");
        foreach (Match m in CssUrl().Matches(withoutComments))
        {
            yield return m.Groups[2].Value;
        }

        foreach (Match m in CssImport().Matches(withoutComments))
        {
            yield return m.Groups[2].Value;
        }
    }

    private static string? TagAttribute(string tag, string name)
        => Regex.Match(tag, $"\\s{Regex.Escape(name)}\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", RegexOptions.IgnoreCase) is { Success: true } m
            ? m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value
            : null;

    [GeneratedRegex("<base\\b[^>]*\\shref\\s*=\\s*\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex BaseHref();

    [GeneratedRegex("<link\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LinkTag();

    [GeneratedRegex("<(?:script|img|iframe|embed|audio|video|source|track|input)\\b[^>]*\\ssrc\\s*=[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex SourcedTag();

    [GeneratedRegex("<style\\b[^>]*>(.*?)</style>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex("\\sstyle\\s*=\\s*\"([^\"]*url\\([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex("/\\*.*?\\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();

    [GeneratedRegex("url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)", RegexOptions.IgnoreCase)]
    private static partial Regex CssUrl();

    [GeneratedRegex("@import\\s+(['\"])([^'\"]+)\\1", RegexOptions.IgnoreCase)]
    private static partial Regex CssImport();
}
