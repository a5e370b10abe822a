using System.Text;
using Microsoft.AspNetCore.Http;

namespace MotCua.Platform.Http;

/// <summary>Request bodies read as text by hand (definitions as JSON or YAML, form values): bounded, so a large body cannot hurt the server.</summary>
public static class RequestBodies
{
    /// <summary>
    /// The body as UTF-8 text, or <c>TooLarge</c> once it passes <paramref name="maxChars"/> characters (refused early when the
    /// declared length already says so; read in chunks otherwise, never more than the limit kept in memory).
    /// </summary>
    public static async Task<(string Text, bool TooLarge)> ReadTextAsync(HttpRequest http, int maxChars, CancellationToken ct)
    {
        if (http.ContentLength > maxChars * 4L)
        {
            return ("", true);
        }

        using var reader = new StreamReader(http.Body, Encoding.UTF8);
        var text = new StringBuilder();
        var chunk = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(chunk, ct)) > 0)
        {
            text.Append(chunk, 0, read);
            if (text.Length > maxChars)
            {
                return ("", true);
            }
        }

        return (text.ToString(), false);
    }

    /// <summary>application/json or application/*+json (parameters such as charset ignored).</summary>
    public static bool IsJson(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return media is "application/json" || (media?.StartsWith("application/", StringComparison.Ordinal) == true && media.EndsWith("+json", StringComparison.Ordinal));
    }
}
