using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Queues;

public abstract class RecommendationApiTests(MotCuaApp app)
{
    [Fact]
    public async Task Points_are_ranked_by_travel_plus_wait_and_the_nearest_is_marked()
    {
        using var client = app.Client();
        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/recommendations?ward=00004&serviceGroup=HT&take=8");
        result.GetProperty("from").GetString().ShouldBe("Phường Ba Đình");
        result.GetProperty("serviceGroupName").GetString().ShouldBe("Hộ tịch, chứng thực, tư pháp");

        var choices = result.GetProperty("choices").EnumerateArray().ToList();
        choices.Count.ShouldBeInRange(8, 9);
        choices.Count(c => c.GetProperty("nearest").GetBoolean()).ShouldBe(1);
        var nearest = choices.Single(c => c.GetProperty("nearest").GetBoolean());
        nearest.GetProperty("code").GetString().ShouldBe("DPV-00004", "the ward's own service point sits at its centroid");
        nearest.GetProperty("km").GetDouble().ShouldBe(0);

        // Travel follows the stated speed model: 1.3 × km ÷ 20 km/h × 60 + 5 minutes, rounded up.
        foreach (var c in choices)
        {
            var expected = (int)Math.Ceiling((1.3 * c.GetProperty("km").GetDouble() / 20 * 60) + 5);
            c.GetProperty("travelMinutes").GetInt32().ShouldBeInRange(expected - 1, expected + 1, "km is shown rounded to 0.1");
        }

        // Ranked: points with a known wait by total time first, then the others by travel time.
        var ranked = choices.Take(8).ToList();
        var known = ranked.TakeWhile(c => c.GetProperty("totalMinutes").ValueKind == JsonValueKind.Number).Select(c => c.GetProperty("totalMinutes").GetInt32()).ToList();
        known.ShouldBeInOrder();
        var unknown = ranked.Skip(known.Count).ToList();
        unknown.ShouldAllBe(c => c.GetProperty("totalMinutes").ValueKind == JsonValueKind.Null);
        unknown.Select(c => c.GetProperty("travelMinutes").GetInt32()).ShouldBeInOrder();
    }

    [Fact]
    public async Task A_procedure_leads_to_its_service_group()
    {
        using var client = app.Client();
        var found = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=dang%20ky%20khai%20sinh&pageSize=5");
        var code = found.GetProperty("items").EnumerateArray().First().GetProperty("code").GetString();
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/recommendations?latitude=21.03&longitude=105.85&procedure={code}");
        result.GetProperty("serviceGroup").GetString().ShouldBe("HT");
        result.GetProperty("from").GetString().ShouldBe("21.0300, 105.8500");
    }

    [Theory]
    [InlineData("ward=99999&serviceGroup=HT", "Không có xã/phường với mã \"99999\".")]
    [InlineData("serviceGroup=HT", "xã/phường nơi bạn đang ở")]
    [InlineData("ward=00004", "việc bạn cần làm")]
    [InlineData("ward=00004&serviceGroup=ZZ", "Không có nhóm dịch vụ \"ZZ\".")]
    [InlineData("latitude=48.85&longitude=2.35&serviceGroup=HT", "Tọa độ phải nằm trong lãnh thổ Việt Nam")]
    [InlineData("ward=00004&serviceGroup=HT&take=0", "Số điểm gợi ý phải từ 1 đến 50.")]
    public async Task Bad_questions_get_a_vietnamese_answer(string query, string message)
    {
        using var client = app.Client();
        var response = await client.GetAsync($"/api/v1/recommendations?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Replace("\\\"", "\"", StringComparison.Ordinal).ShouldContain(message);
    }

    [Fact]
    public async Task The_where_to_go_page_shows_the_ranking_for_a_ward()
    {
        using var client = app.Client();
        var page = await client.GetStringAsync("/noi-phuc-vu?ward=00004&serviceGroup=HT");
        page.ShouldContain("Điểm phục vụ Phường Ba Đình");
        page.ShouldContain("<table");
        page.ShouldContain("/portal/dat-lich?point=");
    }
}

[Collection("sqlite")]
public sealed class RecommendationApiOnSqlite(SqliteApp fixture) : RecommendationApiTests(fixture.App);

[Collection("postgres")]
public sealed class RecommendationApiOnPostgres(PostgresApp fixture) : RecommendationApiTests(fixture.App);
