namespace MotCua.Platform.Storage;

/// <summary>What a file really is, from its first bytes (never from its name or the browser's word).</summary>
public static class FileKinds
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Accepted = ["application/pdf", "image/jpeg", "image/png"];

    /// <summary>The sniffed content type, or null for anything not accepted.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        return null;
    }

    public static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        _ => ".bin",
    };

    /// <summary>A file name safe to show and to send back: letters (any script), digits, space, dot, dash, underscore.</summary>
    public static string SafeName(string? name, string contentType)
    {
        var baseName = Path.GetFileNameWithoutExtension(Path.GetFileName((name ?? "").Replace('\\', '/')));
        var safe = new string(baseName.Normalize().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.').ToArray()).Trim(' ', '.');
        if (safe.Length == 0)
        {
            safe = "tep-dinh-kem";
        }

        return (safe.Length > 100 ? safe[..100] : safe) + Extension(contentType);
    }
}
