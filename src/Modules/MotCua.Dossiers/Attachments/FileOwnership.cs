using Microsoft.EntityFrameworkCore;
using MotCua.Dossiers.MyDossiers;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;

namespace MotCua.Dossiers.Attachments;

/// <summary>
/// Whose a stored file is, for a citizen attaching it to a dossier (filing, a supplement): theirs when they uploaded it
/// themself (a <see cref="StoredUpload"/> row of their session or upload token) or when it is in their document store
/// (a file of one of their own dossiers, a result issued to them). Anything else — another citizen's upload, a
/// staff member's, a made-up hash — is refused with one answer, so nobody learns what others stored.
/// </summary>
internal sealed class FileOwnership(MotCuaDb db, CitizenDocuments store)
{
    public async Task<bool> IsCitizensAsync(string subject, string idNumber, string sha256, CancellationToken ct)
    {
        if (sha256.Length != 64)
        {
            return false;
        }

        var uploader = Uploader.Citizen(subject).Key;
        return (subject.Length > 0 && await db.Set<StoredUpload>().AnyAsync(u => u.Sha256 == sha256 && u.Uploader == uploader, ct))
            || (await store.ListAsync(idNumber, ct)).Any(d => d.Sha256 == sha256);
    }

    /// <summary>
    /// Whether a staff member may attach a stored file (a scan at the counter, a supplement at the desk, a result): theirs
    /// when they uploaded it themself. A file already on the dossier is checked by the caller; a citizen's private upload
    /// or another officer's is not theirs to attach.
    /// </summary>
    public async Task<bool> IsStaffsAsync(Guid staffId, string sha256, CancellationToken ct)
    {
        var uploader = Uploader.Staff(staffId).Key;
        return sha256.Length == 64 && await db.Set<StoredUpload>().AnyAsync(u => u.Sha256 == sha256 && u.Uploader == uploader, ct);
    }

    public static string NotStaffsMessage(string fileName)
        => $"Tệp \"{(fileName.Length > 100 ? fileName[..100] + "…" : fileName)}\" không phải tệp bạn đã quét hoặc tải lên (hoặc đã quá hạn lưu tạm); vui lòng quét hoặc tải lên lại.";

    public static string NotYoursMessage(string fileName)
        => $"Tệp \"{(fileName.Length > 100 ? fileName[..100] + "…" : fileName)}\" không phải tệp bạn đã tải lên, cũng không có trong kho dữ liệu của bạn (hoặc đã quá hạn lưu tạm); vui lòng tải lên lại.";

    public static Error NotYours(string field, string message) => new("forbidden", message, 403, field);
}
