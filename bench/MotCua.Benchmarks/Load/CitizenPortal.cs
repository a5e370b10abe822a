using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using MotCua.Forms.Contracts;

namespace MotCua.Benchmarks.Load;

/// <summary>
/// A citizen's browser against the portal, over plain HTTP: the OpenID Connect code flow against the bundled
/// provider followed redirect by redirect (as tests/MotCua.IntegrationTests/Portal/CitizenFlow.cs does), and the
/// portal's HTML forms read and posted back as a browser without JavaScript would post them.
/// </summary>
public static partial class CitizenPortal
{
    /// <summary>The password of every demo citizen of the bundled provider.</summary>
    public const string DemoPassword = "MotCua@2026";

    /// <summary>The demo citizens of the population registry (src/Modules/MotCua.Dossiers/Applicants/PopulationRegistry.cs).</summary>
    public static readonly string[] DemoCitizens = ["001090000001", "001085000002", "001078000003", "001095000004", "001049000005", "001001000006"];

    /// <summary>
    /// A browser with its own cookie jar that does not follow redirects (each one is followed by hand); with
    /// <paramref name="decompress"/> false it sends no Accept-Encoding of its own and leaves bodies as they came.
    /// </summary>
    public static CitizenBrowser Browser(Uri baseUrl, bool decompress = true)
    {
        var cookies = new CookieContainer();
        var handler = new SocketsHttpHandler
        {
            CookieContainer = cookies,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 4,
            AutomaticDecompression = decompress ? DecompressionMethods.All : DecompressionMethods.None,
        };
        return new CitizenBrowser(new HttpClient(handler, disposeHandler: true) { BaseAddress = baseUrl }, cookies);
    }

    /// <summary>GET /portal/login → the provider's authorization endpoint → its sign-in page: the page's address.</summary>
    public static async Task<Uri> StartSignInAsync(HttpClient client, string returnUrl)
    {
        var authorize = await RedirectAsync(client, new Uri($"/portal/login?returnUrl={Uri.EscapeDataString(returnUrl)}", UriKind.Relative), "/connect/authorize");
        return await RedirectAsync(client, authorize, "/connect/login");
    }

    /// <summary>The whole flow, ending with the citizen cookie: sign-in page, form post, code, callback.</summary>
    public static async Task SignInAsync(CitizenBrowser browser, string idNumber, string password, string returnUrl = "/")
    {
        var client = browser.Http;
        var page = await StartSignInAsync(client, returnUrl);
        var html = await client.GetStringAsync(page);
        var fields = FormFields(html, "vneid-login");
        fields["Input.IdNumber"] = idNumber;
        fields["Input.Password"] = password;
        using var posted = await client.PostAsync(page, new FormUrlEncodedContent(fields));
        if (posted.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"sign-in as {idNumber}: the provider's sign-in page answered {(int)posted.StatusCode}, not a redirect (wrong password?)");
        }

        var authorize = Absolute(client, posted.Headers.Location!);
        Expect(authorize, "/connect/authorize");
        var callback = await RedirectAsync(client, authorize, "/portal/signin-oidc");
        var done = await RedirectAsync(client, callback, null);
        if (done.OriginalString != returnUrl && done.PathAndQuery != returnUrl)
        {
            throw new InvalidOperationException($"sign-in as {idNumber}: the callback sent to {done}, not {returnUrl}");
        }

        if (!browser.Cookies.GetCookies(client.BaseAddress!).Any(c => c.Name.StartsWith("motcua.citizen", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"sign-in as {idNumber}: no citizen cookie (motcua.citizen) after the callback");
        }
    }

    /// <summary>
    /// The fields a browser would send with the form holding <c>_handler=<paramref name="handler"/></c>: hidden and
    /// text inputs, checked boxes, the selected option of each select (else the first), textareas.
    /// File inputs and buttons are left to the caller.
    /// </summary>
    public static Dictionary<string, string> FormFields(string html, string handler)
    {
        var form = Form(html, handler);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(form))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            var type = (Attribute(tag, "type") ?? "text").ToLowerInvariant();
            if (name is null || type is "file" or "submit" or "button" or "reset" or "image")
            {
                continue;
            }

            if (type is "checkbox" or "radio" && !HasAttribute(tag, "checked"))
            {
                continue;
            }

            fields[name] = Attribute(tag, "value") ?? (type is "checkbox" or "radio" ? "on" : "");
        }

        foreach (Match select in SelectTag().Matches(form))
        {
            var name = Attribute(select.Groups[1].Value, "name");
            if (name is null)
            {
                continue;
            }

            var options = OptionTag().Matches(select.Groups[2].Value).Select(o => o.Value).ToList();
            var chosen = options.FirstOrDefault(o => HasAttribute(o, "selected")) ?? options.FirstOrDefault();
            fields[name] = chosen is null ? "" : Attribute(chosen, "value") ?? "";
        }

        foreach (Match area in TextareaTag().Matches(form))
        {
            if (Attribute(area.Groups[1].Value, "name") is { } name)
            {
                fields[name] = WebUtility.HtmlDecode(area.Groups[2].Value);
            }
        }

        return fields;
    }

    /// <summary>The names of the required file inputs of the form (the documents the citizen must upload).</summary>
    public static List<string> RequiredFiles(string html, string handler)
        => InputTag().Matches(Form(html, handler))
            .Select(m => m.Value)
            .Where(t => string.Equals(Attribute(t, "type"), "file", StringComparison.OrdinalIgnoreCase)
                && (HasAttribute(t, "required") || Attribute(t, "aria-required") == "true"))
            .Select(t => Attribute(t, "name")!)
            .Distinct()
            .ToList();

    /// <summary>A multipart body as a browser builds it from the fields and a small PDF per file input.</summary>
    public static MultipartFormDataContent Multipart(Dictionary<string, string> fields, IEnumerable<string> files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var name in files)
        {
            var file = new ByteArrayContent(Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid():N}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, name, $"{name}.pdf");
        }

        return form;
    }

    public static Uri Absolute(HttpClient client, Uri location)
        => location.IsAbsoluteUri ? location : new Uri(client.BaseAddress!, location);

    private static async Task<Uri> RedirectAsync(HttpClient client, Uri url, string? expectedPath)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is null)
        {
            throw new InvalidOperationException($"sign-in: GET {url.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}, not a redirect");
        }

        var next = Absolute(client, response.Headers.Location);
        if (expectedPath is not null)
        {
            Expect(next, expectedPath);
        }

        return expectedPath is null ? response.Headers.Location : next;
    }

    private static void Expect(Uri uri, string path)
    {
        if (uri.AbsolutePath != path)
        {
            throw new InvalidOperationException($"sign-in: sent to {uri.GetLeftPart(UriPartial.Path)}, expected {path}");
        }
    }

    /// <summary>The form element (up to its end) holding the hidden _handler field with that name.</summary>
    private static string Form(string html, string handler)
    {
        foreach (Match form in FormTag().Matches(html))
        {
            if (InputTag().Matches(form.Value).Any(i => Attribute(i.Value, "name") == "_handler" && Attribute(i.Value, "value") == handler))
            {
                return form.Value;
            }
        }

        throw new InvalidOperationException($"the page has no form \"{handler}\"");
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{Regex.Escape(name)}\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", RegexOptions.IgnoreCase);
        if (!match.Success)
        {
            // A bare attribute (Blazor writes value="" as just `value`) has the empty string as its value, as in a browser.
            return HasAttribute(tag, name) ? "" : null;
        }

        var raw = match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Success ? match.Groups[2].Value : match.Groups[3].Value;
        return WebUtility.HtmlDecode(raw);
    }

    private static bool HasAttribute(string tag, string name)
        => Regex.IsMatch(tag, $"\\s{Regex.Escape(name)}(?=[\\s=/>])", RegexOptions.IgnoreCase);

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("<select\\b([^>]*)>(.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectTag();

    [GeneratedRegex("<option\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionTag();

    [GeneratedRegex("<textarea\\b([^>]*)>(.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextareaTag();
}

/// <summary>A citizen's browser: the HTTP client and its cookies.</summary>
public sealed class CitizenBrowser(HttpClient http, CookieContainer cookies) : IDisposable
{
    public HttpClient Http { get; } = http;

    public CookieContainer Cookies { get; } = cookies;

    public void Dispose() => Http.Dispose();
}
