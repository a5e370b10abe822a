using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MotCua.IntegrationTests.Dossiers;

/// <summary>Requests as the reception page and the portal send them.</summary>
public static class Reception
{
    public const string BirthRegistration = "1.001193";

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    public static async Task<string> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        var response = await UploadResponseAsync(client, content, fileName);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString()!;
    }

    public static async Task<HttpResponseMessage> UploadResponseAsync(HttpClient client, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/attachments", form);
    }

    /// <summary>Birth registration, case 1 (five documents): one scanned at the counter, the rest as given.</summary>
    public static JsonObject Request(string action = "Receive", string? sha = null, string idNumber = "001090000001", int documents = 5, string firstProvision = "DigitizedAtCounter", string procedureCode = BirthRegistration)
    {
        var checklist = new JsonArray();
        for (var n = 1; n <= documents; n++)
        {
            var line = new JsonObject { ["number"] = n, ["provision"] = n == 1 ? firstProvision : "WaivedRegistry" };
            if (n == 1 && sha is not null)
            {
                line["attachments"] = new JsonArray(new JsonObject { ["sha256"] = sha, ["fileName"] = "to-khai.pdf" });
            }

            checklist.Add(line);
        }

        return new JsonObject
        {
            ["procedureCode"] = procedureCode,
            ["caseIndex"] = 0,
            ["applicant"] = new JsonObject
            {
                ["kind"] = "Citizen",
                ["name"] = "Nguyễn Thị Hường",
                ["idNumber"] = idNumber,
                ["dateOfBirth"] = "1990-03-14",
                ["phone"] = "0912000001",
                ["email"] = "huong@example.vn",
                ["address"] = "12 Phố Quán Thánh, Phường Ba Đình, Hà Nội",
                ["wardCode"] = "00004",
            },
            ["documents"] = checklist,
            ["action"] = action,
            ["delivery"] = "AtCounter",
        };
    }
}
