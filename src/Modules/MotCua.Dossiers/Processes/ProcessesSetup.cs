using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Platform.Errors;
using MotCua.Platform.Http;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.Processes;

/// <summary>Registrations and endpoints of process definitions (/api/v1/processes), called by <see cref="DossiersModule"/>.</summary>
internal static class ProcessesSetup
{
    /// <summary>The largest definition accepted (a process of 100 steps is about 30 KB of YAML).</summary>
    public const int MaxBodyChars = 256 * 1024;

    public static IServiceCollection AddProcesses(this IServiceCollection services)
    {
        services.AddScoped<ProcessCatalog>();
        services.AddScoped<ProcessQueries>();
        services.AddScoped<SaveProcess>();
        return services;
    }

    public static IEndpointRouteBuilder MapProcesses(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/processes").WithTags("Processes");
        string[] staff = [.. StaffRoles.All];

        api.MapGet("/{procedureCode}", async (string procedureCode, ProcessQueries queries, CancellationToken ct)
                => await queries.OverviewAsync(procedureCode, ct) is { } overview
                    ? Results.Ok(overview)
                    : Error.NotFound($"thủ tục có mã {procedureCode}").ToProblem())
            .RequireAuthorization(p => p.RequireRole(staff))
            .WithSummary("A procedure's processes: the current one of its latest version (the generated default if none) and every stored definition of its versions.");

        api.MapGet("/{procedureCode}/current", async (string procedureCode, int? version, string? format, ProcessQueries queries, CancellationToken ct) =>
            {
                if (!ProcessFormat.TryParseName(format, out _))
                {
                    return BadFormat();
                }

                var (procedure, current) = await queries.CurrentAsync(procedureCode, version, ct);
                return procedure is null || current is null
                    ? Error.NotFound(version is null ? $"thủ tục có mã {procedureCode}" : $"phiên bản {version} của thủ tục có mã {procedureCode}").ToProblem()
                    : Export(current, format);
            })
            .RequireAuthorization(p => p.RequireRole(staff))
            .WithSummary("The process new dossiers of the procedure's latest version (or ?version=) start with; ?format=json|yaml exports it as a file to edit and import.");

        api.MapGet("/definitions/{id:guid}", async (Guid id, string? format, ProcessQueries queries, CancellationToken ct) =>
            {
                if (!ProcessFormat.TryParseName(format, out _))
                {
                    return BadFormat();
                }

                return await queries.GetAsync(id, ct) is { } definition
                    ? Export(definition, format)
                    : Error.NotFound("bản quy trình này").ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(staff))
            .WithSummary("One stored definition; ?format=json|yaml exports its spec (YAML as text/yaml).");

        api.MapPost("/{procedureCode}/versions/{procedureVersion:int}/drafts", async (string procedureCode, int procedureVersion, string? note, HttpRequest http, SaveProcess save, CancellationToken ct) =>
            {
                var yaml = ProcessFormat.IsYamlMediaType(http.ContentType);
                if (!yaml && !RequestBodies.IsJson(http.ContentType))
                {
                    return new Error("unsupported-media-type", "Gửi quy trình dạng JSON (Content-Type: application/json) hoặc YAML (application/yaml, text/yaml).", StatusCodes.Status415UnsupportedMediaType).ToProblem();
                }

                var (text, tooLarge) = await RequestBodies.ReadTextAsync(http, MaxBodyChars, ct);
                if (tooLarge)
                {
                    return new Error("too-large", $"Nội dung quy trình quá lớn (tối đa {MaxBodyChars / 1024} KB).", StatusCodes.Status413PayloadTooLarge).ToProblem();
                }

                var (spec, error) = ProcessFormat.Read(text, yaml);
                if (error is not null)
                {
                    return error.ToProblem();
                }

                return (await save.RunAsync(procedureCode, procedureVersion, spec!, note, ct)).ToCreated(created => $"/api/v1/processes/definitions/{created.Id}");
            })
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator))
            .Accepts<ProcessSpec>(ProcessFormat.JsonMediaType, "application/yaml", ProcessFormat.YamlMediaType)
            .Produces<SavedDraft>(StatusCodes.Status201Created)
            .WithSummary("Save a draft process for a procedure version (administrator): JSON, or YAML with Content-Type application/yaml or text/yaml; checked, numbered after the last one. 201 with its id.");

        api.MapPost("/definitions/{id:guid}/publication", async (Guid id, SaveProcess save, CancellationToken ct) =>
            {
                return (await save.PublishAsync(id, ct)).ToHttp();
            })
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator))
            .WithSummary("Publish a draft (administrator): it becomes the process of new dossiers and the one published before is retired; 409 if it is not a draft.");

        return app;
    }

    private static IResult Export(ProcessDefinition definition, string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return Results.Ok(ProcessView.From(definition));
        }

        return ProcessFormat.TryParseName(format, out var yaml) && yaml
            ? Results.Text(ProcessFormat.ToYaml(definition.Spec, Comment(definition)), ProcessFormat.YamlMediaType, Encoding.UTF8)
            : Results.Text(ProcessFormat.ToJson(definition.Spec), ProcessFormat.JsonMediaType, Encoding.UTF8);
    }

    /// <summary>The YAML file's first lines: which procedure version and definition it comes from.</summary>
    public static string Comment(ProcessDefinition d)
        => $"Quy trình nội bộ thủ tục {d.ProcedureCode}, phiên bản {d.ProcedureVersion}, bản số {d.Number} ({ProcessLabels.State(d.State)})"
            + (d.Generated ? "\nQuy trình mặc định sinh tự động" : "");

    private static IResult BadFormat() => Error.Invalid("format", "Định dạng (format) phải là json hoặc yaml.").ToProblem();
}
