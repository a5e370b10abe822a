using Microsoft.AspNetCore.Http;

namespace MotCua.Platform.Errors;

/// <summary>
/// A refusal a user can read: a stable code, a Vietnamese message, the HTTP status it maps to and,
/// when it is about one input, the field's name.
/// </summary>
public sealed record Error(string Code, string Message, int Status = StatusCodes.Status400BadRequest, string? Field = null)
{
    public static Error NotFound(string what) =>
        new("not-found", $"Không tìm thấy {what}.", StatusCodes.Status404NotFound);

    public static Error Required(string field, string label) =>
        new("required", $"Vui lòng nhập {label}.", StatusCodes.Status400BadRequest, field);

    public static Error Invalid(string field, string message) =>
        new("invalid", message, StatusCodes.Status400BadRequest, field);

    public static Error Conflict(string message) =>
        new("conflict", message, StatusCodes.Status409Conflict);

    /// <summary>The answer of an API endpoint: RFC 9457 problem details with the field errors.</summary>
    public static IResult Problem(IReadOnlyList<Error> errors)
    {
        var first = errors[0];
        var fieldErrors = errors.Where(e => e.Field is not null)
            .GroupBy(e => e.Field!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return fieldErrors.Count > 0 && first.Status == StatusCodes.Status400BadRequest
            ? Results.ValidationProblem(fieldErrors, title: "Dữ liệu không hợp lệ", detail: first.Message,
                extensions: new Dictionary<string, object?> { ["code"] = first.Code })
            : Results.Problem(first.Message, statusCode: first.Status, title: Title(first.Status),
                extensions: new Dictionary<string, object?> { ["code"] = first.Code });
    }

    public IResult ToProblem() => Problem([this]);

    private static string Title(int status) => status switch
    {
        StatusCodes.Status404NotFound => "Không tìm thấy",
        StatusCodes.Status409Conflict => "Xung đột dữ liệu",
        StatusCodes.Status403Forbidden => "Không có quyền",
        _ => "Yêu cầu không hợp lệ",
    };
}
