using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using MotCua.Platform.Identity;

namespace MotCua.Web.Startup;

/// <summary>
/// The OpenAPI document says, for every operation, in ONE place (read from each endpoint's metadata): the problem
/// details it may answer (400 and 500 always, with the stable <c>code</c>; 401/403 and the sign-in it needs when it is
/// authorized; 404 when its address names something; 409 and the cross-site proof for a change; 413/415 for a body;
/// 422 for an Idempotency-Key; 429 when rate-limited) and the security requirement (the staff or the citizen sign-in
/// cookie). What a success answers (201 with its body, 204) is each endpoint's own <c>.Produces</c>.
/// </summary>
internal static class ApiDocumentation
{
    public const string ProblemSchema = "Problem";
    public const string StaffScheme = "staffCookie";
    public const string CitizenScheme = "citizenCookie";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, _) =>
        {
            document.Info.Title = "MotCua API";
            document.Info.Description = "Một cửa — API của Trung tâm Phục vụ hành chính công. Lỗi: RFC 9457 problem details với mã ổn định `code`. "
                                        + $"Gọi bằng cookie đăng nhập để thay đổi dữ liệu: kèm tiêu đề `{CrossSiteRequests.Header}: 1`.";
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(DescribeAsync);
    }

    /// <summary>The stable code of a problem the framework answers by status (a use case's own error has its own code).</summary>
    public static string CodeOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "bad-request",
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "too-large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
        StatusCodes.Status422UnprocessableEntity => "unprocessable",
        StatusCodes.Status429TooManyRequests => "too-many-requests",
        >= 500 => "server-error",
        _ => "error",
    };

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "Dữ liệu không hợp lệ (trường sai được nêu trong `errors`).",
        [401] = "Cần đăng nhập.",
        [403] = "Không có quyền (vai trò hoặc phạm vi dữ liệu), hoặc thiếu bằng chứng chống giả mạo yêu cầu.",
        [404] = "Không tìm thấy.",
        [409] = "Xung đột với trạng thái hiện tại.",
        [413] = "Nội dung gửi lên quá lớn.",
        [415] = "Kiểu nội dung không được hỗ trợ.",
        [422] = "Idempotency-Key đã dùng cho một yêu cầu khác.",
        [429] = "Quá nhiều yêu cầu; thử lại sau một phút.",
        [500] = "Lỗi hệ thống (đã ghi nhật ký).",
    };

    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        EnsureComponents(document, context.ApplicationServices);

        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";
        var changes = CrossSiteRequests.ChangesState(method);
        var scheme = await SchemeAsync(metadata, context.ApplicationServices);

        var statuses = new SortedSet<int> { 400, 500 };
        if (scheme is not null)
        {
            statuses.UnionWith([401, 403]);
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] });
        }

        if ((description.RelativePath ?? "").Contains('{', StringComparison.Ordinal))
        {
            statuses.Add(404);
        }

        if (changes)
        {
            statuses.UnionWith([403, 409]);
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = CrossSiteRequests.Header,
                In = ParameterLocation.Header,
                Required = scheme is not null,
                Description = "`1`: bắt buộc khi gọi bằng cookie đăng nhập (chống giả mạo yêu cầu từ trang khác); thiếu → 403 `csrf-header-missing`.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("1")] },
            });
        }

        if (!HttpMethods.IsGet(method) && !HttpMethods.IsDelete(method))
        {
            statuses.UnionWith([413, 415]);
        }

        if (description.ParameterDescriptions.Any(p => string.Equals(p.Name, "Idempotency-Key", StringComparison.OrdinalIgnoreCase)))
        {
            statuses.Add(422);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            statuses.Add(429);
        }

        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                continue;
            }

            operation.Responses[key] = new OpenApiResponse
            {
                Description = Descriptions[status],
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                },
            };
        }
    }

    /// <summary>The sign-in an endpoint needs (the citizen's or the staff cookie), or null when anyone may call it.</summary>
    private static async Task<string?> SchemeAsync(IList<object> metadata, IServiceProvider services)
    {
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return null;
        }

        var authorizeData = metadata.OfType<IAuthorizeData>().ToList();
        var policies = metadata.OfType<AuthorizationPolicy>().ToList();
        if (authorizeData.Count == 0 && policies.Count == 0)
        {
            return null;
        }

        var policy = await AuthorizationPolicy.CombineAsync(services.GetRequiredService<IAuthorizationPolicyProvider>(), authorizeData, policies);
        return policy?.AuthenticationSchemes.Contains(CitizenAuthentication.Scheme) == true ? CitizenScheme : StaffScheme;
    }

    private static void EnsureComponents(OpenApiDocument document, IServiceProvider services)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (document.Components.Schemas.ContainsKey(ProblemSchema))
        {
            return;
        }

        var cookies = services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>();
        document.AddComponent<IOpenApiSchema>(ProblemSchema, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details. `code` is stable (e.g. invalid, required, not-found, conflict, forbidden, unauthenticated, csrf-header-missing, too-large, too-many-requests); `detail` is the Vietnamese message.",
            Required = new HashSet<string> { "status", "code" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Mã lỗi ổn định." },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Lỗi theo trường: tên trường → các thông báo.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        });
        document.AddComponent<IOpenApiSecurityScheme>(StaffScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name,
            Description = "Cán bộ: cookie đăng nhập của /account/login.",
        });
        document.AddComponent<IOpenApiSecurityScheme>(CitizenScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = cookies.Get(CitizenAuthentication.Scheme).Cookie.Name,
            Description = "Công dân: cookie đăng nhập VNeID (/portal/login).",
        });
    }
}
