using System.Globalization;
using Microsoft.AspNetCore.Http;
using MotCua.Calendar.Clock;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Errors;

namespace MotCua.Dossiers.Processes;

/// <summary>One step as the administrator's form holds it (text as typed, so a refused save shows it again).</summary>
internal sealed class StepRow
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public StepKind Kind { get; set; } = StepKind.Work;
    public Performer Performer { get; set; } = Performer.Agency;
    public string UnitCode { get; set; } = "";
    public AgencyKind WardAgencyKind { get; set; } = AgencyKind.CommuneCommittee;
    public string Role { get; set; } = "";
    public string Percent { get; set; } = "";
    public List<string> Next { get; set; } = [];
}

/// <summary>
/// The process editor's form without YAML (/admin/processes/{code}): steps as rows that can be added, removed and
/// moved, read from the posted fields and turned into the same <see cref="ProcessSpec"/> the YAML/JSON path gives to
/// <see cref="SaveProcess"/> — one use case, one validation.
/// </summary>
internal sealed class ProcessForm
{
    public const int MaxRows = 40;

    public List<StepRow> Steps { get; } = [];
    public SupplementMode SupplementMode { get; set; } = SupplementMode.Pause;
    public string CutOff { get; set; } = "";
    public bool Delegated { get; set; }
    public string Note { get; set; } = "";

    public static ProcessForm From(ProcessSpec spec)
    {
        var form = new ProcessForm
        {
            SupplementMode = spec.SupplementMode,
            CutOff = spec.CutOff?.ToString("HH\\:mm", CultureInfo.InvariantCulture) ?? "",
            Delegated = spec.Delegated,
        };
        form.Steps.AddRange(spec.Steps.Select(s => new StepRow
        {
            Id = s.Id,
            Name = s.Name,
            Kind = s.Kind,
            Performer = s.Performer,
            UnitCode = s.UnitCode ?? "",
            WardAgencyKind = s.WardAgencyKind ?? AgencyKind.CommuneCommittee,
            Role = s.Role,
            Percent = s.BudgetPercent.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN")),
            Next = [.. s.Next],
        }));
        return form;
    }

    /// <summary>The posted form (fields <c>s{i}.id</c> … <c>s{i}.next</c>, <c>count</c>, <c>supplementMode</c>, <c>cutOff</c>, <c>delegated</c>, <c>note</c>).</summary>
    public static ProcessForm Read(IFormCollection f)
    {
        var form = new ProcessForm
        {
            SupplementMode = Enum.TryParse<SupplementMode>(f["supplementMode"], out var mode) && Enum.IsDefined(mode) ? mode : SupplementMode.Pause,
            CutOff = f["cutOff"].ToString().Trim(),
            Delegated = f["delegated"] == "true",
            Note = f["note"].ToString(),
        };
        var count = int.TryParse(f["count"], out var n) ? Math.Clamp(n, 0, MaxRows) : 0;
        for (var i = 0; i < count; i++)
        {
            form.Steps.Add(new StepRow
            {
                Id = f[$"s{i}.id"].ToString().Trim(),
                Name = f[$"s{i}.name"].ToString().Trim(),
                Kind = Enum.TryParse<StepKind>(f[$"s{i}.kind"], out var kind) && Enum.IsDefined(kind) ? kind : StepKind.Work,
                Performer = Enum.TryParse<Performer>(f[$"s{i}.performer"], out var performer) && Enum.IsDefined(performer) ? performer : Performer.Agency,
                UnitCode = f[$"s{i}.unit"].ToString().Trim(),
                WardAgencyKind = Enum.TryParse<AgencyKind>(f[$"s{i}.ward"], out var ward) && Enum.IsDefined(ward) ? ward : AgencyKind.CommuneCommittee,
                Role = f[$"s{i}.role"].ToString().Trim(),
                Percent = f[$"s{i}.percent"].ToString().Trim(),
                Next = [.. f[$"s{i}.next"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())],
            });
        }

        return form;
    }

    /// <summary>Adds, removes or moves a step ("add", "remove:2", "up:2", "down:2"); false for anything else.</summary>
    public bool Apply(string? command)
    {
        var parts = (command ?? "").Split(':');
        var at = parts.Length == 2 && int.TryParse(parts[1], out var i) && i >= 0 && i < Steps.Count ? i : -1;
        switch (parts[0])
        {
            case "add" when Steps.Count < MaxRows:
                var number = Steps.Count + 1;
                while (Steps.Any(s => s.Id == $"buoc-{number}"))
                {
                    number++;
                }

                // Before the return step, which stays last.
                var row = new StepRow { Id = $"buoc-{number}", Role = Platform.Identity.StaffRoles.Specialist, Percent = "0" };
                var returnAt = Steps.FindIndex(s => s.Kind == StepKind.Return);
                Steps.Insert(returnAt >= 0 ? returnAt : Steps.Count, row);
                return true;
            case "remove" when at >= 0:
                var removed = Steps[at].Id;
                Steps.RemoveAt(at);
                foreach (var s in Steps)
                {
                    s.Next.RemoveAll(x => x == removed);
                }

                return true;
            case "up" when at > 0:
                (Steps[at - 1], Steps[at]) = (Steps[at], Steps[at - 1]);
                return true;
            case "down" when at >= 0 && at + 1 < Steps.Count:
                (Steps[at + 1], Steps[at]) = (Steps[at], Steps[at + 1]);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The process to save, or what cannot be read as typed (a share that is not a number, a time that is not HH:mm).</summary>
    public (ProcessSpec? Spec, IReadOnlyList<Error> Errors) ToSpec()
    {
        var errors = new List<Error>();
        var steps = new List<ProcessStep>();
        for (var i = 0; i < Steps.Count; i++)
        {
            var r = Steps[i];
            if (!TryPercent(r.Percent, out var percent))
            {
                errors.Add(Error.Invalid($"steps[{i}].budgetPercent", $"Bước {i + 1} ({(r.Name.Length > 0 ? r.Name : r.Id)}): tỷ lệ thời gian phải là một số phần trăm, ví dụ 15 hoặc 12,5."));
            }

            steps.Add(new ProcessStep
            {
                Id = r.Id,
                Name = r.Name,
                Kind = r.Kind,
                Performer = r.Performer,
                UnitCode = r.Performer == Performer.Unit ? r.UnitCode : null,
                WardAgencyKind = r.Performer == Performer.WardAgency ? r.WardAgencyKind : null,
                Role = r.Role,
                BudgetPercent = percent,
                Next = r.Kind == StepKind.Return ? [] : [.. r.Next],
            });
        }

        TimeOnly? cutOff = null;
        if (CutOff.Length > 0)
        {
            if (TimeOnly.TryParseExact(CutOff, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
            {
                cutOff = t;
            }
            else
            {
                errors.Add(Error.Invalid("cutOff", "Giờ chốt tiếp nhận phải có dạng giờ:phút, ví dụ 15:00 (để trống nếu không có)."));
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ProcessSpec { Steps = steps, SupplementMode = SupplementMode, CutOff = cutOff, Delegated = Delegated }, []);
    }

    private static bool TryPercent(string text, out decimal value)
        => decimal.TryParse(text.Replace('.', ','), NumberStyles.Number, CultureInfo.GetCultureInfo("vi-VN"), out value) && value is >= 0 and <= 100;
}
