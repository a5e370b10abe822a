using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Catalog.Contracts;
using MotCua.Catalog.Procedures;
using MotCua.Dossiers;
using MotCua.Dossiers.Reception;
using MotCua.Organisation.Contracts;
using MotCua.Organisation.Network;
using MotCua.Platform.Data;
using MotCua.Platform.Time;
using Npgsql;
using NpgsqlTypes;

namespace MotCua.Cli.Generate;

/// <summary>
/// Writes plausible dossiers for load tests and demos: real procedures, agencies, wards and points, a
/// year of reception days, realistic statuses and appointment dates, one timeline entry each. PostgreSQL
/// gets them through binary COPY; SQLite through batched inserts. Codes continue each agency's daily
/// sequence and the counters are moved past them, so later receptions stay gapless and unique. Open
/// dossiers get the step they are at (with its due instant), so the work lists and the clock sweep have
/// something to do; with <c>openOnly</c> every dossier is open and received within the last 30 days, the
/// load of the clock-sweep benchmark.
/// </summary>
internal sealed class DossierGenerator(MotCuaDb db, DueDates dueDates, TimeProvider time)
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Hữu", "Minh", "Thu", "Ngọc", "Quốc", "Thanh", "Đức", "Gia", "Bảo", "Hải"];
    private static readonly string[] GivenNames = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Ngọc", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Việt", "Yến"];

    private sealed record Proc(Guid Id, string Code, int Version, string Name, decimal? Time, TimeUnit Unit, bool Commune);

    private sealed record Agency(Guid Id, string Name, string Eid, string? Ward, AgencyKind Kind);

    private sealed record Point(Guid Id, string Name);

    public async Task<int> RunAsync(int count, int seed, Action<string> progress, CancellationToken ct, bool openOnly = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var random = new Random(seed);
        var procedures = (await db.Set<MotCua.Catalog.Procedures.Procedure>().AsNoTracking().Select(p => new { p.Id, p.Code, p.CurrentVersion, p.Name, p.Levels }).ToListAsync(ct))
            .Select(p => new Proc(p.Id, p.Code, p.CurrentVersion, p.Name.Length > 1900 ? p.Name[..1900] : p.Name, 1 + random.Next(15), TimeUnit.WorkingDays, p.Levels.Contains("Cấp xã", StringComparison.Ordinal)))
            .ToList();
        var agencies = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.Kind == OrgUnitKind.Agency && u.ElectronicId != null)
            .Select(u => new Agency(u.Id, u.Name, u.ElectronicId!, u.WardCode, u.AgencyKind)).ToListAsync(ct);
        var points = await db.Set<OrgUnit>().AsNoTracking().Where(u => u.Kind == OrgUnitKind.Branch || u.Kind == OrgUnitKind.ReceptionPoint || u.Kind == OrgUnitKind.ServicePoint)
            .Select(u => new Point(u.Id, u.Name)).ToListAsync(ct);
        if (procedures.Count == 0 || agencies.Count == 0 || points.Count == 0)
        {
            throw new InvalidOperationException("Seed the database first (motcua seed): procedures, agencies and points are needed.");
        }

        var communeAgencies = agencies.Where(a => a.Ward is not null).ToList();
        var cityAgencies = agencies.Where(a => a.Ward is null).ToList();
        var counters = await db.Set<MotCua.Dossiers.Codes.DossierCodeCounter>().AsNoTracking().ToDictionaryAsync(c => (c.AgencyId, c.Day), c => c.Last, ct);
        var today = DateOnly.FromDateTime(VietnamTime.ToLocal(time.GetUtcNow()).DateTime);
        var clock = await dueDates.ClockAsync(ct);
        var rows = new List<Row>(Math.Min(count, 50_000));
        var written = 0;
        for (var i = 0; i < count; i++)
        {
            var p = procedures[random.Next(procedures.Count)];
            var agency = p.Commune ? communeAgencies[random.Next(communeAgencies.Count)] : cityAgencies[random.Next(cityAgencies.Count)];
            var day = today.AddDays(-random.Next(1, openOnly ? 31 : 366));
            while (!clock.Calendar.IsWorkingDay(day))
            {
                day = day.AddDays(-1);
            }

            var dayKey = day.ToString("yyMMdd", CultureInfo.InvariantCulture);
            var seq = counters[(agency.Eid, dayKey)] = counters.GetValueOrDefault((agency.Eid, dayKey)) + 1;
            var at = VietnamTime.At(day, new TimeOnly(8 + random.Next(8), random.Next(60)));
            if (at > time.GetUtcNow())
            {
                at = time.GetUtcNow().AddMinutes(-random.Next(1, 600));
            }

            var online = random.NextDouble() < 0.6;
            var status = openOnly ? (random.Next(10) < 3 ? DossierStatus.Received : DossierStatus.InProgress) : Status(random);
            var received = status is DossierStatus.RegisteredOnline or DossierStatus.Refused ? (DateTimeOffset?)null : at.AddMinutes(online ? random.Next(30, 600) : 0);
            var due = received is { } r && DueDates.Budget(new ProcessingTime(p.Time, p.Unit, "")) is { } budget ? clock.DueAt(r, budget) : (DateTimeOffset?)null;
            var point = points[random.Next(points.Count)];
            rows.Add(new Row(
                Guid.CreateVersion7(at), $"{agency.Eid}-{dayKey}-{seq:0000}", seq, p, agency, point, online, status, at, received, due,
                $"{FamilyNames[random.Next(FamilyNames.Length)]} {MiddleNames[random.Next(MiddleNames.Length)]} {GivenNames[random.Next(GivenNames.Length)]}",
                $"001{random.Next(40, 100):00}{random.Next(0, 10_000_000):0000000}",
                $"09{random.Next(0, 100_000_000):00000000}",
                agency.Ward));
            if (rows.Count == rows.Capacity || i == count - 1)
            {
                await WriteAsync(rows, ct);
                written += rows.Count;
                rows.Clear();
                progress($"{written:N0} / {count:N0}");
            }
        }

        await SaveCountersAsync(counters, ct);
        return written;
    }

    private static DossierStatus Status(Random random) => random.Next(100) switch
    {
        < 5 => DossierStatus.RegisteredOnline,
        < 8 => DossierStatus.Refused,
        < 12 => DossierStatus.SupplementRequested,
        < 30 => DossierStatus.InProgress,
        < 40 => DossierStatus.Received,
        < 55 => DossierStatus.Resolved,
        _ => DossierStatus.ResultReturned,
    };

    private sealed record Row(Guid Id, string Code, int Sequence, Proc Procedure, Agency Agency, Point Point, bool Online, DossierStatus Status,
        DateTimeOffset CreatedAt, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, string Name, string IdNumber, string Phone, string? Ward)
    {
        public bool Open => Status is DossierStatus.Received or DossierStatus.InProgress or DossierStatus.SupplementRequested;

        public bool Finished => Status is DossierStatus.Resolved or DossierStatus.ResultReturned;

        /// <summary>The step an open dossier is at: handed on to the agency, or appraised there.</summary>
        public (string Step, string Name, string Role, Guid Unit, string UnitName) Step => Status == DossierStatus.Received
            ? ("chuyen-ho-so", "Chuyển hồ sơ đến cơ quan giải quyết", MotCua.Platform.Identity.StaffRoles.ReceptionOfficer, Point.Id, Point.Name)
            : ("tham-dinh", "Thẩm định, xử lý hồ sơ", MotCua.Platform.Identity.StaffRoles.Specialist, Agency.Id, Agency.Name);
    }

    private async Task WriteAsync(List<Row> rows, CancellationToken ct)
    {
        if (db.IsSqlite)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var r in rows)
            {
                db.Add(Build(r));
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY dossiers ("Id","Code","Sequence","ProcedureId","ProcedureCode","ProcedureVersion","ProcedureName","CaseName","Channel","AgencyId","AgencyName",
            "ReceivingUnitId","ReceivingUnitName","ReceivedById","ReceivedByName","ApplicantKind","ApplicantName","ApplicantIdNumber","ApplicantPhone","ApplicantEmail",
            "ApplicantAddress","ApplicantWardCode","FormDataJson","Status","CreatedAt","SubmittedAt","ReceivedAt","DueAt","ProcessingTimeValue","ProcessingTimeUnit",
            "ResultDelivery","Version","SearchText","OriginalDueAt","ClockJson","SupplementRounds","FinishedAt","ReturnedAt","ResultJson","ReturnJson",
            "FeeDescription","AlertLevel","IdentityAssurance") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var r in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(r.Code, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Sequence, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Procedure.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(r.Procedure.Code, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Procedure.Version, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Procedure.Name, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((int)(r.Online ? Channel.Online : Channel.Counter), NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Agency.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(r.Agency.Name, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Point.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(r.Point.Name, NpgsqlDbType.Varchar, ct);
                await copy.WriteNullAsync(ct);
                await copy.WriteAsync("", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((int)ApplicantKind.Citizen, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Name, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.IdNumber, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Phone, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("Hà Nội", NpgsqlDbType.Varchar, ct);
                if (r.Ward is null)
                {
                    await copy.WriteNullAsync(ct);
                }
                else
                {
                    await copy.WriteAsync(r.Ward, NpgsqlDbType.Varchar, ct);
                }

                await copy.WriteAsync("{}", NpgsqlDbType.Text, ct);
                await copy.WriteAsync((int)r.Status, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await Nullable(copy, r.Online ? r.CreatedAt : null, ct);
                await Nullable(copy, r.ReceivedAt, ct);
                await Nullable(copy, r.DueAt, ct);
                await copy.WriteAsync(r.Procedure.Time ?? 1m, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync((int)r.Procedure.Unit, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync($"Trực tiếp tại {r.Point.Name}", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(1, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(Dossier.SearchTextOf(r.Code, new Applicant { Name = r.Name, IdNumber = r.IdNumber }), NpgsqlDbType.Varchar, ct);
                await Nullable(copy, r.DueAt, ct);
                await copy.WriteAsync(r.Status == DossierStatus.SupplementRequested && r.ReceivedAt is { } paused
                    ? $$"""{"pauses":[{"start":"{{paused.AddHours(2):O}}","reason":"Supplement","note":"Lần 1"}]}"""
                    : "{}", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Status == DossierStatus.SupplementRequested ? 1 : 0, NpgsqlDbType.Integer, ct);
                await Nullable(copy, r.Finished ? r.DueAt : null, ct);
                await Nullable(copy, r.Status == DossierStatus.ResultReturned ? r.DueAt : null, ct);
                await copy.WriteAsync("{}", NpgsqlDbType.Text, ct);
                await copy.WriteAsync("{}", NpgsqlDbType.Text, ct);
                await copy.WriteAsync("", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Online ? "vneid-level2" : "", NpgsqlDbType.Varchar, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY dossier_events ("Id","DossierId","At","Kind","Status","Text","UnitName","ActorName","Note") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var r in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(Guid.CreateVersion7(r.CreatedAt), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(r.CreatedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(r.Online ? "submitted" : "received", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((int)r.Status, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.Online ? "Nộp hồ sơ trực tuyến" : "Tiếp nhận hồ sơ", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(r.Point.Name, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("", NpgsqlDbType.Varchar, ct);
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY dossier_tasks ("Id","DossierId","StepId","StepName","Kind","UnitId","UnitName","Role","BudgetPercent","AssigneeName","State","OpenedAt","DueAt",
            "FromUnitName","FromPersonName","CompletedByName","Comment","AlertLevel","Version") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var r in rows.Where(r => r.Open && r.ReceivedAt is not null))
            {
                var (step, name, role, unit, unitName) = r.Step;
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(Guid.CreateVersion7(r.ReceivedAt!.Value), NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(step, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(name, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((int)MotCua.Dossiers.Processes.StepKind.Work, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(unit, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(unitName, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(role, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(60m, NpgsqlDbType.Numeric, ct);
                await copy.WriteAsync("", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync((int)MotCua.Dossiers.Processing.TaskState.Open, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.ReceivedAt!.Value, NpgsqlDbType.TimestampTz, ct);
                await Nullable(copy, r.DueAt, ct);
                await copy.WriteAsync(r.Point.Name, NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync("", NpgsqlDbType.Varchar, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, ct);
            }

            await copy.CompleteAsync(ct);
        }
    }

    private static async Task Nullable(NpgsqlBinaryImporter copy, DateTimeOffset? value, CancellationToken ct)
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, NpgsqlDbType.TimestampTz, ct);
        }
        else
        {
            await copy.WriteNullAsync(ct);
        }
    }

    private static Dossier Build(Row r)
    {
        var snapshot = new Dossier.ProcedureSnapshot(r.Procedure.Id, r.Procedure.Code, r.Procedure.Version, r.Procedure.Name, r.Agency.Id, r.Agency.Name, r.Procedure.Time, r.Procedure.Unit);
        var data = new Dossier.NewDossier(r.Code, r.Sequence, snapshot, "", r.Online ? Channel.Online : Channel.Counter,
            new Applicant { Name = r.Name, IdNumber = r.IdNumber, Phone = r.Phone, Address = "Hà Nội", WardCode = r.Ward }, null, [], [], "{}", $"Trực tiếp tại {r.Point.Name}");
        var officer = new Dossier.Actor(null, "", r.Point.Id, r.Point.Name);
        var dossier = r.ReceivedAt is { } received
            ? Dossier.ReceiveAtCounter(data, officer, received, r.DueAt)
            : Dossier.SubmitOnline(data, r.CreatedAt);
        if (r.Open && r.ReceivedAt is { } opened)
        {
            var (step, name, role, unit, unitName) = r.Step;
            dossier.Generated(new MotCua.Dossiers.Processing.DossierTask
            {
                DossierId = dossier.Id,
                StepId = step,
                StepName = name,
                Kind = MotCua.Dossiers.Processes.StepKind.Work,
                UnitId = unit,
                UnitName = unitName,
                Role = role,
                BudgetPercent = 60m,
                OpenedAt = opened,
                DueAt = r.DueAt,
                FromUnitName = r.Point.Name,
            }, r.Status);
        }

        return dossier;
    }

    private async Task SaveCountersAsync(Dictionary<(string AgencyId, string Day), int> counters, CancellationToken ct)
    {
        var existing = await db.Set<MotCua.Dossiers.Codes.DossierCodeCounter>().ToDictionaryAsync(c => (c.AgencyId, c.Day), ct);
        foreach (var ((agency, day), last) in counters)
        {
            if (existing.TryGetValue((agency, day), out var counter))
            {
                counter.Last = Math.Max(counter.Last, last);
            }
            else
            {
                db.Add(new MotCua.Dossiers.Codes.DossierCodeCounter { AgencyId = agency, Day = day, Last = last });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
