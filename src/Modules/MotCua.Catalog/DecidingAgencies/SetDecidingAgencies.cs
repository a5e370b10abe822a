using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Procedures;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Audit;
using MotCua.Platform.Data;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Catalog.DecidingAgencies;

/// <summary>One level of the administrator's choice: a kind at the commune level, a unit code at the others.</summary>
internal sealed record DecidingAgencyChoice(string? Level, AgencyKind? Kind, string? UnitCode);

/// <summary>The administrator's choice for a procedure's current version (it replaces every level's row).</summary>
internal sealed record DecidingAgencyRequest(IReadOnlyList<DecidingAgencyChoice>? Levels);

internal sealed record DecidingAgencyLevelView(string Level, string Kind, string? UnitCode, string? UnitName, bool Confirmed, string Status, string? ConfirmedBy, DateTimeOffset? ConfirmedAt);

internal sealed record DecidingAgencyView(string Code, string Name, int Version, IReadOnlyList<string> ProcedureLevels, bool Confirmed, IReadOnlyList<DecidingAgencyLevelView> Levels);

internal sealed record DecidingAgencyList(int Total, IReadOnlyList<DecidingAgencyView> Items);

/// <summary>
/// Cơ quan giải quyết as data: the administrator lists the procedures whose current version is not yet
/// confirmed, and sets and confirms a version's agency per level (audited). A bad level, kind or unit code is
/// refused with a Vietnamese message and nothing is stored.
/// </summary>
internal sealed class SetDecidingAgencies(MotCuaDb db, OrgDirectory directory, AuditTrail audit, CurrentActor actor, TimeProvider time)
{
    public const string Unconfirmed = "chưa xác nhận";
    public const string ConfirmedStatus = "đã xác nhận";

    public async Task<DecidingAgencyList> ListAsync(bool unconfirmedOnly, string? code, int take, CancellationToken ct)
    {
        var current = db.Set<Procedure>().AsNoTracking()
            .Join(db.Set<ProcedureVersion>(), p => new { Id = p.Id, Number = p.CurrentVersion }, v => new { Id = v.ProcedureId, v.Number }, (p, v) => new { p.Code, p.Name, v.Id, v.Number, v.ContentJson });
        if (!string.IsNullOrWhiteSpace(code))
        {
            var wanted = code.Trim();
            current = current.Where(x => x.Code == wanted);
        }

        if (unconfirmedOnly)
        {
            current = current.Where(x => !db.Set<DecidingAgency>().Any(a => a.VersionId == x.Id) || db.Set<DecidingAgency>().Any(a => a.VersionId == x.Id && !a.Confirmed));
        }

        var total = await current.CountAsync(ct);
        var page = await current.OrderBy(x => x.Code).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        var ids = page.Select(x => x.Id).ToList();
        var rows = await db.Set<DecidingAgency>().AsNoTracking().Where(a => ids.Contains(a.VersionId)).ToListAsync(ct);
        var units = (await directory.AgenciesAsync(null, ct)).ToDictionary(u => u.Code, u => u.Name);
        var items = page.Select(x => View(x.Code, x.Name, x.Number, ProcedureJson.Deserialize(x.ContentJson).Levels, rows.Where(r => r.VersionId == x.Id), units)).ToList();
        return new(total, items);
    }

    public async Task<Result<DecidingAgencyView>> RunAsync(string code, DecidingAgencyRequest? request, CancellationToken ct)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        if (procedure is null)
        {
            return Error.NotFound($"thủ tục có mã {code}");
        }

        var version = await db.Set<ProcedureVersion>().FirstAsync(v => v.ProcedureId == procedure.Id && v.Number == procedure.CurrentVersion, ct);
        var levels = version.Content.Levels;
        var choices = request?.Levels ?? [];
        if (choices.Count == 0)
        {
            return Error.Invalid("levels", "Khai báo cơ quan giải quyết cho ít nhất một cấp thực hiện của thủ tục.");
        }

        var now = time.GetUtcNow();
        var rows = new List<DecidingAgency>();
        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            var field = $"levels[{i}]";
            var level = choice.Level?.Trim() ?? "";
            if (!levels.Contains(level))
            {
                return Error.Invalid($"{field}.level", $"Cấp \"{level}\" không phải là cấp thực hiện của thủ tục {code} (các cấp: {string.Join(", ", levels)}).");
            }

            if (rows.Any(r => r.Level == level))
            {
                return Error.Invalid($"{field}.level", $"Cấp \"{level}\" được khai báo hai lần.");
            }

            AgencyKind kind;
            string? unitCode = null;
            if (level == DecidingAgency.CommuneLevel)
            {
                if (choice.Kind is not (AgencyKind.CommuneCommittee or AgencyKind.CommunePolice))
                {
                    return Error.Invalid($"{field}.kind", "Ở cấp xã, cơ quan giải quyết là Ủy ban nhân dân xã/phường (CommuneCommittee) hoặc Công an xã/phường (CommunePolice) của nơi cư trú người nộp.");
                }

                if (!string.IsNullOrWhiteSpace(choice.UnitCode))
                {
                    return Error.Invalid($"{field}.unitCode", "Ở cấp xã không chọn một đơn vị cụ thể: hồ sơ được chuyển cho cơ quan cùng loại của xã/phường nơi người nộp cư trú.");
                }

                kind = choice.Kind.Value;
            }
            else
            {
                var wanted = choice.UnitCode?.Trim() ?? "";
                if (wanted.Length == 0)
                {
                    return Error.Required($"{field}.unitCode", $"mã đơn vị của cơ quan giải quyết ở {level}");
                }

                var unit = await directory.UnitByCodeAsync(wanted, ct);
                if (unit is null || unit.Kind != OrgUnitKind.Agency || unit.WardCode is not null)
                {
                    return Error.Invalid($"{field}.unitCode", $"Mã đơn vị \"{wanted}\" không phải là một cơ quan giải quyết cấp thành phố trong danh mục đơn vị.");
                }

                if (unit.ElectronicId is null)
                {
                    return Error.Invalid($"{field}.unitCode", $"Đơn vị \"{unit.Name}\" chưa có mã định danh điện tử nên chưa thể nhận hồ sơ.");
                }

                kind = unit.AgencyKind;
                unitCode = unit.Code;
            }

            rows.Add(new DecidingAgency { VersionId = version.Id, Level = level, Kind = kind, UnitCode = unitCode, Confirmed = true, ConfirmedBy = actor.Name, ConfirmedAt = now });
        }

        var old = await db.Set<DecidingAgency>().Where(a => a.VersionId == version.Id).ToListAsync(ct);
        db.Set<DecidingAgency>().RemoveRange(old);
        db.Set<DecidingAgency>().AddRange(rows);
        audit.Record(
            "catalog.deciding-agency.confirmed",
            $"procedure:{code}",
            $"version {version.Number}: " + string.Join("; ", rows.Select(r => $"{r.Level} = {r.UnitCode ?? r.Kind.ToString()}")));
        await db.SaveChangesAsync(ct);

        var units = (await directory.AgenciesAsync(null, ct)).ToDictionary(u => u.Code, u => u.Name);
        return View(code, procedure.Name, version.Number, levels, rows, units);
    }

    private static DecidingAgencyView View(string code, string name, int number, IReadOnlyList<string> levels, IEnumerable<DecidingAgency> rows, Dictionary<string, string> units)
    {
        var list = rows.OrderBy(r => r.Level, StringComparer.Ordinal)
            .Select(r => new DecidingAgencyLevelView(
                r.Level,
                r.Kind.ToString(),
                r.UnitCode,
                r.UnitCode is not null && units.TryGetValue(r.UnitCode, out var unitName) ? unitName : null,
                r.Confirmed,
                r.Confirmed ? ConfirmedStatus : Unconfirmed,
                r.ConfirmedBy,
                r.ConfirmedAt))
            .ToList();
        return new(code, name, number, levels, list.Count > 0 && list.All(l => l.Confirmed), list);
    }
}
