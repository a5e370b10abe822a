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

    /// <summary>The smallest PDF that parses: one empty page.</summary>
    public static readonly byte[] Pdf = PdfWith("");

    /// <summary>A one-page PDF that parses (uploads must), told apart from others by <paramref name="note"/> (a comment).</summary>
    public static byte[] PdfWith(string note)
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ];
        var pdf = new StringBuilder($"%PDF-1.4\n% {note.Replace('\n', ' ')}\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.UTF8.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.UTF8.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.UTF8.GetBytes(pdf.ToString());
    }

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

    /// <summary>
    /// Birth registration (eight papers, the first two always required, the rest conditional): the first
    /// <paramref name="documents"/> lines, one scanned at the counter, the rest as given; conditional lines left out are
    /// recorded as not applicable.
    /// </summary>
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
