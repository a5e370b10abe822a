using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using MotCua.Platform.Errors;
using MotCua.Platform.Http;
using MotCua.Platform.Storage;

namespace MotCua.Web.Startup;

/// <summary>
/// A client's mistake the server found while reading the request — unreadable or ill-typed JSON, a duplicate key, a
/// null where a value is needed, a string too long or with a NUL, a body too large, a route or query value that does
/// not parse — answered as 400 (413, 415) problem details naming the field, with the stable code and a Vietnamese
/// message, in every environment (<c>RouteHandlerOptions.ThrowOnBadRequest</c> is on everywhere so the binder's
/// refusals arrive here). Anything else is not handled here: the middleware logs it and answers 500.
/// </summary>
internal sealed partial class BadRequests : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted || !PlatformSetup.IsApi(httpContext.Request) || Describe(exception) is not { } error)
        {
            return false;
        }

        httpContext.Response.StatusCode = error.Status;
        await error.ToProblem().ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The refusal for an exception caused by the request, or null for anything else (a fault of the server).</summary>
    public static Error? Describe(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
        JsonException json => FromJson(json),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new Error("too-large",
            $"Nội dung gửi lên quá lớn. Mỗi tệp tối đa {FileKinds.DefaultMaxBytes / 1024 / 1024} MB; hãy gửi tệp nhỏ hơn hoặc tách thành nhiều tệp.",
            StatusCodes.Status413PayloadTooLarge),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => new Error("unsupported-media-type",
            "Nội dung gửi lên phải là JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType),
        BadHttpRequestException bad when ParameterName().Match(bad.Message) is { Success: true } m => new Error("invalid",
            $"Giá trị của \"{m.Groups[1].Value}\" không hợp lệ.", StatusCodes.Status400BadRequest, m.Groups[1].Value),
        BadHttpRequestException bad when bad.Message.Contains("was not provided from body", StringComparison.Ordinal) => new Error("required",
            "Thiếu nội dung yêu cầu (JSON).", StatusCodes.Status400BadRequest, "body"),
        BadHttpRequestException bad => new Error("bad-request",
            "Không đọc được nội dung gửi lên; vui lòng kiểm tra lại và gửi lại.", bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400),
        InvalidDataException when exception.StackTrace?.Contains("Microsoft.AspNetCore.WebUtilities", StringComparison.Ordinal) == true => new Error("bad-request",
            "Không đọc được biểu mẫu gửi lên (multipart/form-data không hợp lệ hoặc quá lớn).", StatusCodes.Status400BadRequest),
        _ => null,
    };

    private static Error FromJson(JsonException json)
    {
        if (json is RejectedInput rejected)
        {
            var field = JsonInput.Field(json.Path, rejected.Member);
            return new Error("invalid", rejected.MessageFor(field), StatusCodes.Status400BadRequest, field.Length == 0 ? "body" : field);
        }

        var at = JsonInput.Field(json.Path);
        if (json.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase) || json.Message.Contains("duplicate", StringComparison.Ordinal))
        {
            return new Error("duplicate-key", $"Trường \"{(at.Length == 0 ? "?" : at)}\" xuất hiện hơn một lần trong dữ liệu gửi lên.", StatusCodes.Status400BadRequest, at.Length == 0 ? "body" : at);
        }

        return at.Length == 0
            ? new Error("malformed-json", "Dữ liệu gửi lên không phải JSON hợp lệ.", StatusCodes.Status400BadRequest, "body")
            : new Error("invalid", $"Giá trị của trường \"{at}\" không đúng kiểu hoặc không đọc được (JSON).", StatusCodes.Status400BadRequest, at);
    }

    [GeneratedRegex("""Failed to bind parameter "\S+ (\w+)" from""")]
    private static partial Regex ParameterName();
}
