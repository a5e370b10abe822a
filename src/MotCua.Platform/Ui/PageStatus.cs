using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace MotCua.Platform.Ui;

/// <summary>A page that answers 4xx with its own content (e.g. "Không tìm thấy hồ sơ" beside the search form).</summary>
public static class PageStatus
{
    /// <summary>
    /// Sets the status and keeps the generic error page from replacing this page's content. A 404 is left to
    /// the framework: Blazor (.NET 10) renders a page that answers 404 through the app's not-found page.
    /// </summary>
    public static void Set(HttpContext? http, int status)
    {
        if (http is null || http.Response.HasStarted)
        {
            return;
        }

        if (status != StatusCodes.Status404NotFound && http.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        http.Response.StatusCode = status;
    }

    private const string MessageKey = "MotCua.PageStatus.Message";

    /// <summary>
    /// Answers 404 with a message of the page's own (e.g. "Không có sự kiện đời sống …"): Blazor (.NET 10)
    /// drops a 404 page's content for the status-code page, which shows this message instead of the generic text.
    /// </summary>
    public static void NotFound(HttpContext? http, string message)
    {
        if (http is null || http.Response.HasStarted)
        {
            return;
        }

        http.Items[MessageKey] = message;
        http.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    /// <summary>The message a page gave with <see cref="NotFound"/>, if any (read by the status-code page).</summary>
    public static string? Message(HttpContext? http) => http?.Items[MessageKey] as string;
}
