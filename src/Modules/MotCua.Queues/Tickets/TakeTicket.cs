using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Catalog.Contracts;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Idempotency;
using MotCua.Platform.Identity;
using MotCua.Platform.Outbox;
using MotCua.Queues.Contracts;
using MotCua.Queues.Kiosk;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Waits;

namespace MotCua.Queues.Tickets;

/// <summary>A request for a ticket: where, for what, and a priority group the holder declares (checked by the officer).</summary>
internal sealed record TicketRequest(string? Point, string? ServiceGroup, TicketPriority Priority = TicketPriority.None);

/// <summary>
/// Who asks for the ticket, beyond the signed-in actor: the registered kiosk it is printed at (channel Kiosk), or, for a
/// remote ticket taken without signing in, the browser's device id (its signed cookie) and the client address.
/// </summary>
internal sealed record TicketOrigin(KnownKiosk? Kiosk = null, string? Device = null, string? Address = null)
{
    /// <summary>Staff at the desk, an appointment checked in, a signed-in citizen: nothing more to know.</summary>
    public static readonly TicketOrigin None = new();
}

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
    string Token,
    bool PriorityPending = false);

/// <summary>
/// Takes a ticket at a point for a service group (kiosk, virtual ticket from the portal or the entrance QR,
/// reception desk, appointment check-in): a number unique per point and day, in the one FIFO queue.
/// <list type="bullet">
/// <item>A kiosk ticket needs a registered, unrevoked kiosk (<see cref="TicketOrigin.Kiosk"/>) and is issued for that
/// kiosk's own point only. A priority chosen at the kiosk is served as such: the person is in the hall, in sight of
/// the guide desk, and is seen by the officer who calls them.</item>
/// <item>A remote (virtual) ticket is either the signed-in citizen's (at most <see cref="MaxOpenTicketsPerHolder"/>
/// open) or, without signing in, limited per browser, per address and per point and day (<see cref="QueueOptions"/>):
/// over a limit it answers 429 and issues nothing. A priority declared remotely is served in normal order until an
/// officer confirms it (<see cref="PriorityCheck.Pending"/>) — except the elderly priority the e-ID's birth date proves.</item>
/// </list>
/// The limits are counted inside the transaction that takes the point's next number, which serialises a point's
/// issues on every node: two phones racing for the last remote ticket of the day cannot both get it.
/// An Idempotency-Key (header, or the kiosk form's hidden key) makes a retry after a lost answer safe: the same key and
/// request give the same ticket, never a second number; the same key with another request is refused (422). The key is
/// scoped by who asks (the kiosk, the citizen, the device, the officer) and kept in the platform's store.
/// </summary>
internal sealed class TakeTicket(MotCuaDb db, OrgDirectory org, ServiceGroupList groups, LiveQueue live, TimeProvider time, CurrentActor actor, AuditTrail audit, IOptions<QueueOptions> options)
{
    /// <summary>Open tickets one holder may keep at the same time (virtual tickets), so nobody hoards numbers.</summary>
    public const int MaxOpenTicketsPerHolder = 2;

    public async Task<Result<IssuedTicket>> RunAsync(
        TicketRequest request, TicketChannel channel, string? holderId, Guid? appointmentId, CancellationToken ct, TicketOrigin? origin = null, string? idempotencyKey = null)
    {
        origin ??= TicketOrigin.None;
        var kiosk = origin.Kiosk;
        if (IdempotencyStore.Validate(idempotencyKey) is { } keyError)
        {
            return keyError;
        }

        // Scoped by who asks; an appointment's check-in is idempotent by the appointment itself.
        var keyScope = appointmentId is not null ? null
            : kiosk is not null && channel == TicketChannel.Kiosk ? $"ticket:kiosk:{kiosk.Id:N}"
            : holderId is not null ? $"ticket:holder:{holderId}"
            : channel == TicketChannel.Virtual && !string.IsNullOrEmpty(origin.Device) ? $"ticket:device:{origin.Device}"
            : actor.UserId is { } staffId ? $"ticket:staff:{staffId:N}"
            : null;
        var scopedKey = idempotencyKey is null || keyScope is null ? null : IdempotencyStore.Scoped(keyScope, idempotencyKey);
        var requestHash = IdempotencyStore.Hash(new { request, channel, holderId });
        if (await EarlierAsync(scopedKey, requestHash, ct) is { } earlier)
        {
            return earlier;
        }

        if (channel == TicketChannel.Kiosk)
        {
            // Who may hand out numbers is answered before what was asked: an unregistered caller learns nothing more.
            if (kiosk is null)
            {
                return KioskRequired;
            }

            if (string.IsNullOrWhiteSpace(request.Point))
            {
                request = request with { Point = kiosk.Point.Code };
            }
            else if (!string.Equals(request.Point.Trim(), kiosk.Point.Code, StringComparison.OrdinalIgnoreCase))
            {
                return new Error("kiosk-other-point", $"Ki-ốt \"{kiosk.Name}\" chỉ cấp số cho {kiosk.Point.Name} ({kiosk.Point.Code}).", StatusCodes.Status403Forbidden, "point");
            }
        }

        var anonymousRemote = channel == TicketChannel.Virtual && holderId is null;
        if (anonymousRemote && string.IsNullOrEmpty(origin.Device))
        {
            return Error.Invalid("device", "Trình duyệt chưa có mã thiết bị để lấy số không cần đăng nhập: hãy cho phép cookie rồi tải lại trang, hoặc đăng nhập VNeID để lấy số.");
        }

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
        var provenElderly = CitizenAge.AgeIn(holderId, today.Year) >= options.Value.ElderlyAge;
        if (priority == TicketPriority.None && provenElderly)
        {
            priority = TicketPriority.Elderly;
        }

        // Declared off-site and not proven by the e-ID: the counter confirms it when it sees the person.
        var awaitConfirmation = channel == TicketChannel.Virtual && !(priority == TicketPriority.Elderly && provenElderly);
        var address = anonymousRemote ? AddressPseudonym(today, origin.Address) : null;

        var strategy = db.Database.CreateExecutionStrategy();
        var (ticket, overLimit, lostKey) = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var number = await TicketNumbers.NextAsync(db, point!.Id, today, ct);
            if (anonymousRemote && await RemoteLimitAsync(point, today, origin.Device!, address!, ct) is { } limit)
            {
                await transaction.RollbackAsync(ct);
                return ((Ticket?)null, limit, false);
            }

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
                KioskId = channel == TicketChannel.Kiosk ? kiosk?.Id : null,
                RemoteDevice = anonymousRemote ? origin.Device : null,
                RemoteAddress = address,
            };
            if (awaitConfirmation)
            {
                issued.AwaitPriorityConfirmation();
            }

            issued.Events.Add(new TicketEvent { At = now, Kind = TicketEventKind.Issued, Detail = ChannelText(channel), Actor = actor.IsAuthenticated ? actor.DisplayName : "" });
            db.Add(issued);
            db.Add(OutboxMessage.Create("queue.ticket-issued", issued.Display, new { issued.Id, Point = point.Code, issued.Display, issued.ServiceGroup, Channel = channel.ToString() }, now));
            audit.Record("queue.ticket-issued", TicketText.AuditSubject(point.Code, issued),
                $"nhóm {issued.ServiceGroup}; {ChannelText(channel)}; ưu tiên: {TicketText.PriorityOf(issued).ToLowerInvariant()}"
                + (holderId is null ? "" : $"; người giữ số {holderId}") + (appointmentId is null ? "" : "; theo lịch hẹn")
                + (issued.KioskId is null ? "" : $"; ki-ốt \"{kiosk!.Name}\" ({kiosk.Id:N})")
                + (anonymousRemote ? $"; không đăng nhập, thiết bị {origin.Device}" : ""));
            // A concurrent twin with the same key took its number first: this one takes nothing (its number goes back).
            if (scopedKey is not null && !await IdempotencyStore.ClaimAsync(db, scopedKey, requestHash, issued.Id.ToString("N"), now, ct))
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return ((Ticket?)null, (Error?)null, true);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (issued, (Error?)null, false);
        });

        if (lostKey)
        {
            return await EarlierAsync(scopedKey, requestHash, ct) ?? Error.Conflict("Yêu cầu lấy số đang được xử lý, vui lòng thử lại sau ít giây.");
        }

        if (ticket is null)
        {
            return overLimit!;
        }

        return await AnswerAsync(ticket, point!, group!, ct);
    }

    /// <summary>The ticket an earlier request with the same key issued (null when the key is new), or the store's 422.</summary>
    private async Task<Result<IssuedTicket>?> EarlierAsync(string? scopedKey, string requestHash, CancellationToken ct)
    {
        if (await IdempotencyStore.FindAsync(db, scopedKey, requestHash, ct, "mỗi lần lấy số") is not { } saved)
        {
            return null;
        }

        if (!saved.Succeeded)
        {
            return saved.Cast<IssuedTicket>();
        }

        var id = Guid.ParseExact(saved.Value!, "N");
        var ticket = await db.Set<Ticket>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        var point = ticket is null ? null : (await org.ServicePlacesAsync(ct)).FirstOrDefault(p => p.Id == ticket.PointId);
        var group = ticket is null ? null : groups.Find(ticket.ServiceGroup);
        return ticket is null || point is null || group is null ? null : (Result<IssuedTicket>?)await AnswerAsync(ticket, point, group, ct);
    }

    private async Task<Result<IssuedTicket>> AnswerAsync(Ticket ticket, ServicePlace point, ServiceGroup group, CancellationToken ct)
    {
        var queue = (await live.AtPointAsync(point.Id, ct)).Single(q => q.Group == group.Code);
        var ahead = Math.Max(0, queue.State.Ahead - 1);
        var wait = WaitEstimator.Rounded(queue.State with { Ahead = ahead });
        return new IssuedTicket(ticket.Id, ticket.Display, point.Code, point.Name, group.Code, group.Name.ToString(),
            TicketText.PriorityOf(ticket), TicketText.Status(ticket.Status), ticket.IssuedAt, ahead, wait, ticket.Token,
            ticket.PriorityCheck == PriorityCheck.Pending);
    }

    /// <summary>What a caller without a registered kiosk is told (401: the kiosk credential is the authentication).</summary>
    public static readonly Error KioskRequired = new("kiosk-required",
        "Chỉ ki-ốt đã đăng ký của điểm phục vụ mới được cấp số tại chỗ. Ở ngoài trung tâm, hãy lấy số trên điện thoại (quét mã QR ở lối vào) hoặc trên Cổng dịch vụ công.",
        StatusCodes.Status401Unauthorized);

    /// <summary>The day's limits of remote tickets taken without signing in: per browser, per address, per point.</summary>
    private async Task<Error?> RemoteLimitAsync(ServicePlace point, DateOnly today, string device, string address, CancellationToken ct)
    {
        var o = options.Value;
        var anonymous = db.Set<Ticket>().Where(t => t.Day == today && t.Channel == TicketChannel.Virtual && t.HolderId == null);
        if (await anonymous.CountAsync(t => t.RemoteDevice == device, ct) >= o.RemoteTicketsPerDevicePerDay)
        {
            return TooMany($"Thiết bị này đã lấy {o.RemoteTicketsPerDevicePerDay} số thứ tự hôm nay mà không đăng nhập. Hãy đăng nhập VNeID để lấy thêm, hoặc lấy số tại ki-ốt khi đến trung tâm.");
        }

        if (await anonymous.CountAsync(t => t.RemoteAddress == address, ct) >= o.RemoteTicketsPerAddressPerDay)
        {
            return TooMany("Mạng bạn đang dùng đã lấy quá nhiều số thứ tự hôm nay mà không đăng nhập. Hãy đăng nhập VNeID để lấy số, hoặc lấy số tại ki-ốt khi đến trung tâm.");
        }

        if (await anonymous.CountAsync(t => t.PointId == point.Id, ct) >= o.AnonymousRemoteTicketsPerPointPerDay)
        {
            return TooMany($"{point.Name} đã cấp hết số thứ tự lấy từ xa không đăng nhập của hôm nay. Hãy đăng nhập VNeID để lấy số, hoặc lấy số tại ki-ốt khi đến trung tâm.");
        }

        return null;
    }

    private static Error TooMany(string message) => new("too-many-remote-tickets", message, StatusCodes.Status429TooManyRequests);

    /// <summary>
    /// The address as a one-day pseudonym: SHA-256 of the day and the address. Enough to count a day's tickets per
    /// address without storing it in clear; the same address gives another value the next day.
    /// </summary>
    private static string AddressPseudonym(DateOnly day, string? address)
        => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"motcua-remote-ticket|{day:yyyy-MM-dd}|{address ?? "?"}")));

    public static string ChannelText(TicketChannel channel) => channel switch
    {
        TicketChannel.Kiosk => "tại ki-ốt",
        TicketChannel.Virtual => "số ảo (điện thoại, cổng dịch vụ công)",
        TicketChannel.Reception => "tại bàn hướng dẫn",
        TicketChannel.Appointment => "theo lịch hẹn",
        _ => channel.ToString(),
    };
}
