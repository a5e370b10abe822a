using System.Buffers.Binary;
using System.IO.Compression;
using UglyToad.PdfPig;

namespace MotCua.Dossiers.Attachments;

/// <summary>
/// Whether an upload is wholly what its first bytes say: a PDF must open and have a first page that parses; a PNG must
/// have its chunks intact (each CRC checked), its image data must inflate to exactly the size its header announces and
/// nothing may follow its end; a JPEG must have its segments in order, a frame and a scan, and end where its end marker is.
/// An image that also carries a PDF header (a PDF/JPEG polyglot, which a PDF reader would open as a document) is refused.
/// </summary>
internal static class FileContent
{
    /// <summary>Null when the content is sound, else why not (Vietnamese, for the officer or citizen).</summary>
    public static string? Problem(ReadOnlyMemory<byte> content, string contentType, CancellationToken ct)
    {
        try
        {
            return contentType switch
            {
                "application/pdf" => Pdf(content, ct),
                "image/png" => Polyglot(content.Span) ?? Png(content.Span),
                "image/jpeg" => Polyglot(content.Span) ?? Jpeg(content.Span),
                _ => "Chỉ nhận tệp PDF, JPG hoặc PNG.",
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A reader that throws on this content is an unreadable file, never a fault of the server.
            return Unreadable(contentType);
        }
    }

    private static string Unreadable(string contentType) => contentType == "application/pdf"
        ? "Tệp PDF bị hỏng hoặc không đọc được; vui lòng xuất lại tệp từ máy quét hoặc phần mềm soạn thảo."
        : "Tệp ảnh bị hỏng hoặc không đọc được; vui lòng chụp hoặc quét lại.";

    private static string? Pdf(ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        using var pdf = PdfDocument.Open(content.ToArray());
        if (pdf.NumberOfPages < 1)
        {
            return Unreadable("application/pdf");
        }

        _ = pdf.GetPage(1).Letters.Count;
        return null;
    }

    private static string? Polyglot(ReadOnlySpan<byte> content)
        => content.IndexOf("%PDF-"u8) >= 0 ? "Tệp ảnh có chứa cả nội dung PDF (tệp lai); vui lòng gửi ảnh và tài liệu PDF thành các tệp riêng." : null;

    private static string? Png(ReadOnlySpan<byte> png)
    {
        var at = 8;
        int width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
        var idat = new MemoryStream();
        var first = true;
        while (true)
        {
            if (at + 12 > png.Length)
            {
                return Unreadable("image/png");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            if (length > int.MaxValue || at + 12 + (long)length > png.Length)
            {
                return Unreadable("image/png");
            }

            var type = png.Slice(at + 4, 4);
            var data = png.Slice(at + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(at + 8 + (int)length)..]);
            if (Crc32(png.Slice(at + 4, 4 + (int)length)) != crc)
            {
                return Unreadable("image/png");
            }

            if (first != type.SequenceEqual("IHDR"u8))
            {
                return Unreadable("image/png");
            }

            if (first)
            {
                if (length != 13)
                {
                    return Unreadable("image/png");
                }

                width = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data), int.MaxValue);
                height = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data[4..]), int.MaxValue);
                (bitDepth, colorType, interlace) = (data[8], data[9], data[12]);
                first = false;
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(data);
            }

            at += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
        }

        if (at != png.Length || width == 0 || height == 0 || (long)width * height > MaxPixels)
        {
            return Unreadable("image/png");
        }

        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        if (channels == 0 || bitDepth is not (1 or 2 or 4 or 8 or 16))
        {
            return Unreadable("image/png");
        }

        var expected = interlace == 0 ? Scanlines(width, height, channels * bitDepth) : Adam7(width, height, channels * bitDepth);
        idat.Position = 0;
        using var inflate = new ZLibStream(idat, CompressionMode.Decompress);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = inflate.Read(buffer)) > 0)
        {
            total += read;
            if (total > expected)
            {
                return Unreadable("image/png");
            }
        }

        return total == expected ? null : Unreadable("image/png");
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, as in zlib).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }

    /// <summary>A scanned A4 page at 600 dpi is about 35 million pixels.</summary>
    private const long MaxPixels = 100_000_000;

    private static long Scanlines(long width, long height, int bitsPerPixel) => height * (1 + (((width * bitsPerPixel) + 7) / 8));

    private static long Adam7(long width, long height, int bitsPerPixel)
    {
        (int X, int Y, int Dx, int Dy)[] passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)];
        long total = 0;
        foreach (var (x, y, dx, dy) in passes)
        {
            var w = (width - x + dx - 1) / dx;
            var h = (height - y + dy - 1) / dy;
            if (w > 0 && h > 0)
            {
                total += Scanlines(w, h, bitsPerPixel);
            }
        }

        return total;
    }

    private static string? Jpeg(ReadOnlySpan<byte> jpeg)
    {
        // SOI, then marker segments; a frame (SOFn) before the first scan (SOS); entropy-coded data after each scan up to the
        // next marker; EOI last (a few padding bytes after it are tolerated, nothing else).
        var at = 2;
        var frame = false;
        var scan = false;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
            {
                return Unreadable("image/jpeg");
            }

            var marker = jpeg[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            if (marker == 0xD9)
            {
                var rest = jpeg[(at + 2)..];
                return frame && scan && rest.Length <= 16 && rest.IndexOfAnyExcept((byte)0, (byte)0xFF) < 0 ? null : Unreadable("image/jpeg");
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            if (length < 2 || at + 2 + length > jpeg.Length)
            {
                return Unreadable("image/jpeg");
            }

            if (marker is (>= 0xC0 and <= 0xC3) or (>= 0xC5 and <= 0xC7) or (>= 0xC9 and <= 0xCB) or (>= 0xCD and <= 0xCF))
            {
                if (length < 8 || BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 5)..]) == 0 || BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 7)..]) == 0)
                {
                    return Unreadable("image/jpeg");
                }

                frame = true;
            }

            at += 2 + length;
            if (marker == 0xDA)
            {
                if (!frame)
                {
                    return Unreadable("image/jpeg");
                }

                scan = true;

                // Entropy-coded data: FF is followed by 00 (a stuffed byte) or a restart marker; any other marker ends it.
                while (at + 1 < jpeg.Length && !(jpeg[at] == 0xFF && jpeg[at + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7) and not 0xFF))
                {
                    at++;
                }
            }
        }

        return Unreadable("image/jpeg");
    }
}
