using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Dossiers.Access;
using MotCua.Dossiers.Reception;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;
using MotCua.Platform.Time;

namespace MotCua.Dossiers.Indicators;

/// <summary>A unit's share of paper documents scanned at reception, and why the rest were not.</summary>
internal sealed record DigitizationRow(
    Guid? UnitId,
    string UnitName,
    int PaperDocuments,
    int Digitized,
    int PaperOnly,
    decimal? RatePercent,
    IReadOnlyList<PaperOnlyCount> PaperOnlyReasons);

/// <summary>How many paper-only documents had this reason.</summary>
internal sealed record PaperOnlyCount(PaperOnlyReason Reason, string Vietnamese, string English, int Count);

internal sealed record DigitizationReport(DateOnly From, DateOnly To, DigitizationRow Total, IReadOnlyList<DigitizationRow> Units);

/// <summary>
/// The digitization rate at reception (TT 01/2023/TT-VPCP aims at 100 %; the QĐ 766 scorecard's "components digitized"):
/// of the documents handed over on paper at a counter and received in the period, how many were scanned there, per
/// receiving unit, and the officers' reasons for the others. The same scope as the tracking book: one's own receiving
/// unit; every unit for the center's director and, with a reason (recorded), an auditor.
/// </summary>
internal sealed class DigitizationRate(MotCuaDb db, CurrentActor actor, AuditTrail audit)
{
    public async Task<Result<DigitizationReport>> RunAsync(DateOnly from, DateOnly to, string? reason, CancellationToken ct)
    {
        if (Staff.From(actor) is not { } who)
        {
            return new Error("unauthorized", "Vui lòng đăng nhập bằng tài khoản cán bộ.", 401);
        }

        var (scope, refused) = DossierAccess.Book(who, reason);
        if (scope is null)
        {
            return Result.Fail<DigitizationReport>(refused);
        }

        if (to < from || to.DayNumber - from.DayNumber > 366)
        {
            return Error.Invalid("to", "Khoảng thời gian không hợp lệ (từ ngày phải trước đến ngày, tối đa một năm).");
        }

        var start = VietnamTime.StartOf(from);
        var end = VietnamTime.StartOf(to.AddDays(1));
        var dossiers = db.Set<Dossier>().AsNoTracking()
            .Where(d => d.Channel == Catalog.Contracts.Channel.Counter && d.ReceivedAt >= start && d.ReceivedAt < end);
        if (scope.UnitId is { } unit)
        {
            dossiers = dossiers.Where(d => d.ReceivingUnitId == unit);
        }

        var lines = await dossiers
            .SelectMany(d => d.Documents, (d, x) => new { d.ReceivingUnitId, d.ReceivingUnitName, x.Provision, x.PaperOnlyReason })
            .Where(x => x.Provision == Provision.DigitizedAtCounter || x.Provision == Provision.PaperOnly)
            .ToListAsync(ct);

        DigitizationRow Row(Guid? unitId, string name, IEnumerable<(Provision Provision, PaperOnlyReason? Reason)> of)
        {
            var list = of.ToList();
            var digitized = list.Count(l => l.Provision == Provision.DigitizedAtCounter);
            var paperOnly = list.Count - digitized;
            var reasons = list.Where(l => l.Provision == Provision.PaperOnly)
                .GroupBy(l => l.Reason)
                .Where(g => g.Key is not null)
                .Select(g => new PaperOnlyCount(g.Key!.Value, PaperOnlyReasons.Vietnamese(g.Key), PaperOnlyReasons.English(g.Key), g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Reason)
                .ToList();
            return new DigitizationRow(unitId, name, list.Count, digitized, paperOnly,
                list.Count == 0 ? null : Math.Round(100m * digitized / list.Count, 2), reasons);
        }

        var units = lines.GroupBy(l => (l.ReceivingUnitId, l.ReceivingUnitName))
            .Select(g => Row(g.Key.ReceivingUnitId, g.Key.ReceivingUnitName, g.Select(l => (l.Provision, l.PaperOnlyReason))))
            .OrderBy(r => r.UnitName, StringComparer.Ordinal)
            .ToList();
        var total = Row(scope.UnitId, scope.UnitId is null ? "Tất cả đơn vị tiếp nhận" : who.UnitName, lines.Select(l => (l.Provision, l.PaperOnlyReason)));
        if (scope.Reason is not null)
        {
            await audit.RecordReadAsync("dossier.digitization.read", $"digitization:all:{from:yyyy-MM-dd}:{to:yyyy-MM-dd}", $"Lý do: {scope.Reason}", ct);
        }

        return new DigitizationReport(from, to, total, units);
    }
}

/// <summary>The managers' counts of reception (digitization rate).</summary>
internal static class IndicatorEndpoints
{
    public static IServiceCollection AddIndicators(this IServiceCollection services) => services.AddScoped<DigitizationRate>();

    public static void MapIndicators(this IEndpointRouteBuilder app)
        => app.MapGet("/api/v1/indicators/digitization", (DateOnly? from, DateOnly? to, string? reason, DigitizationRate rate, TimeProvider time, CancellationToken ct) =>
            {
                var today = Book.TrackingBook.Today(time);
                return rate.RunAsync(from ?? new DateOnly(today.Year, today.Month, 1), to ?? today, reason, ct).ToHttp();
            })
            .RequireAuthorization(p => p.RequireRole(StaffRoles.ReceptionOfficer, StaffRoles.BranchManager, StaffRoles.CenterDirector, StaffRoles.Auditor))
            .WithTags("Indicators")
            .WithSummary("The digitization rate at reception (TT 01/2023) for a period (from, to: local days; default this month so far): per receiving unit, documents handed over on paper at a counter, how many were scanned there, and the officers' reasons for the paper-only ones. Your own unit; every unit for the director, and for an auditor with a reason.");
}
