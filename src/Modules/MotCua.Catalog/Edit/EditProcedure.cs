using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.DecidingAgencies;
using MotCua.Catalog.Procedures;
using MotCua.Catalog.Search;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Catalog.Edit;

/// <summary>An edit: the version the editor started from (for conflicts) and the whole new content.</summary>
internal sealed record ProcedureEdit(int ExpectedVersion, ProcedureContent Content);

internal sealed record EditOutcome(IReadOnlyList<Error> Errors, int Version, bool Changed);

/// <summary>
/// An administrator edits a procedure: validated, then saved as a NEW version (dossiers keep theirs).
/// Refused with 409 when someone else saved a version since the editor loaded it.
/// </summary>
internal sealed class EditProcedure(MotCuaDb db, TimeProvider time, AuditTrail audit, CurrentActor actor, CatalogIndex index)
{
    public static readonly IReadOnlyList<string> KnownLevels = ["Cấp xã", "Cấp tỉnh", "Cấp bộ", "Cơ quan khác"];

    public async Task<EditOutcome> RunAsync(string code, ProcedureEdit edit, CancellationToken ct)
    {
        var procedure = await db.Set<Procedure>().FirstOrDefaultAsync(p => p.Code == code, ct);
        if (procedure is null)
        {
            return new([Error.NotFound($"thủ tục có mã {code}")], 0, false);
        }

        var content = edit.Content with { Code = code };
        var errors = Validate(content);
        if (errors.Count > 0)
        {
            return new(errors, procedure.CurrentVersion, false);
        }

        if (edit.ExpectedVersion != procedure.CurrentVersion)
        {
            return new([Error.Conflict($"Thủ tục đã được cập nhật lên phiên bản {procedure.CurrentVersion} sau khi bạn mở trang sửa (phiên bản {edit.ExpectedVersion}). Vui lòng tải lại và sửa trên phiên bản mới nhất.")], procedure.CurrentVersion, false);
        }

        var previous = procedure.CurrentVersion;
        if (!procedure.AddVersion(Normalize(content), "admin", actor.Name, time.GetUtcNow()))
        {
            return new([], procedure.CurrentVersion, false);
        }

        // Editing never loses a field: the new version keeps the deciding agency set (and confirmed) on the old one.
        var added = procedure.Versions[^1];
        var kept = await db.Set<DecidingAgency>().AsNoTracking()
            .Join(db.Set<ProcedureVersion>().Where(v => v.ProcedureId == procedure.Id && v.Number == previous), a => a.VersionId, v => v.Id, (a, v) => a)
            .ToListAsync(ct);
        db.Set<DecidingAgency>().AddRange(kept.Select(a => a.CopyFor(added.Id)));

        audit.Record("catalog.procedure.edited", $"procedure:{code}", $"version {procedure.CurrentVersion}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new([Error.Conflict("Thủ tục vừa được người khác cập nhật. Vui lòng tải lại và sửa trên phiên bản mới nhất.")], edit.ExpectedVersion, false);
        }

        await index.ReloadAsync(ct);
        return new([], procedure.CurrentVersion, true);
    }

    public static List<Error> Validate(ProcedureContent c)
    {
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(c.Name))
        {
            errors.Add(Error.Required("name", "tên thủ tục"));
        }
        else if (c.Name.Length > 2000)
        {
            errors.Add(Error.Invalid("name", "Tên thủ tục dài quá 2.000 ký tự."));
        }

        if (string.IsNullOrWhiteSpace(c.Field))
        {
            errors.Add(Error.Required("field", "lĩnh vực"));
        }

        if (c.Levels.Count == 0)
        {
            errors.Add(Error.Invalid("levels", "Chọn ít nhất một cấp thực hiện."));
        }
        else if (c.Levels.FirstOrDefault(l => !KnownLevels.Contains(l)) is { } unknown)
        {
            errors.Add(Error.Invalid("levels", $"Cấp thực hiện \"{unknown}\" không hợp lệ."));
        }

        if (c.Channels.Count == 0)
        {
            errors.Add(Error.Invalid("channels", "Chọn ít nhất một cách thức thực hiện (trực tiếp, trực tuyến, bưu chính)."));
        }

        if (c.Channels.GroupBy(ch => ch.Channel).Any(g => g.Count() > 1))
        {
            errors.Add(Error.Invalid("channels", "Mỗi cách thức thực hiện chỉ khai báo một lần."));
        }

        foreach (var ch in c.Channels)
        {
            var field = $"channels.{ch.Channel.ToString().ToLowerInvariant()}";
            if (ch.Time.Value is { } v && (v <= 0 || v > 3650))
            {
                errors.Add(Error.Invalid(field, $"Thời hạn giải quyết ({ChannelName(ch.Channel)}) phải lớn hơn 0 và không quá 3.650."));
            }

            if (ch.FeesVnd.Any(f => f < 0 || f > 1_000_000_000_000))
            {
                errors.Add(Error.Invalid(field, $"Phí, lệ phí ({ChannelName(ch.Channel)}) phải là số tiền VND không âm."));
            }

            if (ch.IsFree && ch.FeesVnd.Any(f => f > 0))
            {
                errors.Add(Error.Invalid(field, $"Cách thức {ChannelName(ch.Channel)} được đánh dấu miễn phí nhưng lại có mức phí."));
            }
        }

        foreach (var doc in c.DocumentGroups.SelectMany(g => g.Documents))
        {
            if (string.IsNullOrWhiteSpace(doc.Name))
            {
                errors.Add(Error.Invalid("documents", "Giấy tờ trong thành phần hồ sơ phải có tên."));
                break;
            }

            if (doc.Originals is < 0 or > 100 || doc.Copies is < 0 or > 100)
            {
                errors.Add(Error.Invalid("documents", $"Số bản của \"{doc.Name}\" phải từ 0 đến 100."));
            }
        }

        if (!string.IsNullOrWhiteSpace(c.SourceUrl)
            && (!Uri.TryCreate(c.SourceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add(Error.Invalid("sourceUrl", "Đường dẫn nguồn phải là địa chỉ http(s) đầy đủ."));
        }

        return errors;
    }

    public static string ChannelName(Channel channel) => channel switch
    {
        Channel.Counter => "trực tiếp",
        Channel.Online => "trực tuyến",
        Channel.Post => "bưu chính",
        _ => channel.ToString(),
    };

    internal static ProcedureContent Normalize(ProcedureContent c) => c with
    {
        Name = c.Name.Trim().Normalize(),
        Field = c.Field.Trim().Normalize(),
        Channels = c.Channels.OrderBy(ch => ch.Channel).ToList(),
        Detail = DetailLevel.Full,
    };
}
