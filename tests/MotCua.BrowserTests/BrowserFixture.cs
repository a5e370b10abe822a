using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Data;

namespace MotCua.BrowserTests;

/// <summary>
/// One app (SQLite, real port) and one headless Debian Chromium for all browser tests. Playwright drives
/// /usr/bin/chromium (or MOTCUA_CHROMIUM) and never downloads a browser.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public MotCuaApp App { get; } = new(DatabaseProvider.Sqlite);

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MOTCUA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }

    /// <summary>The phone every 360 px check uses.</summary>
    public const int PhoneWidth = 360;

    public async Task<IPage> NewPageAsync() => await (await NewContextAsync()).NewPageAsync();

    /// <summary>
    /// A fresh browser context (its own cookies) on the shared browser, Vietnamese, at the given size (Playwright's
    /// 1280 × 720 when none is given). Generous limits: in CI the browser shares two cores with the integration tests' hosts
    /// and databases (the kiosk's first navigation once exceeded 30 s there; never on a quiet machine).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(int? width = null, int? height = null, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = "vi-VN",
            JavaScriptEnabled = javaScript,
            ViewportSize = width is { } w ? new ViewportSize { Width = w, Height = height ?? 740 } : null,
        });
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(90_000);
        return context;
    }

    /// <summary>A context the size of a 360 px phone.</summary>
    public Task<IBrowserContext> NewPhoneContextAsync() => NewContextAsync(PhoneWidth, 740);

    public async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(MotCua.Organisation.Contracts.DemoStaff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Runs axe-core on the page: no serious or critical violation is allowed.</summary>
    public static async Task ShouldBeAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        bad.ShouldBeEmpty(string.Join("\n", bad.Select(Describe)));
    }

    private static string Describe(AxeResultItem v)
        => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}";
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
