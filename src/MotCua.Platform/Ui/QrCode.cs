using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using QRCoder;

namespace MotCua.Platform.Ui;

/// <summary>
/// The one QR encoder (error correction M): its dark modules for a PDF, or one inline SVG path for a page (no image
/// request, crisp on a thermal printer and on a poster) with its text as the accessible name.
/// </summary>
public static class QrCode
{
    /// <summary>The modules, row by row: true = dark.</summary>
    public static IReadOnlyList<IReadOnlyList<bool>> Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return [.. data.ModuleMatrix.Select(row => (IReadOnlyList<bool>)[.. row.Cast<bool>()])];
    }

    public static MarkupString Svg(string text, string label, string cssClass = "qr")
    {
        var modules = Modules(text);
        var size = modules.Count;
        var path = new StringBuilder(size * size * 4);
        for (var r = 0; r < size; r++)
        {
            for (var c = 0; c < size; c++)
            {
                if (modules[r][c])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{c} {r}h1v1h-1z");
                }
            }
        }

        return new MarkupString($"""<svg xmlns="http://www.w3.org/2000/svg" class="{WebUtility.HtmlEncode(cssClass)}" viewBox="0 0 {size} {size}" role="img" aria-label="{WebUtility.HtmlEncode(label)}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>""");
    }
}
