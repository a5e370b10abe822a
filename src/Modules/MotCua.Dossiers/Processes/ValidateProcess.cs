using System.Globalization;
using System.Text.RegularExpressions;
using MotCua.Organisation.Contracts;
using MotCua.Platform.Errors;
using MotCua.Platform.Identity;

namespace MotCua.Dossiers.Processes;

/// <summary>
/// The rules of a process definition, checked without I/O (unit codes are checked against the organisation by
/// <see cref="SaveProcess"/>). Every message names the step it is about, in Vietnamese; the field is the
/// JSON path of the input ("steps[2].next").
/// </summary>
internal static partial class ValidateProcess
{
    public const int MaxSteps = 100;
    public const int MaxNameLength = 300;

    /// <summary>The roles that may act on a step: every staff role except the administrator and the auditor.</summary>
    public static readonly IReadOnlyList<string> StepRoles =
        [.. StaffRoles.All.Where(r => r is not (StaffRoles.Administrator or StaffRoles.Auditor))];

    public static IReadOnlyList<Error> Run(ProcessSpec spec)
    {
        var errors = new List<Error>();
        var steps = spec.Steps ?? [];
        if (steps.Count < 2)
        {
            errors.Add(Error.Invalid("steps", "Quy trình phải có ít nhất 2 bước: bước tiếp nhận hồ sơ và bước trả kết quả."));
        }

        if (steps.Count > MaxSteps)
        {
            errors.Add(Error.Invalid("steps", $"Quy trình có {steps.Count} bước, vượt quá giới hạn {MaxSteps} bước."));
            return errors;
        }

        if (!Enum.IsDefined(spec.SupplementMode))
        {
            errors.Add(Error.Invalid("supplementMode", "Cách tính thời gian sau khi bổ sung hồ sơ (supplementMode) phải là Pause (tạm dừng) hoặc Restart (tính lại từ đầu)."));
        }

        if (steps.Count == 0)
        {
            return errors;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var idsOk = true;
        for (var i = 0; i < steps.Count; i++)
        {
            idsOk &= CheckStep(steps[i] ?? new ProcessStep(), i, index, errors);
        }

        CheckFirst(steps[0] ?? new ProcessStep(), errors);

        var nextOk = true;
        var returns = new List<int>();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i] ?? new ProcessStep();
            var next = step.Next ?? [];
            var label = Label(step, i);
            if (step.Kind == StepKind.Return)
            {
                returns.Add(i);
                if (next.Count > 0)
                {
                    errors.Add(Error.Invalid($"steps[{i}].next", $"Bước trả kết quả {label} là bước cuối của quy trình, không được có bước tiếp theo."));
                }
            }
            else if (next.Count == 0)
            {
                errors.Add(Error.Invalid($"steps[{i}].next", $"Bước {label} chưa có bước tiếp theo; chỉ bước trả kết quả (Return) mới kết thúc quy trình."));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var target in next)
            {
                if (string.IsNullOrWhiteSpace(target))
                {
                    errors.Add(Error.Invalid($"steps[{i}].next", $"Bước {label} có một bước tiếp theo để trống."));
                    nextOk = false;
                }
                else if (!seen.Add(target))
                {
                    errors.Add(Error.Invalid($"steps[{i}].next", $"Bước {label} liệt kê bước tiếp theo \"{target}\" hai lần."));
                }
                else if (idsOk && !index.ContainsKey(target))
                {
                    errors.Add(Error.Invalid($"steps[{i}].next", $"Bước {label} chuyển tới bước \"{target}\", nhưng quy trình không có bước nào mã \"{target}\"."));
                    nextOk = false;
                }
            }
        }

        if (returns.Count == 0)
        {
            errors.Add(Error.Invalid("steps", "Quy trình phải có một bước trả kết quả (kind: Return) là bước cuối cùng."));
        }
        else if (returns.Count > 1)
        {
            errors.Add(Error.Invalid("steps", $"Quy trình chỉ được có một bước trả kết quả (kind: Return); đang có {returns.Count}: {string.Join(", ", returns.Select(i => Label(steps[i], i)))}."));
        }

        if (!idsOk || !nextOk)
        {
            return errors;
        }

        var graph = new Graph(steps, index);
        if (graph.FindCycle() is { } cycle)
        {
            errors.Add(Error.Invalid("steps", $"Quy trình có vòng lặp: {string.Join(" → ", cycle.Select(i => steps[i].Id))}. Hồ sơ chỉ đi tới, không quay lại bước đã qua."));
            return errors;
        }

        var reachable = graph.ReachableFromFirst();
        for (var i = 1; i < steps.Count; i++)
        {
            if (!reachable.Contains(i))
            {
                errors.Add(Error.Invalid($"steps[{i}]", $"Bước {Label(steps[i], i)} không thể đến được từ bước tiếp nhận \"{steps[0].Id}\": không bước nào chuyển tới nó."));
            }
        }

        // The path rules need one end: the Return step, and no other step without a next one.
        var flowEnds = steps.Count(s => (s.Next ?? []).Count == 0);
        if (returns.Count != 1 || flowEnds != 1 || (steps[returns[0]].Next ?? []).Count != 0)
        {
            return errors;
        }

        var order = graph.ReverseTopologicalFromFirst();
        CheckJoins(steps, graph, order, returns[0], errors);
        if (steps.All(s => s.BudgetPercent > 0))
        {
            CheckBudgets(steps, graph, order, errors);
        }

        CheckApprovals(steps, graph, order, errors);
        return errors;
    }

    /// <summary>The field-by-field rules of one step; false when its id cannot be used to follow the graph.</summary>
    private static bool CheckStep(ProcessStep step, int i, Dictionary<string, int> index, List<Error> errors)
    {
        var field = $"steps[{i}]";
        var label = Label(step, i);
        var idOk = true;
        if (string.IsNullOrWhiteSpace(step.Id))
        {
            errors.Add(Error.Required($"{field}.id", $"mã của bước thứ {i + 1} (id)"));
            idOk = false;
        }
        else if (!IdPattern().IsMatch(step.Id))
        {
            errors.Add(Error.Invalid($"{field}.id", $"Mã bước \"{step.Id}\" (bước thứ {i + 1}) không hợp lệ: chỉ dùng chữ thường không dấu a-z, chữ số và dấu gạch ngang, tối đa 40 ký tự (ví dụ \"tham-dinh\")."));
            idOk = false;
        }
        else if (!index.TryAdd(step.Id, i))
        {
            errors.Add(Error.Invalid($"{field}.id", $"Mã bước \"{step.Id}\" bị trùng: bước thứ {index[step.Id] + 1} và bước thứ {i + 1} có cùng mã."));
            idOk = false;
        }

        if (string.IsNullOrWhiteSpace(step.Name))
        {
            errors.Add(Error.Required($"{field}.name", $"tên của bước {label}"));
        }
        else if (step.Name.Length > MaxNameLength)
        {
            errors.Add(Error.Invalid($"{field}.name", $"Tên của bước {label} dài quá {MaxNameLength} ký tự."));
        }

        if (!Enum.IsDefined(step.Kind))
        {
            errors.Add(Error.Invalid($"{field}.kind", $"Bước {label}: loại bước (kind) phải là Work (xử lý), Approval (phê duyệt) hoặc Return (trả kết quả)."));
        }

        if (string.IsNullOrWhiteSpace(step.Role))
        {
            errors.Add(Error.Required($"{field}.role", $"vai trò thực hiện bước {label} (role)"));
        }
        else if (step.Role is StaffRoles.Administrator or StaffRoles.Auditor)
        {
            errors.Add(Error.Invalid($"{field}.role", $"Bước {label}: vai trò {StaffRoles.DisplayName(step.Role)} ({step.Role}) không xử lý hồ sơ; chọn một trong: {RoleList}."));
        }
        else if (!StepRoles.Contains(step.Role))
        {
            errors.Add(Error.Invalid($"{field}.role", $"Bước {label}: vai trò \"{step.Role}\" không tồn tại; chọn một trong: {RoleList}."));
        }

        CheckPerformer(step, field, label, errors);

        if (step.BudgetPercent <= 0)
        {
            errors.Add(Error.Invalid($"{field}.budgetPercent", $"Bước {label}: tỷ lệ thời gian (budgetPercent) phải lớn hơn 0%."));
        }
        else if (step.BudgetPercent > 100)
        {
            errors.Add(Error.Invalid($"{field}.budgetPercent", $"Bước {label}: tỷ lệ thời gian (budgetPercent) không được quá 100%."));
        }

        return idOk;
    }

    private static void CheckPerformer(ProcessStep step, string field, string label, List<Error> errors)
    {
        if (!Enum.IsDefined(step.Performer))
        {
            errors.Add(Error.Invalid($"{field}.performer", $"Bước {label}: chưa chọn nơi thực hiện (performer): Center, ReceivingUnit, Agency, WardAgency hoặc Unit."));
            return;
        }

        if (step.Performer == Performer.Unit && string.IsNullOrWhiteSpace(step.UnitCode))
        {
            errors.Add(Error.Required($"{field}.unitCode", $"mã đơn vị thực hiện bước {label} (unitCode), vì bước do một đơn vị cụ thể thực hiện (performer: Unit)"));
        }
        else if (step.Performer != Performer.Unit && !string.IsNullOrWhiteSpace(step.UnitCode))
        {
            errors.Add(Error.Invalid($"{field}.unitCode", $"Bước {label}: mã đơn vị (unitCode) chỉ dùng khi nơi thực hiện là Unit; xóa mã đơn vị hoặc đổi nơi thực hiện thành Unit."));
        }

        if (step.Performer == Performer.WardAgency && step.WardAgencyKind is not (AgencyKind.CommuneCommittee or AgencyKind.CommunePolice))
        {
            errors.Add(Error.Invalid($"{field}.wardAgencyKind", $"Bước {label} do cơ quan cấp xã nơi cư trú của người nộp thực hiện: chọn wardAgencyKind là CommuneCommittee (UBND xã, phường) hoặc CommunePolice (Công an xã, phường)."));
        }
        else if (step.Performer != Performer.WardAgency && step.WardAgencyKind is not null)
        {
            errors.Add(Error.Invalid($"{field}.wardAgencyKind", $"Bước {label}: wardAgencyKind chỉ dùng khi nơi thực hiện là WardAgency."));
        }
    }

    private static void CheckFirst(ProcessStep first, List<Error> errors)
    {
        var label = Label(first, 0);
        if (first.Kind != StepKind.Work)
        {
            errors.Add(Error.Invalid("steps[0].kind", $"Bước đầu tiên {label} phải là bước tiếp nhận hồ sơ (kind: Work), không phải bước phê duyệt hay trả kết quả."));
        }

        if (first.Role != StaffRoles.ReceptionOfficer)
        {
            errors.Add(Error.Invalid("steps[0].role", $"Bước đầu tiên {label} là bước tiếp nhận hồ sơ: vai trò phải là {StaffRoles.DisplayName(StaffRoles.ReceptionOfficer)} ({StaffRoles.ReceptionOfficer})."));
        }

        if (Enum.IsDefined(first.Performer) && first.Performer is not (Performer.ReceivingUnit or Performer.Center))
        {
            errors.Add(Error.Invalid("steps[0].performer", $"Bước đầu tiên {label} là bước tiếp nhận hồ sơ: nơi thực hiện phải là nơi tiếp nhận (ReceivingUnit) hoặc Trung tâm (Center)."));
        }
    }

    /// <summary>Every fork's branches meet again at one step before the Return step (its immediate post-dominator).</summary>
    private static void CheckJoins(IReadOnlyList<ProcessStep> steps, Graph graph, List<int> order, int returnStep, List<Error> errors)
    {
        // Post-dominators, computed from the end: pdom(n) = {n} ∪ ⋂ pdom(next). They form a chain per step.
        var pdom = new Dictionary<int, HashSet<int>>();
        foreach (var n in order)
        {
            HashSet<int>? common = null;
            foreach (var s in graph.Next[n])
            {
                if (common is null)
                {
                    common = [.. pdom[s]];
                }
                else
                {
                    common.IntersectWith(pdom[s]);
                }
            }

            common ??= [];
            common.Add(n);
            pdom[n] = common;
        }

        foreach (var n in order.AsEnumerable().Reverse())
        {
            if (graph.Next[n].Count < 2)
            {
                continue;
            }

            var join = pdom[n].Where(d => d != n).MaxBy(d => pdom[d].Count);
            if (join == returnStep)
            {
                var branches = string.Join(", ", graph.Next[n].Select(s => $"\"{steps[s].Id}\""));
                errors.Add(Error.Invalid($"steps[{n}].next", $"Các nhánh song song sau bước \"{steps[n].Id}\" ({branches}) phải gặp lại nhau ở một bước chung trước bước trả kết quả \"{steps[returnStep].Id}\" (ví dụ bước phê duyệt); hiện các nhánh kết thúc riêng rẽ."));
            }
        }
    }

    /// <summary>Along every path from the first step to the Return step the shares add up to exactly 100%.</summary>
    private static void CheckBudgets(IReadOnlyList<ProcessStep> steps, Graph graph, List<int> order, List<Error> errors)
    {
        var min = new Dictionary<int, (decimal Sum, int Next)>();
        var max = new Dictionary<int, (decimal Sum, int Next)>();
        foreach (var n in order)
        {
            var own = steps[n].BudgetPercent;
            if (graph.Next[n].Count == 0)
            {
                min[n] = max[n] = (own, -1);
                continue;
            }

            var low = graph.Next[n].MinBy(s => min[s].Sum);
            var high = graph.Next[n].MaxBy(s => max[s].Sum);
            min[n] = (own + min[low].Sum, low);
            max[n] = (own + max[high].Sum, high);
        }

        var (lowest, highest) = (min[0].Sum, max[0].Sum);
        if (lowest != 100)
        {
            errors.Add(BudgetError(steps, Path(min), lowest));
        }

        if (highest != 100 && highest != lowest)
        {
            errors.Add(BudgetError(steps, Path(max), highest));
        }

        static List<int> Path(Dictionary<int, (decimal Sum, int Next)> best)
        {
            var path = new List<int>();
            for (var n = 0; n >= 0; n = best[n].Next)
            {
                path.Add(n);
            }

            return path;
        }
    }

    private static Error BudgetError(IReadOnlyList<ProcessStep> steps, List<int> path, decimal sum)
        => Error.Invalid("steps", $"Tổng tỷ lệ thời gian (budgetPercent) trên đường đi {string.Join(" → ", path.Select(i => steps[i].Id))} là {Percent(sum)}, phải đúng 100% (các nhánh song song phải có tổng bằng nhau).");

    /// <summary>At most one Approval step on any path.</summary>
    private static void CheckApprovals(IReadOnlyList<ProcessStep> steps, Graph graph, List<int> order, List<Error> errors)
    {
        var most = new Dictionary<int, (int Count, int Next)>();
        foreach (var n in order)
        {
            var own = steps[n].Kind == StepKind.Approval ? 1 : 0;
            if (graph.Next[n].Count == 0)
            {
                most[n] = (own, -1);
                continue;
            }

            var best = graph.Next[n].MaxBy(s => most[s].Count);
            most[n] = (own + most[best].Count, best);
        }

        if (most[0].Count <= 1)
        {
            return;
        }

        var path = new List<int>();
        for (var n = 0; n >= 0; n = most[n].Next)
        {
            path.Add(n);
        }

        var approvals = path.Where(i => steps[i].Kind == StepKind.Approval).Select(i => $"\"{steps[i].Id}\"");
        errors.Add(Error.Invalid("steps", $"Đường đi {string.Join(" → ", path.Select(i => steps[i].Id))} có {most[0].Count} bước phê duyệt ({string.Join(", ", approvals)}); mỗi đường đi chỉ được có tối đa một bước phê duyệt."));
    }

    /// <summary>"tham-dinh" in quotes, or "thứ 3" for a step without an id.</summary>
    private static string Label(ProcessStep? step, int i)
        => string.IsNullOrWhiteSpace(step?.Id) ? $"thứ {i + 1}" : $"\"{step.Id}\"";

    internal static string Percent(decimal value)
        => value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') + "%";

    private static string RoleList => string.Join(", ", StepRoles.Select(r => $"{r} ({StaffRoles.DisplayName(r)})"));

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex IdPattern();

    /// <summary>The steps as a graph of indexes (only built when every id is valid and every next exists).</summary>
    private sealed class Graph(IReadOnlyList<ProcessStep> steps, Dictionary<string, int> index)
    {
        public IReadOnlyList<IReadOnlyList<int>> Next { get; } =
            [.. steps.Select(s => (IReadOnlyList<int>)[.. (s.Next ?? []).Distinct(StringComparer.Ordinal).Select(n => index[n])])];

        /// <summary>The first cycle found, as the ids' indexes with the first repeated at the end; null if none.</summary>
        public List<int>? FindCycle()
        {
            var state = new int[steps.Count]; // 0 new, 1 on the current path, 2 done
            var path = new List<int>();
            for (var start = 0; start < steps.Count; start++)
            {
                if (state[start] == 0 && Visit(start) is { } cycle)
                {
                    return cycle;
                }
            }

            return null;

            List<int>? Visit(int n)
            {
                state[n] = 1;
                path.Add(n);
                foreach (var s in Next[n])
                {
                    if (state[s] == 1)
                    {
                        return [.. path.Skip(path.IndexOf(s)), s];
                    }

                    if (state[s] == 0 && Visit(s) is { } found)
                    {
                        return found;
                    }
                }

                path.RemoveAt(path.Count - 1);
                state[n] = 2;
                return null;
            }
        }

        public HashSet<int> ReachableFromFirst()
        {
            var seen = new HashSet<int> { 0 };
            var queue = new Queue<int>([0]);
            while (queue.TryDequeue(out var n))
            {
                foreach (var s in Next[n].Where(seen.Add))
                {
                    queue.Enqueue(s);
                }
            }

            return seen;
        }

        /// <summary>The steps reachable from the first, each after all the steps it leads to (needs no cycle).</summary>
        public List<int> ReverseTopologicalFromFirst()
        {
            var done = new HashSet<int>();
            var order = new List<int>();
            Visit(0);
            return order;

            void Visit(int n)
            {
                if (!done.Add(n))
                {
                    return;
                }

                foreach (var s in Next[n])
                {
                    Visit(s);
                }

                order.Add(n);
            }
        }
    }
}
