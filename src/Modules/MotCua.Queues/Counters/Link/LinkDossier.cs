using MotCua.Dossiers.Contracts;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Outbox;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;

namespace MotCua.Queues.Counters.Link;

/// <summary>The dossier the visit created (<c>received</c>) or whose result it returned (<c>returned</c>).</summary>
internal sealed record LinkRequest(string? DossierCode, string? Kind = null, string? Ticket = null);

/// <summary>
/// Links the visit to its dossier (gắn hồ sơ): the ticket keeps the dossier code and its timeline gets a line, so
/// following the ticket shows "ticket → dossier". The code must be a dossier that exists (the public tracking lookup).
/// Works on the counter's current ticket or on a ticket it finished today (named).
/// </summary>
internal sealed class LinkDossier(MotCuaDb db, CounterScope scope, ServiceGroupList groups, TimeProvider time, IDossierLookup dossiers)
{
    public async Task<(TicketAtCounter? Ticket, Error? Error)> RunAsync(string point, int number, LinkRequest request, CancellationToken ct)
    {
        var code = request.DossierCode?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            return (null, Error.Required("dossierCode", "mã hồ sơ"));
        }

        TicketEventKind? kind = request.Kind?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "received" or "tiep-nhan" => TicketEventKind.DossierReceived,
            "returned" or "tra-ket-qua" => TicketEventKind.ResultReturned,
            _ => (TicketEventKind)(-1),
        };
        if (kind == (TicketEventKind)(-1))
        {
            return (null, Error.Invalid("kind", "Loại liên kết phải là \"received\" (tiếp nhận hồ sơ) hoặc \"returned\" (trả kết quả)."));
        }

        var dossier = await dossiers.FindAsync(code, ct);
        if (dossier is null)
        {
            return (null, Error.Invalid("dossierCode", $"Không có hồ sơ với mã \"{code}\". Vui lòng kiểm tra lại mã trên giấy tiếp nhận."));
        }

        return await CounterTicket.ActAsync(db, scope, groups, time, point, number, request.Ticket, includeFinished: true,
            (ticket, _) => ticket.LinkDossier(dossier.Code),
            ticket => kind ?? (groups.Find(ticket.ServiceGroup)?.ReturnsResults == true ? TicketEventKind.ResultReturned : TicketEventKind.DossierReceived),
            "queue.ticket-linked", _ => dossier.Code, ct);
    }
}
