using MotCua.Forms.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Storage;

namespace MotCua.Dossiers.Attachments;

internal sealed record UploadedFile(string Sha256, string FileName, string ContentType, long Size);

/// <summary>
/// Stores a scan or an upload before the dossier that uses it is saved: the content decides its type
/// (a ".pdf" must start like a PDF), the whole content is checked (<see cref="FileContent"/>: a PDF parses, an image
/// decodes, no PDF/image polyglot), the size is capped, the name made safe. A stored file is in the audit trail
/// (subject <c>file:{sha256}</c>: who uploaded what, when, from where), saved once the file is stored, with the row that
/// says whose upload it is (<see cref="StoredUpload"/>): a signed-in citizen's or staff member's, or the citizen's whose
/// form issued the upload token. Nobody else's: an upload without a session or a valid token is refused, nothing stored.
/// </summary>
internal sealed class UploadAttachment(IFileStore files, AuditTrail audit, CurrentUploader current, MotCuaDb db, TimeProvider time)
{
    public async Task<Result<UploadedFile>> RunAsync(Stream content, string? fileName, long? length, CancellationToken ct, string? uploadToken = null)
    {
        var (uploader, refused) = await current.ResolveAsync(uploadToken);
        if (uploader is null)
        {
            return refused.ToList();
        }

        if (length is > FileKinds.DefaultMaxBytes)
        {
            return TooBig();
        }

        // Read the head to sniff the type, then stream the rest through a size guard.
        var head = new byte[8];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (read == 0)
        {
            return Error.Invalid("file", "Tệp đính kèm rỗng.");
        }

        var type = FileKinds.Sniff(head.AsSpan(0, read));
        if (type is null)
        {
            return Error.Invalid("file", "Chỉ nhận tệp PDF, JPG hoặc PNG (nội dung tệp không đúng định dạng).");
        }

        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (extension.Length > 0 && extension != FileKinds.Extension(type) && !(extension == ".jpeg" && type == "image/jpeg"))
        {
            return Error.Invalid("file", $"Tệp \"{Path.GetFileName(fileName)}\" có đuôi {extension} nhưng nội dung là {FileKinds.Extension(type)}.");
        }

        // The whole file (at most the cap) is read and checked before anything is stored: a PDF must parse, an image decode.
        using var buffer = new MemoryStream();
        try
        {
            await new CappedStream(new ConcatStream(head.AsMemory(0, read), content), FileKinds.DefaultMaxBytes).CopyToAsync(buffer, ct);
        }
        catch (FileTooLargeException)
        {
            return TooBig();
        }

        if (FileContent.Problem(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), type, ct) is { } problem)
        {
            return Error.Invalid("file", problem);
        }

        buffer.Position = 0;
        var stored = await files.PutAsync(buffer, ct);
        var uploaded = new UploadedFile(stored.Sha256, FileKinds.SafeName(fileName, type), type, stored.Size);
        db.Add(new StoredUpload
        {
            Sha256 = uploaded.Sha256,
            Uploader = uploader.Key,
            FileName = uploaded.FileName,
            ContentType = uploaded.ContentType,
            Size = uploaded.Size,
            UploadedAt = time.GetUtcNow(),
        });
        await audit.RecordSavedAsync("attachment.uploaded", $"file:{uploaded.Sha256}", $"{uploaded.FileName}; {uploaded.ContentType}; {uploaded.Size} byte; {uploader.Via}", ct);

        // The collector may have removed this very content (an old, unreferenced copy) while it was being stored again.
        if (!await files.ExistsAsync(uploaded.Sha256, ct))
        {
            buffer.Position = 0;
            await files.PutAsync(buffer, ct);
        }

        return uploaded;
    }

    private static Error TooBig() => new("too-large", $"Tệp đính kèm vượt quá {FileKinds.DefaultMaxBytes / 1024 / 1024} MB.", 413, "file");

    private sealed class FileTooLargeException : IOException;

    /// <summary>The bytes already read, then the rest of the stream.</summary>
    private sealed class ConcatStream(ReadOnlyMemory<byte> first, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> pending = first;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (pending.Length > 0)
            {
                var n = Math.Min(buffer.Length, pending.Length);
                pending[..n].CopyTo(buffer);
                pending = pending[n..];
                return n;
            }

            return await rest.ReadAsync(buffer, cancellationToken);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Fails the store's write once more than the cap has been read.</summary>
    private sealed class CappedStream(Stream inner, long cap) : Stream
    {
        private long total;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            total += n;
            return total > cap ? throw new FileTooLargeException() : n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
