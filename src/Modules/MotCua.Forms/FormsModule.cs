using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Catalog.Contracts;
using MotCua.Forms.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Http;
using MotCua.Platform.Identity;

namespace MotCua.Forms;

/// <summary>The Forms module's front door: e-form definitions as data (one per procedure version, a default for
/// every procedure), their validator and fields, the administrators' editor and /api/v1/forms.</summary>
public static class FormsModule
{
    /// <summary>The largest body of a validation request (values as JSON or a urlencoded form; multipart carries files and is bounded by the server).</summary>
    public const int MaxValuesBodyChars = 1024 * 1024;

    public const int MaxPostedValues = 2000;

    public static IServiceCollection AddForms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IModelContributor, FormsModel>();
        services.AddScoped<FormCatalog>();
        services.AddScoped<SaveForm>();
        services.AddScoped<AddressBook>();
        services.AddScoped<CheckFormValues>();
        services.AddScoped<MotCua.Platform.Startup.ISeeder, Seed.FormSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapForms(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/forms").WithTags("Forms");

        api.MapGet("/{procedureCode}", async (string procedureCode, int? version, FormCatalog catalog, CancellationToken ct)
                => await catalog.CurrentAsync(procedureCode, version, ct) is { } form
                    ? Results.Ok(FormView.From(form))
                    : NotFound(procedureCode, version))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicLookup)
            .WithSummary("The e-form of a procedure version (the latest, or ?version=): its published form, or the generated default (generated: true, not stored). Public.");

        api.MapPost("/{procedureCode}/versions/{procedureVersion:int}/drafts", async (string procedureCode, int procedureVersion, HttpRequest http, SaveForm save, CancellationToken ct) =>
            {
                if (!RequestBodies.IsJson(http.ContentType))
                {
                    return new Error("unsupported-media-type", "Gửi mẫu đơn dạng JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType).ToProblem();
                }

                var (text, tooLarge) = await RequestBodies.ReadTextAsync(http, FormFormat.MaxChars, ct);
                if (tooLarge)
                {
                    return new Error("too-large", $"Mẫu đơn quá lớn (tối đa {FormFormat.MaxChars / 1024} KB).", StatusCodes.Status413PayloadTooLarge).ToProblem();
                }

                var (definition, error) = FormFormat.Read(text);
                if (error is not null)
                {
                    return error.ToProblem();
                }

                return (await save.RunAsync(procedureCode, procedureVersion, definition!, ct)).ToCreated(created => $"/api/v1/forms/definitions/{created.Id}");
            })
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator))
            .Accepts<FormDefinition>(FormFormat.JsonMediaType)
            .Produces<SavedForm>(StatusCodes.Status201Created)
            .WithSummary("Save a draft e-form for a procedure version (administrator): the definition as JSON, checked (unique keys, known types, options, conditions, patterns), numbered after the last one. 201 with its id.");

        api.MapGet("/definitions/{id:guid}", async (Guid id, FormCatalog catalog, ProcedureLookup procedures, CancellationToken ct) =>
            {
                if (await catalog.ByIdAsync(id, ct) is not { } record)
                {
                    return Error.NotFound("bản mẫu đơn này").ToProblem();
                }

                var procedure = await procedures.VersionAsync(record.ProcedureCode, record.ProcedureVersion, ct);
                return Results.Ok(FormView.From(record, procedure?.Content.Name ?? ""));
            })
            .RequireAuthorization(p => p.RequireRole([.. StaffRoles.All]))
            .WithSummary("One stored e-form (drafts included; staff).");

        api.MapPost("/definitions/{id:guid}/publication", async (Guid id, SaveForm save, CancellationToken ct) =>
            {
                return (await save.PublishAsync(id, ct)).ToHttp();
            })
            .RequireAuthorization(p => p.RequireRole(StaffRoles.Administrator))
            .WithSummary("Publish a draft e-form (administrator): citizens fill it in from now on and the form published before is retired; 409 if it is not a draft.");

        api.MapPost("/{procedureCode}/validation", async (string procedureCode, int? version, bool? registry, HttpRequest http, CheckFormValues check, CancellationToken ct) =>
            {
                var (values, files, error) = await ReadValuesAsync(http, ct);
                if (error is not null)
                {
                    return error.ToProblem();
                }

                var (form, result) = await check.RunAsync(procedureCode, version, values!, files, registry ?? true, ct);
                if (form is null || result is null)
                {
                    return NotFound(procedureCode, version);
                }

                return result.IsValid
                    ? Results.Ok(new { procedureCode = form.Procedure.Code, procedureVersion = form.Procedure.Version, values = result.Values })
                    : Error.Problem([.. result.Errors.Select(e => Error.Invalid(e.Name, e.Message))]);
            })
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(RateLimits.PublicLookup)
            .WithSummary("Check values against a procedure version's current e-form (anyone): a JSON body {\"values\": {name: text}, \"files\": {name: {fileName, contentType, size}}} "
                + "or the form itself (urlencoded or multipart with the files). 200 with the normalized values, or 400 with an error per posted name. ?registry=false when the applicant is not known to the population registry.");

        return app;
    }

    private static IResult NotFound(string procedureCode, int? version)
        => Error.NotFound(version is null ? $"thủ tục có mã {procedureCode}" : $"phiên bản {version} của thủ tục có mã {procedureCode}").ToProblem();

    private sealed record UploadInfo(string? FileName, string? ContentType, long Size);

    /// <summary>The posted values and files: a JSON body, or an HTML form (urlencoded, or multipart with real files whose type is sniffed).</summary>
    private static async Task<(Dictionary<string, string>? Values, Dictionary<string, UploadedFile>? Files, Error? Error)> ReadValuesAsync(HttpRequest http, CancellationToken ct)
    {
        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(ct);
            if (form.Count > MaxPostedValues)
            {
                return (null, null, TooMany());
            }

            return (FormNames.ValuesFrom(form), await FormNames.FilesFromAsync(form, "", ct), null);
        }

        if (!RequestBodies.IsJson(http.ContentType))
        {
            return (null, null, new Error("unsupported-media-type", "Gửi giá trị dạng JSON (application/json) hoặc dạng biểu mẫu (application/x-www-form-urlencoded, multipart/form-data).", StatusCodes.Status415UnsupportedMediaType));
        }

        var (text, tooLarge) = await RequestBodies.ReadTextAsync(http, MaxValuesBodyChars, ct);
        if (tooLarge)
        {
            return (null, null, new Error("too-large", $"Dữ liệu gửi lên quá lớn (tối đa {MaxValuesBodyChars / 1024} KB).", StatusCodes.Status413PayloadTooLarge));
        }

        var bad = Error.Invalid("values", "Gửi một đối tượng JSON dạng {\"values\": {\"applicant.name\": \"Nguyễn Văn A\"}, \"files\": {\"docs.d1\": {\"fileName\": \"a.pdf\", \"contentType\": \"application/pdf\", \"size\": 1000}}}.");
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null, bad);
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (document.RootElement.TryGetProperty("values", out var posted))
            {
                if (posted.ValueKind != JsonValueKind.Object)
                {
                    return (null, null, bad);
                }

                foreach (var property in posted.EnumerateObject())
                {
                    if (values.Count >= MaxPostedValues)
                    {
                        return (null, null, TooMany());
                    }

                    values[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!,
                        JsonValueKind.Number => property.Value.GetRawText(),
                        JsonValueKind.True => "true",
                        JsonValueKind.False => "false",
                        _ => "",
                    };
                }
            }

            var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
            if (document.RootElement.TryGetProperty("files", out var uploads) && uploads.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in uploads.EnumerateObject().Take(MaxPostedValues))
                {
                    var info = property.Value.Deserialize<UploadInfo>(JsonSerializerOptions.Web);
                    if (info is not null)
                    {
                        files[property.Name] = new UploadedFile(info.FileName ?? "tep", (info.ContentType ?? "").Trim().ToLowerInvariant(), info.Size);
                    }
                }
            }

            return (values, files, null);
        }
        catch (JsonException)
        {
            return (null, null, bad);
        }
    }

    private static Error TooMany() => Error.Invalid("values", $"Quá nhiều giá trị (tối đa {MaxPostedValues.ToString(CultureInfo.InvariantCulture)}).");
}
