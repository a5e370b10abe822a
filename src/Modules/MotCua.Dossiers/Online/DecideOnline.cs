using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Dossiers.Reception;
using MotCua.Organisation.Contracts;
using MotCua.Platform;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Outbox;

namespace MotCua.Dossiers.Online;

internal sealed record OnlineDecision(
    ReceptionAction Action,
    int ExpectedVersion,
    IReadOnlyList<MissingItem>? Missing = null,
    string? Reason = null,
    string? LegalBasis = null);

/// <summary>An officer of the center receives, asks a supplement for, or refuses a dossier waiting online.</summary>
internal sealed class DecideOnline(MotCuaDb db, DueDates dueDates, Processing.ProcessContexts contexts, OrgDirectory directory, CurrentActor actor, AuditTrail audit, TimeProvider time, IOptions<CenterOptions> center)
{
    public async Task<Result<ReceptionResult>> RunAsync(string code, OnlineDecision decision, CancellationToken ct)
    {
        var dossier = await db.Set<Dossier>().Include(d => d.Events).Include(d => d.Tasks).FirstOrDefaultAsync(d => d.Code == code, ct);
        if (dossier is null)
        {
            return Error.NotFound($"hồ sơ {code}");
        }

        var errors = ReceiveAtCounter.ActionErrors(new ReceptionRequest(null, 0, null, null, null, decision.Action, decision.Missing, decision.Reason));
        if (errors.Count > 0)
        {
            return errors;
        }

        if (decision.ExpectedVersion != dossier.Version)
        {
            return Error.Conflict("Hồ sơ vừa được cán bộ khác xử lý. Vui lòng tải lại trang.");
        }

        var unit = actor.UnitId is { } unitId ? await directory.UnitAsync(unitId, ct) : null;
        var now = time.GetUtcNow();
        var officer = new Dossier.Actor(actor.UserId, actor.DisplayName, unit?.Id, unit?.Name ?? center.Value.Name);
        var error = decision.Action switch
        {
            ReceptionAction.Receive => await ReceiveAsync(dossier, officer, now, ct),
            ReceptionAction.RequestSupplement => dossier.RequestSupplementBeforeReception(officer, decision.Missing!, now),
            _ => dossier.Refuse(officer, decision.Reason!, decision.LegalBasis, now),
        };
        if (error is not null)
        {
            return error;
        }

        var kind = dossier.Events.MaxBy(e => e.At)!.Kind;
        audit.Record($"dossier.{kind}", $"dossier:{code}", "online");
        db.Outbox.Add(OutboxMessage.Create($"dossier.{kind}", code, new { code, status = DossierStatuses.NationalCode(dossier.Status), dossier.DueAt }, now));
        // The tracking book's entry number is issued in the transaction that saves the reception (gone again if it fails).
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await Book.TrackingBookNumbers.AssignAsync(db, dossier, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Hồ sơ vừa được cán bộ khác xử lý. Vui lòng tải lại trang.");
        }

        return new ReceptionResult(code, dossier.Status, dossier.ReceivedAt, dossier.DueAt);
    }

    /// <summary>
    /// Receives a waiting dossier now: the appointment from the clock of the process it starts, the process's
    /// first steps opened. Also the second half of completing, at a counter, a dossier asked to be supplemented
    /// before reception.
    /// </summary>
    public async Task<Error?> ReceiveAsync(Dossier dossier, Dossier.Actor officer, DateTimeOffset now, CancellationToken ct)
    {
        var process = await contexts.ForAsync(dossier, ct, (officer.UnitId ?? dossier.AgencyId, officer.UnitName));
        var cutOff = dueDates.CutOff(dossier.ProcessingCutOff, process.Spec);
        var due = await dueDates.DueAtAsync(now, dossier.ProcessingTimeValue is { } v ? new(v, dossier.ProcessingTimeUnit, "") : null, ct, DueDates.Rules(process.Spec, cutOff));
        if (dossier.Receive(officer, now, due) is { } error)
        {
            return error;
        }

        dossier.CountWithCutOff(cutOff);

        dossier.StartProcess(process, officer, now);
        return null;
    }
}
