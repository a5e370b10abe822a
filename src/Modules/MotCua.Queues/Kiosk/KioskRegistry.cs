using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Queues.Kiosk;

/// <summary>What an administrator or branch manager asks for: a name saying where the kiosk stands.</summary>
internal sealed record RegisterKioskRequest(string? Name);

/// <summary>A registered kiosk as the administration shows it; <see cref="Credential"/> only in the answer that registers it.</summary>
internal sealed record KioskView(Guid Id, string Point, string Name, bool IsActive, bool IsDemo, DateTimeOffset RegisteredAt, string RegisteredBy, DateTimeOffset? RevokedAt, string? RevokedBy, string? Credential = null);

/// <summary>A kiosk recognised from its credential, and the point it issues tickets for.</summary>
internal sealed record KnownKiosk(Guid Id, string Name, ServicePlace Point);

/// <summary>
/// The registered kiosks: registering one (its credential shown once), listing and revoking them — by an administrator
/// or the manager of the kiosk's own branch — and recognising a kiosk from its credential: the <see cref="Header"/>
/// of the ticket API, or the <see cref="Cookie"/> the kiosk's browser keeps after being enrolled with it on /kiosk.
/// Every change is on the audit trail. In Development (and only there) the demo enrols a kiosk by itself
/// (<see cref="QueueOptions.DemoKiosks"/>), so `dotnet run` still hands out tickets out of the box.
/// </summary>
internal sealed class KioskRegistry(
    MotCuaDb db, OrgDirectory org, CurrentActor actor, AuditTrail audit, TimeProvider time, IHostEnvironment environment, IOptions<QueueOptions> options)
{
    /// <summary>The header a kiosk application sends its credential in (POST /api/v1/tickets).</summary>
    public const string Header = "X-MotCua-Kiosk";

    /// <summary>The cookie of an enrolled kiosk browser (HttpOnly; read by the kiosk pages only, never by the API).</summary>
    public const string Cookie = "motcua.kiosk";

    public const int NameMaxLength = 100;

    /// <summary>Demo kiosks: only in Development, on unless MotCua:Queues:DemoKiosks says false.</summary>
    public bool DemoKiosks => environment.IsDevelopment() && (options.Value.DemoKiosks ?? true);

    public async Task<Result<IReadOnlyList<KioskView>>> ListAsync(string? point, CancellationToken ct)
    {
        var (place, refused) = await PointAsync(point, ct);
        if (place is null)
        {
            return Result.Fail<IReadOnlyList<KioskView>>(refused);
        }

        var kiosks = await db.Set<KioskDevice>().AsNoTracking().Where(k => k.PointId == place.Id).ToListAsync(ct);
        return kiosks.OrderBy(k => k.RevokedAt is not null).ThenBy(k => k.RegisteredAt).Select(k => View(place, k)).ToList();
    }

    /// <summary>Registers a kiosk of the point; the answer carries its credential, the only time it is ever shown.</summary>
    public async Task<Result<KioskView>> RegisterAsync(string? point, RegisterKioskRequest request, CancellationToken ct)
    {
        var (place, refused) = await PointAsync(point, ct);
        if (place is null)
        {
            return Result.Fail<KioskView>(refused);
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return Error.Required("name", "tên ki-ốt (nơi đặt máy, ví dụ \"Ki-ốt sảnh chính\")");
        }

        if (name.Length > NameMaxLength || name.Any(char.IsControl))
        {
            return Error.Invalid("name", $"Tên ki-ốt tối đa {NameMaxLength} ký tự, không chứa ký tự điều khiển.");
        }

        var (kiosk, credential) = KioskDevice.Register(place.Id, name, actor.Name, time.GetUtcNow());
        db.Add(kiosk);
        audit.Record("queue.kiosk-registered", Subject(place, kiosk), $"ki-ốt \"{kiosk.Name}\" của {place.Name}");
        await db.SaveChangesAsync(ct);
        return View(place, kiosk) with { Credential = credential };
    }

    /// <summary>Revokes a kiosk: from the next request on its credential is refused (its tickets stay as they are).</summary>
    public async Task<Result<KioskView>> RevokeAsync(string? point, Guid id, CancellationToken ct)
    {
        var (place, refused) = await PointAsync(point, ct);
        if (place is null)
        {
            return Result.Fail<KioskView>(refused);
        }

        var kiosk = await db.Set<KioskDevice>().FirstOrDefaultAsync(k => k.Id == id && k.PointId == place.Id, ct);
        if (kiosk is null)
        {
            return Error.NotFound($"ki-ốt này tại {place.Name}");
        }

        if (kiosk.Revoke(actor.Name, time.GetUtcNow()) is { } already)
        {
            return already;
        }

        audit.Record("queue.kiosk-revoked", Subject(place, kiosk), $"ki-ốt \"{kiosk.Name}\" của {place.Name}");
        await db.SaveChangesAsync(ct);
        return View(place, kiosk);
    }

    /// <summary>The active kiosk a credential belongs to, or null (unknown, wrong secret, revoked, a demo kiosk outside Development).</summary>
    public async Task<KnownKiosk?> RecogniseAsync(string? credential, CancellationToken ct)
    {
        if (KioskDevice.Parse(credential) is not { } parsed)
        {
            return null;
        }

        var kiosk = await db.Set<KioskDevice>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == parsed.Id, ct);
        if (kiosk is null || !kiosk.IsActive || !kiosk.Matches(parsed.Secret) || (kiosk.IsDemo && !environment.IsDevelopment()))
        {
            return null;
        }

        var unit = await org.UnitAsync(kiosk.PointId, ct);
        var place = unit is null ? null : await org.ServicePlaceAsync(unit.Code, ct);
        return place is null ? null : new KnownKiosk(kiosk.Id, kiosk.Name, place);
    }

    /// <summary>The kiosk of the API call (its <see cref="Header"/>), or null.</summary>
    public Task<KnownKiosk?> FromHeaderAsync(HttpContext http, CancellationToken ct)
        => RecogniseAsync(http.Request.Headers[Header].ToString(), ct);

    /// <summary>The enrolled kiosk browser of a kiosk page (its <see cref="Cookie"/>), or null.</summary>
    public Task<KnownKiosk?> FromCookieAsync(HttpContext? http, CancellationToken ct)
        => http is null ? Task.FromResult<KnownKiosk?>(null) : RecogniseAsync(http.Request.Cookies[Cookie], ct);

    /// <summary>
    /// Enrols this browser as the kiosk whose credential the technician typed or scanned on /kiosk: the credential goes
    /// into an HttpOnly cookie kept for 400 days (the longest browsers keep one), and the enrolment is audited.
    /// </summary>
    public async Task<Result<KnownKiosk>> EnrolAsync(HttpContext http, string? credential, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(credential))
        {
            return Error.Required("credential", "mã đăng ký ki-ốt");
        }

        var kiosk = await RecogniseAsync(credential, ct);
        if (kiosk is null)
        {
            audit.Record("queue.kiosk-enrolment-refused", "kiosk:?", "mã đăng ký ki-ốt không đúng hoặc đã bị thu hồi");
            await db.SaveChangesAsync(ct);
            return Error.Invalid("credential", "Mã đăng ký ki-ốt không đúng hoặc ki-ốt đã bị thu hồi. Hãy hỏi quản trị viên mã mới.");
        }

        SetCookie(http, credential.Trim());
        audit.Record("queue.kiosk-enrolled", $"kiosk:{kiosk.Point.Code}/{kiosk.Id:N}", $"trình duyệt được đăng ký làm ki-ốt \"{kiosk.Name}\" của {kiosk.Point.Name}");
        await db.SaveChangesAsync(ct);
        return kiosk;
    }

    /// <summary>In Development only: registers a demo kiosk of the point and enrols this browser as it.</summary>
    public async Task<KnownKiosk?> EnrolDemoAsync(HttpContext? http, ServicePlace place, CancellationToken ct)
    {
        if (!DemoKiosks || http is null || http.Response.HasStarted)
        {
            return null;
        }

        var (kiosk, credential) = KioskDevice.Register(place.Id, $"Ki-ốt thử {place.Code}", actor.Name, time.GetUtcNow(), demo: true);
        db.Add(kiosk);
        // On the trail under its own "demo." action: nobody decided to register it, the page did in Development.
        audit.Record("demo.kiosk-enrolled", Subject(place, kiosk), $"ki-ốt thử (chỉ trong môi trường phát triển) của {place.Name}");
        await db.SaveChangesAsync(ct);
        SetCookie(http, credential);
        return new KnownKiosk(kiosk.Id, kiosk.Name, place);
    }

    /// <summary>Administrators everywhere; a branch manager for their own branch and the points under it.</summary>
    public bool MayManage(ServicePlace point)
        => actor.IsInRole(StaffRoles.Administrator)
            || (actor.IsInRole(StaffRoles.BranchManager) && actor.UnitId is { } unit && (unit == point.Id || unit == point.ParentId));

    public static string Subject(ServicePlace point, KioskDevice kiosk) => $"kiosk:{point.Code}/{kiosk.Id:N}";

    private async Task<Result<ServicePlace>> PointAsync(string? code, CancellationToken ct)
    {
        var place = string.IsNullOrWhiteSpace(code) ? null : await org.ServicePlaceAsync(code.Trim(), ct);
        if (place is null)
        {
            return Error.NotFound($"điểm phục vụ \"{code}\"");
        }

        return MayManage(place)
            ? place
            : new Error("forbidden", $"Chỉ quản trị viên hoặc quản lý của {place.Name} được quản lý ki-ốt của điểm này.", StatusCodes.Status403Forbidden);
    }

    private static KioskView View(ServicePlace place, KioskDevice k)
        => new(k.Id, place.Code, k.Name, k.IsActive, k.IsDemo, k.RegisteredAt, k.RegisteredBy, k.RevokedAt, k.RevokedBy);

    private static void SetCookie(HttpContext http, string credential)
        => http.Response.Cookies.Append(Cookie, credential, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Path = "/",
            MaxAge = TimeSpan.FromDays(400),
        });
}
