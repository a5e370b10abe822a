using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Hosting;
using MotCua.Platform.Text;

namespace MotCua.IntegrationTests.Catalog;

/// <summary>Life events (birth, marriage, moving home …) over the real bundled catalog: API, list page, home page.</summary>
public abstract class LifeEventTests(MotCuaApp app)
{
    private static readonly string[] RequiredEvents = ["khai-sinh", "ket-hon", "cu-tru", "kinh-doanh", "xay-dung", "dat-dai"];

    [Fact]
    public async Task The_life_events_api_lists_each_event_with_the_count_its_filter_finds()
    {
        using var client = app.Client();
        var events = (await client.GetFromJsonAsync<JsonElement>("/api/v1/life-events")).EnumerateArray().ToList();

        foreach (var slug in RequiredEvents)
        {
            events.Select(e => e.GetProperty("slug").GetString()).ShouldContain(slug);
        }

        foreach (var e in events)
        {
            var slug = e.GetProperty("slug").GetString()!;
            e.GetProperty("name").GetProperty("vi").GetString().ShouldNotBeNullOrWhiteSpace();
            e.GetProperty("name").GetProperty("en").GetString().ShouldNotBeNullOrWhiteSpace();
            var count = e.GetProperty("procedureCount").GetInt32();
            count.ShouldBeGreaterThan(0, slug);
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/procedures?event={slug}&pageSize=1");
            page.GetProperty("total").GetInt32().ShouldBe(count, slug);
        }
    }

    [Fact]
    public async Task The_birth_event_holds_birth_registration_and_only_birth_procedures()
    {
        using var client = app.Client();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?event=khai-sinh&pageSize=100");
        var items = page.GetProperty("items").EnumerateArray().ToList();

        items.Select(i => i.GetProperty("code").GetString()).ShouldContain("1.001193");
        items.Count.ShouldBe(page.GetProperty("total").GetInt32());
        items.ShouldAllBe(i => IsAboutBirth(i.GetProperty("name").GetString()!));
        items.ShouldNotContain(i => i.GetProperty("code").GetString() == "1.000894"); // đăng ký kết hôn

        var marriage = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?event=ket-hon&pageSize=100");
        marriage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ShouldContain("1.000894");
    }

    [Fact]
    public async Task A_field_event_holds_exactly_the_field_and_combines_with_a_search()
    {
        using var client = app.Client();
        var residence = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?event=cu-tru&pageSize=100");
        var byField = await client.GetFromJsonAsync<JsonElement>($"/api/v1/procedures?field={Uri.EscapeDataString("Đăng ký, quản lý cư trú")}&pageSize=1");

        residence.GetProperty("total").GetInt32().ShouldBe(byField.GetProperty("total").GetInt32());
        residence.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("field").GetString() == "Đăng ký, quản lý cư trú");

        // Typed without accents, within the event: only the event's temporary-residence procedures.
        var search = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?event=cu-tru&q=tam%20tru&pageSize=100");
        var codes = search.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        codes.ShouldContain("1.004194"); // Đăng ký tạm trú
        codes.ShouldNotContain("1.001146"); // Gia hạn tạm trú cho người nước ngoài (xuất nhập cảnh): another field
    }

    [Fact]
    public async Task An_unknown_event_is_a_404_problem_in_Vietnamese()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/api/v1/procedures?event=khong-co-su-kien-nay");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString()!.ShouldContain("Không có sự kiện đời sống “khong-co-su-kien-nay”");
        problem.GetProperty("code").GetString().ShouldBe("not-found");
    }

    [Fact]
    public async Task The_list_page_of_an_event_names_it_and_offers_to_clear_it()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/procedures?event=khai-sinh");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();

        html.ShouldContain("<h1>Sinh con</h1>");
        html.ShouldContain("href=\"/procedures/1.001193\"");
        html.ShouldNotContain("href=\"/procedures/1.000894\"");
        html.ShouldContain("Bỏ lọc sự kiện");
        html.ShouldContain("name=\"event\" value=\"khai-sinh\"");
    }

    [Fact]
    public async Task The_list_page_of_an_unknown_event_answers_404_with_a_clear_message()
    {
        using var client = app.Client();
        var response = await client.GetAsync("/procedures?event=khong-co");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Không có sự kiện đời sống “khong-co”. Xem danh sách sự kiện trên trang chủ.");
        html.ShouldContain("href=\"/\"");

        // The procedure page says which code it did not find, the same way.
        var procedure = await client.GetAsync("/procedures/9.999999");
        procedure.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await procedure.Content.ReadAsStringAsync()).ShouldContain("Không có thủ tục mã 9.999999.");
    }

    [Fact]
    public async Task The_home_page_offers_search_life_events_and_fields_in_both_languages()
    {
        using var client = app.Client();
        var home = await client.GetStringAsync("/");

        home.ShouldContain("Bạn cần làm gì?");
        home.ShouldContain("action=\"/procedures\"");
        foreach (var slug in RequiredEvents)
        {
            home.ShouldContain($"href=\"/procedures?event={slug}\"");
        }

        home.ShouldContain("Thủ tục theo lĩnh vực");
        home.ShouldContain($"href=\"/procedures?field={Uri.EscapeDataString("Hộ tịch")}\"");

        await client.GetAsync("/culture?lang=en&returnUrl=/");
        var english = await client.GetStringAsync("/");
        english.ShouldContain("What do you need to do?");
        english.ShouldContain("Having a baby");
        english.ShouldContain("Procedures by field");
        (await client.GetStringAsync("/procedures?event=khai-sinh")).ShouldContain("<h1>Having a baby</h1>");
    }

    [Fact]
    public async Task The_procedure_page_puts_the_start_button_first_then_channels_times_and_fees_from_the_data()
    {
        using var client = app.Client();
        var html = await client.GetStringAsync("/procedures/1.002755");

        // The citizen's summary: the start button, then what you get, how long and how much per channel, then what to bring.
        var start = html.IndexOf("href=\"/portal/nop/1.002755\"", StringComparison.Ordinal);
        var summary = html.IndexOf("id=\"tom-tat\"", StringComparison.Ordinal);
        var bring = html.IndexOf("id=\"giay-to\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        start.ShouldBeLessThan(summary);
        summary.ShouldBeLessThan(bring);

        var section = html[summary..bring];
        section.ShouldContain("Trực tuyến:</span>");
        section.ShouldContain("Trực tiếp:</span>");
        section.ShouldContain("3 ngày làm việc");
        section.ShouldContain("10.000");
        // The data's own words on the fee: the online rate and the basis, not invented.
        section.ShouldContain("Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến thu 7.000 đồng/lần đăng ký.");
    }

    private static bool IsAboutBirth(string name)
    {
        var folded = VietnameseText.Fold(name).Replace(",", "", StringComparison.Ordinal);
        return folded.Contains("khai sinh", StringComparison.Ordinal) || folded.Contains("nhan cha me con", StringComparison.Ordinal);
    }
}

[Collection("sqlite")]
public sealed class LifeEventsOnSqlite(SqliteApp fixture) : LifeEventTests(fixture.App);

[Collection("postgres")]
public sealed class LifeEventsOnPostgres(PostgresApp fixture) : LifeEventTests(fixture.App);
