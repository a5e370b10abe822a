using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MotCua.IntegrationTests.Dossiers;

namespace MotCua.BrowserTests;

/// <summary>
/// Each role's main pages at a phone's 360 px and a desk's 1280 px: no page scrolls sideways
/// (<c>document.documentElement.scrollWidth</c> ≤ the viewport), axe finds nothing serious, and a full-page screenshot
/// of each is kept in <c>artifacts/screenshots/</c> at the repository root (or <c>MOTCUA_SCREENSHOTS</c>) for CI to keep.
/// One browser and one app for all of them; each role signs in once and walks its pages at both widths.
/// </summary>
[Collection("browser")]
public sealed class RoleSweepTests(BrowserFixture browser)
{
    private const string Citizen = "001095000004";
    private const string CitizenName = "Phạm Quốc Bảo";

    /// <summary>The elements that reach past the right edge, deepest first: what to fix.</summary>
    private const string Widest = """
        width => Array.from(document.querySelectorAll('body *'))
            .filter(el => el.getBoundingClientRect().right > width + 1 && !Array.from(el.children).some(c => c.getBoundingClientRect().right > width + 1))
            .slice(0, 4)
            .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' ' + Math.round(el.getBoundingClientRect().right) + 'px')
            .join(', ')
        """;

    private static readonly int[] Widths = [360, 1280];
    private static readonly string Procedure = Reception.BirthRegistration;

    public static TheoryData<string> Roles => new() { "anonymous", "citizen", "tiepnhan", "chuyenvien", "lanhdao", "quanly", "giamdoc", "admin", "thanhtra" };

    /// <summary>Where the screenshots go: artifacts/screenshots at the repository root (the folder holding MotCua.slnx).</summary>
    public static string ScreenshotFolder { get; } = FindScreenshotFolder();

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_roles_main_pages_fit_a_phone_and_a_desk_and_pass_axe(string role)
    {
        var code = role is "tiepnhan" or "giamdoc" or "thanhtra" or "citizen" ? await ReceiveAsync() : null;
        string[] paths = role switch
        {
            "anonymous" => ["/", "/procedures", $"/procedures/{Procedure}", "/network", "/network/CN01", "/tra-cuu", "/noi-phuc-vu", "/kiosk/CN01", "/account/login"],
            "citizen" => ["/", "/portal/ho-so", $"/portal/nop/{Procedure}", "/portal/dat-lich", "/portal/lich-hen", "/portal/giay-to", $"/tra-cuu?code={code}"],
            "tiepnhan" => ["/staff", "/work", "/reception", "/reception/online", $"/dossiers/{code}", "/dossiers/book", "/quay"],
            "chuyenvien" => ["/staff", "/work", "/work?list=overdue"],
            "lanhdao" => ["/staff", "/work"],
            "quanly" => ["/staff", "/work", "/quan-ly/tai", "/admin/planning/coverage"],
            "giamdoc" => ["/staff", "/work", $"/dossiers/{code}", "/quan-ly/tai"],
            "admin" => ["/staff", "/admin/calendar", "/admin/audit", $"/admin/processes/{Procedure}", $"/admin/procedures/{Procedure}", $"/admin/forms/{Procedure}", "/admin/planning/staffing", "/simulators", "/simulators/registry"],
            _ => ["/staff", "/admin/audit", "/dossiers/book"],
        };

        var page = await PortalSteps.NewPageAsync(browser, width: 1280);
        if (role == "citizen")
        {
            await page.GotoAsync("/");
            await PortalSteps.SignInAsync(page, Citizen, CitizenName);
        }
        else if (role != "anonymous")
        {
            await browser.SignInAsync(page, role);
        }

        var problems = new List<string>();
        foreach (var path in paths)
        {
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 800);
                var response = await page.GotoAsync(path);
                if (response is not { Status: < 400 } || new Uri(page.Url).AbsolutePath == "/account/login" && path != "/account/login")
                {
                    problems.Add($"{path}: answered {response?.Status} at {page.Url}");
                    continue;
                }

                var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                if (scrollWidth > width)
                {
                    var widest = await page.EvaluateAsync<string>(Widest, width);
                    problems.Add($"{path} at {width} px scrolls sideways: {scrollWidth} px wide ({widest})");
                }

                var axe = await page.RunAxe();
                problems.AddRange(axe.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{path} at {width} px: axe {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(2).Select(n => n.Html))}"));

                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{role}{Slug(code is null ? path : path.Replace(code, "dossier", StringComparison.Ordinal))}-{width}.png"), FullPage = true });
            }
        }

        await page.Context.CloseAsync();
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_api_reference_loads_nothing_from_another_host_and_shows_no_vendor_buttons()
    {
        var page = await PortalSteps.NewPageAsync(browser);
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal)
                && uri.Authority != browser.App.BaseAddress.Authority)
            {
                elsewhere.Add(request.Url);
            }
        };

        await page.GotoAsync("/api-docs/");
        await page.Locator("#app *").First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GetByText("MotCua API").First.WaitForAsync();

        elsewhere.ShouldBeEmpty();
        var text = await page.Locator("body").InnerTextAsync();
        text.ShouldNotContain("Open API Client");
        text.ShouldNotContain("Deploy");
        text.ShouldNotContain("Ask AI");
        // Linked for developers from the footer, never from the header.
        await page.GotoAsync("/");
        (await page.Locator("header a[href='/api-docs']").CountAsync()).ShouldBe(0);
        (await page.Locator("footer a[href='/api-docs']").CountAsync()).ShouldBe(1);
        await page.Context.CloseAsync();
    }

    private static string Slug(string path)
    {
        var slug = new string(path.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return slug.Length == 0 ? "-home" : "-" + (slug.Length > 60 ? slug[..60] : slug);
    }

    private static string FindScreenshotFolder()
    {
        var folder = Environment.GetEnvironmentVariable("MOTCUA_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                dir = dir.Parent;
            }

            folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        }

        Directory.CreateDirectory(folder);
        return folder;
    }

    private async Task<string> ReceiveAsync()
    {
        using var officer = await browser.App.SignedInAsync("tiepnhan");
        var sha = await Reception.UploadAsync(officer, Reception.Pdf, "to-khai.pdf");
        var response = await officer.PostAsJsonAsync("/api/v1/dossiers", Reception.Request(sha: sha));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }
}
