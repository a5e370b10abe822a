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
}
