using Microsoft.Extensions.Options;
using MotCua.Catalog.Contracts;
using MotCua.Dossiers.Codes;
using MotCua.Dossiers.Reception;
using MotCua.Platform;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Idempotency;
using MotCua.Platform.Outbox;

namespace MotCua.Dossiers.Online;

/// <summary>The signed-in citizen behind an online submission: their e-ID subject and the sign-in's assurance level.</summary>
internal sealed record OnlineIdentity(string Subject, string AssuranceLevel);

/// <summary>
/// A dossier submitted online (by the citizen portal, 24/7): it gets its code at once and waits for an
/// officer's reception ("chờ tiếp nhận"); the clock starts only at that valid reception.
/// </summary>
internal sealed class SubmitOnline(MotCuaDb db, DossierDraft drafts, AuditTrail audit, TimeProvider time, IOptions<CenterOptions> center)
{
    public async Task<Result<ReceptionResult>> RunAsync(ReceptionRequest request, OnlineIdentity identity, CancellationToken ct, string? idempotencyKey = null)
    {
        if (IdempotencyStore.Validate(idempotencyKey) is { } keyError)
        {
            return keyError;
        }

        // Only a signed-in citizen files online; the key is scoped by their identity.
        var scopedKey = idempotencyKey is null ? null : IdempotencyStore.Scoped($"citizen:{identity.Subject}", idempotencyKey);
        var requestHash = IdempotencyStore.Hash(request);
        if (await DossierKeys.FindAsync(db, scopedKey, requestHash, ct) is { } earlier)
        {
            return earlier;
        }

        // Online, the applicant declares; the officer decides at reception.
        var declared = request with { Action = ReceptionAction.Receive };
        var (draft, errors) = await drafts.BuildAsync(declared, Channel.Online, null, "Cổng dịch vụ công", ct);
        if (draft is null)
        {
            return errors;
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (code, sequence) = await DossierCodes.NextAsync(db, draft.Agency.ElectronicId!, now, ct);
        var dossier = Dossier.SubmitOnline(ReceiveAtCounter.New(draft, code, sequence, Channel.Online, declared, center.Value.Name), now, identity.AssuranceLevel);
        foreach (var line in declared.Documents ?? [])
        {
            foreach (var reused in (line.Attachments ?? []).Where(a => line.Provision == Provision.Reused && a.ReusedFrom is not null))
            {
                var name = dossier.Documents.FirstOrDefault(d => d.Number == line.Number)?.Name ?? $"giấy tờ số {line.Number}";
                dossier.NoteReuse(name, reused.FileName, reused.ReusedFrom!, now);
                audit.Record("dossier.document-reused", $"dossier:{code}", $"Tái sử dụng {reused.FileName} ({name}) từ hồ sơ {reused.ReusedFrom}");
            }
        }

        db.Add(dossier);
        audit.Record("dossier.submitted", $"dossier:{code}", $"{draft.Procedure.Code} v{draft.Procedure.Version}; online");
        db.Outbox.Add(OutboxMessage.Create("dossier.submitted", code, new { code, status = DossierStatuses.NationalCode(dossier.Status) }, now));
        return await ReceiveAtCounter.SaveOnceAsync(db, transaction, (scopedKey, requestHash), code, now, new ReceptionResult(code, dossier.Status, null, null), ct);
    }
}
