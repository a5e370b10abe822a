using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>The officers' side of a dossier's life through the HTTP API, for tests about what the citizen sees.</summary>
public static class Life
{
    /// <summary>The reception officer receives a dossier that was submitted online.</summary>
    public static async Task ReceiveOnlineAsync(HttpClient officer, string code)
    {
        var d = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        var response = await officer.PostAsJsonAsync($"/api/v1/dossiers/{code}/receptions", new { action = "Receive", expectedVersion = d.GetProperty("version").GetInt32() });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Drives a birth registration through the default process to "resolved", with an electronic result.</summary>
    public static async Task ResolveAsync(MotCuaApp app, HttpClient officer, string code)
    {
        using var leader = await app.SignedInAsync("lanhdao");
        using var specialist = await app.SignedInAsync("chuyenvien");
        await StepAsync(officer, code, "chuyen-ho-so", "forwards", new { });
        await StepAsync(leader, code, "phan-cong", "forwards", new { });
        var sha = await Reception.UploadAsync(specialist, Reception.PdfWith("ket qua"), "ket-qua.pdf");
        (await specialist.PostAsJsonAsync($"/api/v1/dossiers/{code}/results", new { description = "Giấy khai sinh", documents = new[] { new { sha256 = sha, fileName = "giay-khai-sinh.pdf" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await StepAsync(specialist, code, "tham-dinh", "forwards", new { });
        await StepAsync(leader, code, "phe-duyet", "approvals", new { decision = "approve" });
        await StepAsync(specialist, code, "chuyen-ket-qua", "forwards", new { });
    }

    public static async Task StepAsync(HttpClient client, string code, string step, string action, object body)
    {
        var d = await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}");
        var task = d.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("state").GetString() == "Open" && t.GetProperty("stepId").GetString() == step);
        var payload = JsonSerializer.SerializeToNode(body)!.AsObject();
        payload["taskId"] = task.GetProperty("id").GetGuid();
        var response = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/{action}", payload);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
