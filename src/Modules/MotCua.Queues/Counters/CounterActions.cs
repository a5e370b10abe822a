using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Dossiers.Contracts;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Outbox;
using MotCua.Queues.ServiceGroups;
using MotCua.Queues.Tickets;
using MotCua.Queues.Waits;

namespace MotCua.Queues.Counters;

/// <summary>Who takes the counter: nobody named = the signed-in officer; a manager may name another officer.</summary>
internal sealed record OpenCounterRequest(string? Officer = null);

/// <summary>The service groups a counter calls, in order of preference.</summary>
internal sealed record ProfileRequest(IReadOnlyList<string>? ServiceGroups);

/// <summary>Which ticket an action at a counter is about: the one named (number "A-0012" or id) or, when none is, the counter's current one.</summary>
internal sealed record TicketActionRequest(string? Ticket = null);

/// <summary>Where the ticket goes: another service group, and/or one counter (by number) of the same point.</summary>
internal sealed record TransferRequest(string? Ticket = null, string? ServiceGroup = null, int? Counter = null);

/// <summary>The officer's answer on a priority declared off-site: confirmed (seen, eligible) or not; the ticket named, or the counter's current one.</summary>
internal sealed record PriorityRequest(bool? Confirmed, string? Ticket = null);

/// <summary>The dossier the visit created (<c>received</c>) or whose result it returned (<c>returned</c>).</summary>
internal sealed record LinkRequest(string? DossierCode, string? Kind = null, string? Ticket = null);

/// <summary>
/// Every action at a counter (the officer's page /quay/{point}/{number} and the API under
/// /api/v1/points/{point}/counters/{number}/… call the same methods), over one path: load the counter (the actor must
/// work for its point), check the actor may operate it (the officer on duty, or a manager), find the ticket, let the
/// entity decide (<see cref="Counter"/>, <see cref="Ticket"/>), then save the change with the ticket's timeline line
/// and the outbox row and the audit line in one SaveChanges. The ticket's status and the counter's version are concurrency tokens, so an
/// action racing another on the same ticket or counter answers 409 with nothing saved — no lock is needed.
/// </summary>
internal sealed class CounterActions(
    MotCuaDb db, CounterScope scope, ServiceGroupList groups, LiveQueue live, IDossierLookup dossiers, AuditTrail audit, TimeProvider time, IOptions<QueueOptions> options)
{
    /// <summary>Attempts of a call before giving up when other counters keep taking the chosen ticket first.</summary>
    public const int CallAttempts = 25;

    /// <summary>What an action that lost a race answers (and what makes <see cref="CallNextAsync"/> look again).</summary>
    private static readonly Error Changed = Error.Conflict("Số hoặc quầy vừa được thay đổi bởi một thao tác khác. Vui lòng tải lại và thử lại.");

    /// <summary>
    /// An officer takes the counter (mở quầy). One officer, one counter: an officer already on duty elsewhere must
    /// close that counter first (a unique index on the officer keeps it so even when two requests race).
    /// </summary>
    public Task<Result<CounterState>> OpenAsync(string point, int number, OpenCounterRequest r, CancellationToken ct)
        => RunAsync<CounterState>(point, number, async desk =>
        {
            var (officer, refused) = await OfficerAsync(r.Officer, ct);
            if (officer is null)
            {
                return Result.Fail<CounterState>(refused);
            }

            var elsewhere = await db.Set<Counter>().AsNoTracking().Where(c => c.OfficerUserName == officer.UserName && c.IsOpen).FirstOrDefaultAsync(ct);
            if (elsewhere is not null)
            {
                return Error.Conflict($"Cán bộ {officer.Name} đang trực {elsewhere.Name} ở một điểm khác hoặc tại đây; mỗi cán bộ chỉ trực một quầy, hãy đóng quầy đó trước.");
            }

            if (desk.Counter.Open(officer.UserName, officer.Name, desk.Now) is { } open)
            {
                return open;
            }

            Note(desk, "queue.counter-opened", new { Point = desk.Point.Code, desk.Counter.Number, Officer = officer.UserName, OpenedBy = scope.UserName }, $"cán bộ trực {officer.UserName}");
            return CounterState.From(desk.Point, desk.Counter, current: null);
        }, ct, onDuty: false);

    /// <summary>Closes the counter (đóng quầy): only with no ticket called or being served there.</summary>
    public Task<Result<CounterState>> CloseAsync(string point, int number, CancellationToken ct)
        => RunAsync<CounterState>(point, number, async desk =>
        {
            if (await scope.CurrentTicketAsync(desk.Counter, ct) is { } current)
            {
                return Error.Conflict($"{desk.Counter.Name} còn số {current.Display} chưa kết thúc: kết thúc, đánh dấu vắng mặt hoặc chuyển trước khi đóng quầy.");
            }

            var officer = desk.Counter.OfficerUserName;
            if (desk.Counter.Close() is { } closed)
            {
                return closed;
            }

            Note(desk, "queue.counter-closed", new { Point = desk.Point.Code, desk.Counter.Number, Officer = officer, ClosedBy = scope.UserName }, $"cán bộ trực {officer}");
            return CounterState.From(desk.Point, desk.Counter, current: null);
        }, ct);

    /// <summary>Changes the counter's service profile (which groups it calls, first ones first).</summary>
    public async Task<Result<CounterState>> ChangeProfileAsync(string point, int number, ProfileRequest r, CancellationToken ct)
    {
        // Who may touch the counter is answered before what they sent: another branch learns nothing from a validation message.
        return await RunAsync<CounterState>(point, number, desk =>
        {
            var codes = (r.ServiceGroups ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList();
            if (codes.Count == 0)
            {
                return Task.FromResult<Result<CounterState>>(Error.Required("serviceGroups", "ít nhất một nhóm dịch vụ cho quầy"));
            }

            var unknown = codes.Where(c => groups.Find(c) is null).ToList();
            if (unknown.Count > 0)
            {
                return Task.FromResult<Result<CounterState>>(Error.Invalid("serviceGroups", $"Không có nhóm dịch vụ {string.Join(", ", unknown.Select(u => $"\"{u}\""))}."));
            }

            desk.Counter.ChangeProfile(codes.Select(c => groups.Find(c)!.Code).Distinct());
            Note(desk, "queue.counter-profile-changed", new { Point = desk.Point.Code, desk.Counter.Number, desk.Counter.ServiceGroups, ChangedBy = scope.UserName }, $"nhóm dịch vụ {string.Join(", ", desk.Counter.Groups)}");
            return Task.FromResult<Result<CounterState>>(CounterState.From(desk.Point, desk.Counter, current: null));
        }, ct);
    }

    /// <summary>
    /// Calls the next ticket to the counter (gọi số tiếp theo). Which one:
    /// <list type="number">
    /// <item>a ticket transferred to this very counter (<see cref="Ticket.ReservedForCounterId"/>), oldest first;</item>
    /// <item>with <see cref="PriorityRule.First"/>, the oldest waiting priority ticket of the counter's groups; with
    /// <see cref="PriorityRule.EveryNth"/>, the same when N−1 ordinary tickets have been called at the point since the
    /// last priority one;</item>
    /// <item>otherwise the counter's groups in the order of its profile, each in FIFO order (<see cref="Ticket.QueuedAt"/>).</item>
    /// </list>
    /// Safe under concurrency, on every node: the ticket's status is a concurrency token (the UPDATE says
    /// <c>WHERE "Status" = Waiting</c>), so of two counters racing for one ticket only one UPDATE matches, the other
    /// fails, reloads and takes the next ticket; the counter's version token does the same for two calls from one counter.
    /// </summary>
    public async Task<Result<TicketAtCounter>> CallNextAsync(string point, int number, CancellationToken ct)
    {
        for (var attempt = 0; attempt < CallAttempts; attempt++)
        {
            db.ChangeTracker.Clear();
            var called = await RunAsync<TicketAtCounter>(point, number, desk => CallAsync(desk, ct), ct);
            if (!ReferenceEquals(called.Error, Changed))
            {
                return called;
            }

            // Another counter called the chosen ticket (or this counter called someone) in the meantime: look again.
        }

        db.ChangeTracker.Clear();
        return Error.Conflict("Nhiều quầy đang gọi cùng lúc; vui lòng bấm gọi lại.");
    }

    /// <summary>Calls the counter's current ticket again (gọi lại): the board announces it once more.</summary>
    public Task<Result<TicketAtCounter>> RecallAsync(string point, int number, TicketActionRequest r, CancellationToken ct)
        => OnTicketAsync(point, number, r.Ticket, TicketEventKind.Recalled, (ticket, now) => ticket.Recall(now), ct);

    /// <summary>The called person is at the counter (bắt đầu phục vụ).</summary>
    public Task<Result<TicketAtCounter>> StartAsync(string point, int number, TicketActionRequest r, CancellationToken ct)
        => OnTicketAsync(point, number, r.Ticket, TicketEventKind.ServingStarted, (ticket, now) => ticket.StartServing(now), ct);

    /// <summary>The visit is over (kết thúc): only a ticket being served can be finished.</summary>
    public Task<Result<TicketAtCounter>> FinishAsync(string point, int number, TicketActionRequest r, CancellationToken ct)
        => OnTicketAsync(point, number, r.Ticket, TicketEventKind.Finished, (ticket, now) => ticket.Finish(now), ct);

    /// <summary>The called person did not come (vắng mặt).</summary>
    public Task<Result<TicketAtCounter>> NoShowAsync(string point, int number, TicketActionRequest r, CancellationToken ct)
        => OnTicketAsync(point, number, r.Ticket, TicketEventKind.NoShow, (ticket, now) => ticket.MarkNoShow(now), ct);

    /// <summary>
    /// Transfers the counter's current ticket (chuyển) back into the queue of another service group and/or to one
    /// counter of the same point, keeping its place in the FIFO queue; a ticket sent to a counter is called by that
    /// counter only (first, before its other tickets).
    /// </summary>
    public async Task<Result<TicketAtCounter>> TransferAsync(string point, int number, TransferRequest r, CancellationToken ct)
    {
        return await RunAsync<TicketAtCounter>(point, number, async desk =>
        {
            if (string.IsNullOrWhiteSpace(r.ServiceGroup) && r.Counter is null)
            {
                return Error.Required("serviceGroup", "nhóm dịch vụ hoặc quầy nhận số chuyển");
            }

            var group = string.IsNullOrWhiteSpace(r.ServiceGroup) ? null : groups.Find(r.ServiceGroup.Trim());
            if (!string.IsNullOrWhiteSpace(r.ServiceGroup) && group is null)
            {
                return Error.Invalid("serviceGroup", $"Không có nhóm dịch vụ \"{r.ServiceGroup}\".");
            }

            Counter? target = null;
            if (r.Counter is { } to)
            {
                target = await db.Set<Counter>().AsNoTracking().FirstOrDefaultAsync(c => c.PointId == desk.Counter.PointId && c.Number == to, ct);
                if (target is null)
                {
                    return Error.Invalid("counter", $"{desk.Point.Name} không có Quầy {to}.");
                }

                if (target.Id == desk.Counter.Id)
                {
                    return Error.Invalid("counter", "Không thể chuyển số về chính quầy đang phục vụ.");
                }
            }

            var found = await FindAsync(desk.Counter, r.Ticket, finishedToo: false, ct);
            if (found.Value is not { } ticket)
            {
                return found.Cast<TicketAtCounter>();
            }

            var groupCode = group?.Code ?? ticket.ServiceGroup;
            if (ticket.Transfer(groupCode, target?.Id) is { } refused)
            {
                return refused;
            }

            Record(desk, ticket, TicketEventKind.Transferred, target is null ? $"nhóm {groupCode}" : $"nhóm {groupCode}, {target.Name}",
                new { ticket.Id, Point = desk.Point.Code, From = desk.Counter.Number, To = target?.Number, ServiceGroup = groupCode });
            return TicketAtCounter.From(ticket, target?.Name ?? desk.Counter.Name, groups);
        }, ct);
    }

    /// <summary>
    /// Confirms or refuses a priority declared off-site (xác nhận ưu tiên), by the officer who sees the person: on the
    /// counter's current ticket when called in normal order, or on a waiting ticket of the point named by its number
    /// (the holder shows it at the counter). Confirmed, it is served ahead from the next call; refused, it stays an
    /// ordinary ticket in its place. Either answer is on the ticket's timeline and the audit trail.
    /// </summary>
    public async Task<Result<TicketAtCounter>> ConfirmPriorityAsync(string point, int number, PriorityRequest r, CancellationToken ct)
    {
        return await RunAsync<TicketAtCounter>(point, number, async desk =>
        {
            if (r.Confirmed is not { } confirmed)
            {
                return Error.Required("confirmed", "kết quả xác nhận ưu tiên (confirmed: true hoặc false)");
            }

            Ticket? ticket;
            if (string.IsNullOrWhiteSpace(r.Ticket))
            {
                ticket = await scope.CurrentTicketAsync(desk.Counter, ct);
                if (ticket is null)
                {
                    return Error.Conflict($"{desk.Counter.Name} không có số nào đang được gọi hay phục vụ.");
                }
            }
            else
            {
                var display = r.Ticket.Trim().ToUpperInvariant();
                var today = live.Today;
                ticket = await db.Set<Ticket>().FirstOrDefaultAsync(t => t.PointId == desk.Point.Id && t.Day == today && t.Display == display, ct);
                if (ticket is null)
                {
                    return Error.NotFound($"số {r.Ticket.Trim()} hôm nay tại {desk.Point.Name}");
                }

                if (ticket.Status != TicketStatus.Waiting && ticket.CounterId != desk.Counter.Id)
                {
                    return Error.Conflict($"Số {ticket.Display} không phải số đang chờ hay đang ở {desk.Counter.Name}.");
                }
            }

            var declared = TicketText.Priority(ticket.Priority);
            if (ticket.ConfirmPriority(confirmed) is { } refused)
            {
                return refused;
            }

            Record(desk, ticket, confirmed ? TicketEventKind.PriorityConfirmed : TicketEventKind.PriorityRefused, $"{declared}, {desk.Counter.Name}",
                new { ticket.Id, Point = desk.Point.Code, Counter = desk.Counter.Number, ticket.Display, Priority = ticket.Priority.ToString(), Confirmed = confirmed });
            return TicketAtCounter.From(ticket, desk.Counter.Name, groups);
        }, ct);
    }

    /// <summary>
    /// Links the visit to its dossier (gắn hồ sơ): the ticket keeps the dossier code and its timeline gets a line, so
    /// following the ticket shows "ticket → dossier". The code must be a dossier that exists (the public tracking
    /// lookup). Works on the counter's current ticket or on a ticket it finished today (named).
    /// </summary>
    public async Task<Result<TicketAtCounter>> LinkDossierAsync(string point, int number, LinkRequest r, CancellationToken ct)
    {
        return await RunAsync<TicketAtCounter>(point, number, async desk =>
        {
            var code = r.DossierCode?.Trim();
            if (string.IsNullOrEmpty(code))
            {
                return Error.Required("dossierCode", "mã hồ sơ");
            }

            TicketEventKind? kind = r.Kind?.Trim().ToLowerInvariant() switch
            {
                null or "" => null,
                "received" or "tiep-nhan" => TicketEventKind.DossierReceived,
                "returned" or "tra-ket-qua" => TicketEventKind.ResultReturned,
                _ => (TicketEventKind)(-1),
            };
            if (kind == (TicketEventKind)(-1))
            {
                return Error.Invalid("kind", "Loại liên kết phải là \"received\" (tiếp nhận hồ sơ) hoặc \"returned\" (trả kết quả).");
            }

            var dossier = await dossiers.FindAsync(code, ct);
            if (dossier is null)
            {
                return Error.Invalid("dossierCode", $"Không có hồ sơ với mã \"{code}\". Vui lòng kiểm tra lại mã trên giấy tiếp nhận.");
            }

            var found = await FindAsync(desk.Counter, r.Ticket, finishedToo: true, ct);
            if (found.Value is not { } ticket)
            {
                return found.Cast<TicketAtCounter>();
            }

            if (ticket.LinkDossier(dossier.Code) is { } refused)
            {
                return refused;
            }

            var returned = groups.Find(ticket.ServiceGroup)?.ReturnsResults == true;
            Record(desk, ticket, kind ?? (returned ? TicketEventKind.ResultReturned : TicketEventKind.DossierReceived), dossier.Code);
            return TicketAtCounter.From(ticket, desk.Counter.Name, groups);
        }, ct);
    }

    /// <summary>
    /// The one path of every action: load the counter (the actor must work for its point), check the actor may
    /// operate it (<paramref name="onDuty"/>: the officer on duty or a manager; opening is how one comes on duty), act,
    /// save once. A concurrent change of the same ticket or counter answers 409 with nothing saved.
    /// </summary>
    private async Task<Result<T>> RunAsync<T>(string point, int number, Func<Desk, Task<Result<T>>> act, CancellationToken ct, bool onDuty = true)
    {
        var (at, refused) = await scope.CounterAsync(point, number, ct);
        if (at is null)
        {
            return Result.Fail<T>(refused);
        }

        if (onDuty && scope.MayOperate(at.Counter) is { } notYours)
        {
            return notYours;
        }

        var done = await act(new Desk(at.Point, at.Counter, time.GetUtcNow()));
        if (!done.Succeeded)
        {
            return done;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Changed;
        }
        catch (DbUpdateException) when (at.Counter.IsOpen && db.Entry(at.Counter).Property(c => c.OfficerUserName).IsModified)
        {
            // The unique index on the officer on duty: the same officer was put on duty at another counter meanwhile.
            db.ChangeTracker.Clear();
            return Error.Conflict($"Cán bộ {at.Counter.OfficerName} đang trực ở một quầy khác; đóng quầy đó trước.");
        }
    }

    /// <summary>An action on the counter's current ticket, or on the one named (it must be at this counter).</summary>
    private Task<Result<TicketAtCounter>> OnTicketAsync(
        string point, int number, string? named, TicketEventKind kind, Func<Ticket, DateTimeOffset, Error?> act, CancellationToken ct)
        => RunAsync<TicketAtCounter>(point, number, async desk =>
        {
            var found = await FindAsync(desk.Counter, named, finishedToo: false, ct);
            if (found.Value is not { } ticket)
            {
                return found.Cast<TicketAtCounter>();
            }

            if (act(ticket, desk.Now) is { } refused)
            {
                return refused;
            }

            Record(desk, ticket, kind);
            return TicketAtCounter.From(ticket, desk.Counter.Name, groups);
        }, ct);

    private async Task<Result<TicketAtCounter>> CallAsync(Desk desk, CancellationToken ct)
    {
        var counter = desk.Counter;
        if (counter.CanCall() is { } closed)
        {
            return closed;
        }

        if (await scope.CurrentTicketAsync(counter, ct) is { } current)
        {
            return Error.Conflict($"{counter.Name} đang có số {current.Display} ({TicketText.Status(current.Status).ToLowerInvariant()}): kết thúc, đánh dấu vắng mặt hoặc chuyển số đó trước khi gọi số tiếp theo.");
        }

        if (await ChooseAsync(counter, ct) is not { } next)
        {
            return new Error("queue-empty", $"Không có ai đang chờ ở các nhóm dịch vụ của {counter.Name} ({string.Join(", ", counter.Groups)}).", Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound);
        }

        var ticket = await db.Set<Ticket>().FirstAsync(t => t.Id == next, ct);
        if (counter.Call(ticket, scope.DisplayName, desk.Now) is not null)
        {
            return Changed;
        }

        Record(desk, ticket, TicketEventKind.Called, payload:
            new { ticket.Id, Point = desk.Point.Code, Counter = counter.Number, ticket.Display, ticket.ServiceGroup, Announcement = TicketText.Announcement(ticket.Display, counter.Name) });
        return TicketAtCounter.From(ticket, counter.Name, groups);
    }

    /// <summary>The ticket named (it must be at this counter; a finished one only if <paramref name="finishedToo"/>) or the counter's current one.</summary>
    private async Task<Result<Ticket>> FindAsync(Counter counter, string? named, bool finishedToo, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(named))
        {
            return await scope.CurrentTicketAsync(counter, ct) is { } current
                ? current
                : Error.Conflict($"{counter.Name} không có số nào đang được gọi hay phục vụ.");
        }

        var key = named.Trim();
        var display = key.ToUpperInvariant();
        var id = Guid.TryParse(key, out var g) ? g : (Guid?)null;
        var candidates = await db.Set<Ticket>().Include(t => t.Events)
            .Where(t => t.PointId == counter.PointId && (id != null ? t.Id == id : t.Display == display))
            .OrderByDescending(t => t.Day).Take(1).ToListAsync(ct);
        var ticket = candidates.FirstOrDefault();
        if (ticket is null)
        {
            return Error.NotFound($"số {key} tại điểm này");
        }

        var here = ticket.CounterId == counter.Id
            && (ticket.Status is TicketStatus.Called or TicketStatus.Serving || (finishedToo && ticket.Status is TicketStatus.Done));
        return here ? ticket : Error.Conflict($"Số {ticket.Display} không phải số đang ở {counter.Name}.");
    }

    /// <summary>The ticket's timeline line (at the counter, unless <paramref name="detail"/> says), its outbox row and its audit line, saved with the change.</summary>
    private void Record(Desk desk, Ticket ticket, TicketEventKind kind, string? detail = null, object? payload = null)
    {
        ticket.Events.Add(new TicketEvent { TicketId = ticket.Id, At = desk.Now, Kind = kind, Detail = detail ?? desk.Counter.Name, Actor = scope.DisplayName });
        db.Add(OutboxMessage.Create(OutboxType(kind), ticket.Display,
            payload ?? new { ticket.Id, Point = desk.Point.Code, Counter = desk.Counter.Number, ticket.Display, ticket.ServiceGroup, Status = ticket.Status.ToString(), ticket.DossierCode },
            desk.Now));
        audit.Record(OutboxType(kind), TicketText.AuditSubject(desk.Point.Code, ticket),
            $"{desk.Counter.Name}: {TicketText.Event(kind).ToLowerInvariant()}" + (detail is null || detail == desk.Counter.Name ? "" : $" ({detail})") + $"; {TicketText.Status(ticket.Status).ToLowerInvariant()}");
    }

    /// <summary>The outbox row and the audit line of a change of the counter itself (opened, closed, profile).</summary>
    private void Note(Desk desk, string type, object payload, string details)
    {
        db.Add(OutboxMessage.Create(type, $"{desk.Point.Code}/{desk.Counter.Number}", payload, desk.Now));
        audit.Record(type, TicketText.CounterSubject(desk.Point.Code, desk.Counter.Number), $"{desk.Counter.Name}: {details}");
    }

    private static string OutboxType(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Called => "queue.ticket-called",
        TicketEventKind.Recalled => "queue.ticket-recalled",
        TicketEventKind.ServingStarted => "queue.ticket-serving",
        TicketEventKind.Finished => "queue.ticket-finished",
        TicketEventKind.NoShow => "queue.ticket-no-show",
        TicketEventKind.Transferred => "queue.ticket-transferred",
        TicketEventKind.DossierReceived or TicketEventKind.ResultReturned => "queue.ticket-linked",
        TicketEventKind.PriorityConfirmed => "queue.ticket-priority-confirmed",
        TicketEventKind.PriorityRefused => "queue.ticket-priority-refused",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an action at a counter."),
    };

    /// <summary>The officer (user name, full name) who will be on duty, or why not.</summary>
    private async Task<Result<Officer>> OfficerAsync(string? named, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(named) || string.Equals(named.Trim(), scope.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return new Officer(scope.UserName, scope.DisplayName);
        }

        if (!scope.IsManager)
        {
            return CounterScope.Forbidden("Chỉ quản lý mới được mở quầy cho cán bộ khác.");
        }

        // Only staff the manager may see: a reception officer or manager of a point in her scope (the pickers offer the same).
        var mine = (await scope.StaffAsync(ct)).FirstOrDefault(s => string.Equals(s.UserName, named.Trim(), StringComparison.OrdinalIgnoreCase));
        if (mine is not null)
        {
            return new Officer(mine.UserName, mine.Name);
        }

        var normalized = named.Trim().ToUpperInvariant();
        return await db.Set<StaffUser>().AnyAsync(u => u.NormalizedUserName == normalized, ct)
            ? CounterScope.Forbidden($"Cán bộ \"{named.Trim()}\" không phải cán bộ tiếp nhận của chi nhánh hay điểm nào trong phạm vi quản lý của bạn; hãy chọn cán bộ trong danh sách.")
            : Error.Invalid("officer", $"Không có cán bộ với tên đăng nhập \"{named.Trim()}\".");
    }

    private async Task<Guid?> ChooseAsync(Counter counter, CancellationToken ct)
    {
        var profile = counter.Groups.Select(g => groups.Find(g)?.Code).OfType<string>().ToList();
        var today = live.Today;
        var waiting = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.PointId == counter.PointId && t.Day == today && t.Status == TicketStatus.Waiting
                && (t.ReservedForCounterId == counter.Id || (t.ReservedForCounterId == null && profile.Contains(t.ServiceGroup))))
            .Select(t => new Candidate(t.Id, t.ServiceGroup, t.Priority, t.PriorityCheck, t.QueuedAt, t.Number, t.ReservedForCounterId))
            .ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return null;
        }

        var reserved = waiting.Where(t => t.Reserved == counter.Id).OrderBy(t => t.QueuedAt).ThenBy(t => t.Number).FirstOrDefault();
        if (reserved is not null)
        {
            return reserved.Id;
        }

        var rule = options.Value.PriorityRule;
        // A priority declared off-site and not yet confirmed at a counter is served in normal order.
        var priority = waiting.Where(t => Ticket.Served(t.Priority, t.Check) != TicketPriority.None).OrderBy(t => t.QueuedAt).ThenBy(t => t.Number).FirstOrDefault();
        if (priority is not null && (rule == PriorityRule.First || (rule == PriorityRule.EveryNth && await PriorityTurnAsync(counter.PointId, today, ct))))
        {
            return priority.Id;
        }

        return waiting.OrderBy(t => profile.IndexOf(t.ServiceGroup)).ThenBy(t => t.QueuedAt).ThenBy(t => t.Number).First().Id;
    }

    /// <summary>With <see cref="PriorityRule.EveryNth"/>: N−1 ordinary tickets called at the point since the last priority one.</summary>
    private async Task<bool> PriorityTurnAsync(Guid point, DateOnly today, CancellationToken ct)
    {
        var every = Math.Max(1, options.Value.PriorityEvery);
        var called = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.PointId == point && t.Day == today && t.CalledAt != null)
            .Select(t => new { t.Priority, t.PriorityCheck, t.CalledAt }).ToListAsync(ct);
        var lastPriority = called.Where(t => Ticket.Served(t.Priority, t.PriorityCheck) != TicketPriority.None).Select(t => t.CalledAt).Max();
        var ordinarySince = called.Count(t => Ticket.Served(t.Priority, t.PriorityCheck) == TicketPriority.None && (lastPriority is null || t.CalledAt > lastPriority));
        return ordinarySince >= every - 1;
    }

    /// <summary>The counter an action is at, the point it stands at, and the moment of the action.</summary>
    private sealed record Desk(ServicePlace Point, Counter Counter, DateTimeOffset Now);

    private sealed record Officer(string UserName, string Name);

    private sealed record Candidate(Guid Id, string ServiceGroup, TicketPriority Priority, PriorityCheck Check, DateTimeOffset QueuedAt, int Number, Guid? Reserved);
}
