using MotCua.Platform.Errors;
using MotCua.Queues.Counters;

namespace MotCua.Queues.Tickets;

/// <summary>What the reception desk asks for: the group, the priority the officer has seen, optionally the visitor's ID number.</summary>
internal sealed record DeskTicketRequest(string? ServiceGroup, TicketPriority Priority = TicketPriority.None, string? IdNumber = null);

/// <summary>
/// The reception desk (bàn hướng dẫn) hands a number to a visitor who cannot or will not use the kiosk: the same
/// ticket as the kiosk's (<see cref="TakeTicket"/>, channel Reception), by staff of the point or the unit above it.
/// With the visitor's ID number the ticket is theirs (elderly priority from the birth year, at most two open).
/// </summary>
internal sealed class IssueDeskTicket(CounterScope scope, TakeTicket take)
{
    public async Task<Result<IssuedTicket>> RunAsync(string point, DeskTicketRequest request, CancellationToken ct, string? idempotencyKey = null)
    {
        var (place, refused) = await scope.PointAsync(point, ct);
        if (place is null)
        {
            return Result.Fail<IssuedTicket>(refused);
        }

        var id = string.IsNullOrWhiteSpace(request.IdNumber) ? null : request.IdNumber.Trim();
        if (id is not null && (id.Length != 12 || !id.All(char.IsAsciiDigit)))
        {
            return Error.Invalid("idNumber", "Số định danh cá nhân phải gồm đúng 12 chữ số.");
        }

        return await take.RunAsync(new TicketRequest(place.Code, request.ServiceGroup, request.Priority), TicketChannel.Reception, id, appointmentId: null, ct, idempotencyKey: idempotencyKey);
    }
}
