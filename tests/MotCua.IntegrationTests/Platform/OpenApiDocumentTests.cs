using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Hosting;

namespace MotCua.IntegrationTests.Platform;

/// <summary>
/// The OpenAPI document a client or a contract test can rely on: every operation declares its problem answers (with
/// the stable code), the authorized ones their sign-in, and the ones that create or answer nothing their 201 / 204.
/// </summary>
[Collection("sqlite")]
public sealed partial class OpenApiDocumentTests(SqliteApp fixture)
{
    private static readonly string[] Created =
    [
        "POST /api/v1/dossiers", "POST /api/v1/attachments", "POST /api/v1/me/applications", "POST /api/v1/me/appointments",
        "POST /api/v1/tickets", "POST /api/v1/me/tickets", "POST /api/v1/points/{point}/tickets",
        "POST /api/v1/points/{point}/kiosks",
        "POST /api/v1/forms/{procedureCode}/versions/{procedureVersion}/drafts", "POST /api/v1/processes/{procedureCode}/versions/{procedureVersion}/drafts",
    ];

    private static readonly string[] NoContent =
    [
        "POST /api/v1/me/dossiers/{code}/supplements", "POST /api/v1/me/dossiers/{code}/withdrawals", "POST /api/v1/me/dossiers/{code}/ratings",
        "DELETE /api/v1/me/appointments/{code}", "DELETE /api/v1/tickets/{token}", "PUT /api/v1/branches/{code}",
        "POST /api/v1/calendar/days", "DELETE /api/v1/calendar/days/{date}",
    ];

    [Fact]
    public async Task Every_operation_declares_its_problems_its_sign_in_and_its_success()
    {
        using var client = fixture.App.Client();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var operations = Operations(root).ToDictionary(o => o.Key, o => o.Operation);
        operations.Count.ShouldBeGreaterThan(60);

        var problem = root.GetProperty("components").GetProperty("schemas").GetProperty("Problem");
        problem.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldContain("code");
        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("staffCookie").GetProperty("in").GetString().ShouldBe("cookie");
        schemes.GetProperty("citizenCookie").GetProperty("name").GetString().ShouldBe("motcua.citizen");

        var authorized = AuthorizedOperations();
        authorized.Count.ShouldBeGreaterThan(30);
        var wrong = new List<string>();
        foreach (var (key, operation) in operations)
        {
            var responses = operation.GetProperty("responses");
            var problems = responses.EnumerateObject().Where(r => r.Name.StartsWith('4') || r.Name.StartsWith('5')).ToList();
            if (!problems.Any(r => r.Name.StartsWith('4') && IsProblem(r.Value)) || !problems.All(r => IsProblem(r.Value)) || !responses.TryGetProperty("500", out _))
            {
                wrong.Add($"{key}: no 4xx/500 problem details");
            }

            var secured = operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            if (authorized.Contains(key) != secured)
            {
                wrong.Add($"{key}: {(secured ? "declares a sign-in it does not need" : "needs a sign-in it does not declare")}");
            }

            if (secured && !(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _)))
            {
                wrong.Add($"{key}: authorized without 401/403");
            }

            if (key.Contains('{', StringComparison.Ordinal) && !responses.TryGetProperty("404", out _))
            {
                wrong.Add($"{key}: names something and does not say 404");
            }

            if (Created.Contains(key) != responses.TryGetProperty("201", out _))
            {
                wrong.Add($"{key}: 201 {(Created.Contains(key) ? "missing" : "not expected")}");
            }

            if (NoContent.Contains(key) != responses.TryGetProperty("204", out _))
            {
                wrong.Add($"{key}: 204 {(NoContent.Contains(key) ? "missing" : "not expected")}");
            }
        }

        wrong.ShouldBeEmpty();
        operations["POST /api/v1/me/applications"].GetProperty("responses").TryGetProperty("422", out _).ShouldBeTrue("Idempotency-Key reused");
        operations["POST /api/v1/tickets"].GetProperty("responses").TryGetProperty("429", out _).ShouldBeTrue("rate-limited");
        operations["POST /api/v1/attachments"].GetProperty("responses").TryGetProperty("413", out _).ShouldBeTrue("a body has a size limit");
        operations["POST /api/v1/dossiers"].GetProperty("responses").GetProperty("201").GetProperty("content").TryGetProperty("application/json", out _).ShouldBeTrue("201 with its body");
        operations["GET /api/v1/me/dossiers"].GetProperty("security")[0].TryGetProperty("citizenCookie", out _).ShouldBeTrue();
        operations["GET /api/v1/work"].GetProperty("security")[0].TryGetProperty("staffCookie", out _).ShouldBeTrue();
    }

    [Fact]
    public void Every_endpoint_that_answers_created_or_no_content_is_in_the_lists()
    {
        // A new .ToCreated / .ToNoContent in a module without its .Produces (and its line above) fails here.
        var modules = Path.Combine(Root(), "src", "Modules");
        var source = Directory.EnumerateFiles(modules, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        source.Sum(s => CreatedCall().Count(s)).ShouldBe(Created.Length);
        source.Sum(s => NoContentCall().Count(s)).ShouldBe(NoContent.Length);
    }

    private static bool IsProblem(JsonElement response)
        => response.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out var media)
           && media.GetProperty("schema").GetProperty("$ref").GetString() == "#/components/schemas/Problem";

    private static IEnumerable<(string Key, JsonElement Operation)> Operations(JsonElement root)
        => root.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete")
            .Select(m => ($"{m.Name.ToUpperInvariant()} {Normalize(path.Name)}", m.Value)));

    /// <summary>The operations whose endpoint asks for authorization, read from the running app's endpoints.</summary>
    private HashSet<string> AuthorizedOperations()
        => fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && (e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0 || e.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Count > 0))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();

    /// <summary>/api/v1/x/{id:guid}/ → /api/v1/x/{id} (the document drops constraints).</summary>
    private static string Normalize(string path) => RouteParameter().Replace(path, "{$1}").TrimEnd('/');

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MotCua.slnx not found above the test's folder.");
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\.ToCreated\(")]
    private static partial Regex CreatedCall();

    [GeneratedRegex(@"\.ToNoContent\(\)")]
    private static partial Regex NoContentCall();
}
