using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.Platform.Data;
using MotCua.Queues.Appointments;

namespace MotCua.BrowserTests;

/// <summary>A citizen books a slot on the portal, finds it in "my appointments" and checks in at the kiosk of the branch with its code.</summary>
[Collection("browser")]
public sealed partial class AppointmentJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_citizen_books_a_slot_sees_it_and_checks_in_at_the_kiosk_for_a_ticket_number()
    {
        var page = await PortalSteps.NewPageAsync(browser);
        await page.GotoAsync("/");
        await PortalSteps.SignInAsync(page, "001095000004", "Phạm Quốc Bảo");

        await page.GotoAsync("/portal/dat-lich?point=CN01&group=HT");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Đặt lịch hẹn", Level = 1 }).WaitForAsync();
        (await page.GetByLabel("Điểm phục vụ").InputValueAsync()).ShouldBe("CN01");
        (await page.GetByLabel("Lĩnh vực").InputValueAsync()).ShouldBe("HT");
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        var free = page.GetByRole(AriaRole.Radio, new() { Disabled = false });
        (await free.CountAsync()).ShouldBeGreaterThan(0, "the first bookable day has free slots");
        await free.First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Đặt lịch", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/portal/lich-hen/HK-", StringComparison.Ordinal));
        var heading = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Trim();
        var code = Code().Match(heading).Value;
        code.ShouldStartWith("HK-");
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã đặt lịch hẹn" }).WaitForAsync();
        await page.GetByRole(AriaRole.Img, new() { Name = $"Mã QR của lịch hẹn {code}" }).WaitForAsync();
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        await page.GotoAsync("/portal/lich-hen");
        await page.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Hủy lịch hẹn {code}" }).WaitForAsync();
        await BrowserFixture.ShouldBeAccessibleAsync(page);

        // The day comes: the slot starts in ten minutes.
        using (var scope = browser.App.Services.CreateScope())
        {
            var startsAt = DateTimeOffset.UtcNow.AddMinutes(10);
            await scope.ServiceProvider.GetRequiredService<MotCuaDb>().Set<Appointment>().Where(a => a.Code == code)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.StartsAt, startsAt));
        }

        var kiosk = await PortalSteps.NewPageAsync(browser);
        await kiosk.GotoAsync("/kiosk/CN01/hen");
        await kiosk.GetByRole(AriaRole.Heading, new() { Name = "Xác nhận lịch hẹn", Level = 1 }).WaitForAsync();
        await BrowserFixture.ShouldBeAccessibleAsync(kiosk);
        await kiosk.GetByLabel("Mã lịch hẹn").FillAsync(code.ToLowerInvariant());
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Xác nhận và lấy số" }).ClickAsync();

        var ticket = kiosk.GetByRole(AriaRole.Heading, new() { Level = 2 }).Filter(new() { HasText = "Số thứ tự của bạn" });
        await ticket.WaitForAsync();
        (await ticket.TextContentAsync())!.ShouldMatch(@"Số thứ tự của bạn: A-\d{4}");
        (await kiosk.GetByRole(AriaRole.Link, new() { Name = "Theo dõi số thứ tự trên điện thoại" }).GetAttributeAsync("href"))!.ShouldStartWith("/q/");
        await BrowserFixture.ShouldBeAccessibleAsync(kiosk);
    }

    [GeneratedRegex("HK-[A-Z0-9]{8}")]
    private static partial Regex Code();
}
