using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Catalog.Contracts;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Outbox;
using MotCua.Queues.Contracts;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Waits;

namespace MotCua.Queues.Tickets;

/// <summary>A request for a ticket: where, for what, and a priority group the holder declares (checked by the officer).</summary>
internal sealed record TicketRequest(string? Point, string? ServiceGroup, TicketPriority Priority = TicketPriority.None);

/// <summary>A ticket as the kiosk prints it and the API answers.</summary>
internal sealed record IssuedTicket(
    Guid Id,
    string Number,
    string Point,
    string PointName,
    string ServiceGroup,
    string ServiceGroupName,
    string Priority,
    string Status,
    DateTimeOffset IssuedAt,
    int Ahead,
    int? EstimatedWaitMinutes,
    string Token);

/// <summary>
/// Takes a ticket at a point for a service group (kiosk, virtual ticket from the portal or the entrance QR,
/// reception desk, appointment check-in): a number unique per point and day, in the one FIFO queue.
/// </summary>
internal sealed class TakeTicket(MotCuaDb db, OrgDirectory org, ServiceGroupList groups, LiveQueue live, TimeProvider time, CurrentActor actor, AuditTrail audit, IOptions<QueueOptions> options)
{
    /// <summary>Open tickets one holder may keep at the same time (virtual tickets), so nobody hoards numbers.</summary>
    public const int MaxOpenTicketsPerHolder = 2;

    public async Task<Result<IssuedTicket>> RunAsync(
        TicketRequest request, TicketChannel channel, string? holderId, Guid? appointmentId, CancellationToken ct)
    {
        var errors = new List<Error>();
        var point = string.IsNullOrWhiteSpace(request.Point) ? null : await org.ServicePlaceAsync(request.Point.Trim(), ct);
        if (string.IsNullOrWhiteSpace(request.Point))
        {
            errors.Add(Error.Required("point", "điểm phục vụ"));
        }
        else if (point is null)
        {
            errors.Add(Error.Invalid("point", $"Không có điểm phục vụ đang hoạt động với mã \"{request.Point}\"."));
        }

        var group = groups.Find(request.ServiceGroup);
        if (string.IsNullOrWhiteSpace(request.ServiceGroup))
        {
            errors.Add(Error.Required("serviceGroup", "nhóm dịch vụ"));
        }
        else if (group is null)
        {
            errors.Add(Error.Invalid("serviceGroup", $"Không có nhóm dịch vụ \"{request.ServiceGroup}\"."));
        }

        if (!Enum.IsDefined(request.Priority) || (request.Priority == TicketPriority.Appointment && appointmentId is null))
        {
            errors.Add(Error.Invalid("priority", "Nhóm ưu tiên không hợp lệ."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var now = time.GetUtcNow();
        var today = live.Today;
        if (holderId is not null && appointmentId is null)
        {
            var open = await db.Set<Ticket>().CountAsync(t => t.HolderId == holderId && t.Day == today
                && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving), ct);
            if (open >= MaxOpenTicketsPerHolder)
            {
                return Error.Conflict($"Bạn đang giữ {open} số thứ tự chưa được phục vụ; mỗi người giữ tối đa {MaxOpenTicketsPerHolder} số cùng lúc.");
            }
        }

        var priority = request.Priority;
        if (priority == TicketPriority.None && CitizenAge.AgeIn(holderId, today.Year) >= options.Value.ElderlyAge)
        {
            priority = TicketPriority.Elderly;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var ticket = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var number = await TicketNumbers.NextAsync(db, point!.Id, today, ct);
            var issued = new Ticket
            {
                PointId = point.Id,
                Day = today,
                Number = number,
                Display = TicketNumbers.Format(group!.Letter, number),
                ServiceGroup = group.Code,
                Priority = priority,
                Channel = channel,
                IssuedAt = now,
                QueuedAt = now,
                Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                HolderId = holderId,
                AppointmentId = appointmentId,
            };
            issued.Events.Add(new TicketEvent { At = now, Kind = TicketEventKind.Issued, Detail = ChannelText(channel), Actor = actor.IsAuthenticated ? actor.DisplayName : "" });
            db.Add(issued);
            db.Add(OutboxMessage.Create("queue.ticket-issued", issued.Display, new { issued.Id, Point = point.Code, issued.Display, issued.ServiceGroup, Channel = channel.ToString() }, now));
            audit.Record("queue.ticket-issued", TicketText.AuditSubject(point.Code, issued),
                $"nhóm {issued.ServiceGroup}; {ChannelText(channel)}; ưu tiên: {TicketText.Priority(priority).ToLowerInvariant()}"
                + (holderId is null ? "" : $"; người giữ số {holderId}") + (appointmentId is null ? "" : "; theo lịch hẹn"));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return issued;
        });

        var queue = (await live.AtPointAsync(point!.Id, ct)).Single(q => q.Group == group!.Code);
        var ahead = Math.Max(0, queue.State.Ahead - 1);
        var wait = WaitEstimator.Rounded(queue.State with { Ahead = ahead });
        return new IssuedTicket(ticket.Id, ticket.Display, point.Code, point.Name, group!.Code, group.Name.ToString(),
            TicketText.Priority(ticket.Priority), TicketText.Status(ticket.Status), ticket.IssuedAt, ahead, wait, ticket.Token);
    }

    public static string ChannelText(TicketChannel channel) => channel switch
    {
        TicketChannel.Kiosk => "tại ki-ốt",
        TicketChannel.Virtual => "số ảo (điện thoại, cổng dịch vụ công)",
        TicketChannel.Reception => "tại bàn hướng dẫn",
        TicketChannel.Appointment => "theo lịch hẹn",
        _ => channel.ToString(),
    };
}
